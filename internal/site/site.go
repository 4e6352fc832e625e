// Package site is the assembled site: the landscape as the pages show it.
//
// Assemble turns the loaded data into the model that templates and data
// exports read: categories in the order settings give, every item with the
// facts other stages computed (its logo file, GitHub facts, featured flag),
// listed under its own box and under every second_path. Render reads only this
// model, never landscape.yml, so what a visitor sees is exactly what the
// checks saw.
package site

import (
	"time"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Site is everything the renderer needs.
type Site struct {
	Settings   *landscape.Settings
	Guide      *landscape.Guide // nil when there is no guide.yml
	Categories []*Category
	Items      []*Item // every item once, in file order
	Images     Images  // the settings' images as the build serves them
}

// Images are the images settings name (images, header.logo, footer.logo,
// upcoming_event.banner_url), each written by the build under images/;
// the zero Image where there is none.
type Images struct {
	Favicon, OpenGraph, HeaderLogo, FooterLogo, EventBanner Image
}

// Image is one served image: Path is under the base path
// ("images/ab12cd34ef56.png"); Width and Height give its shape (pixels,
// or an SVG's ratio), for the page to reserve its room.
type Image struct {
	Path          string
	Width, Height int
	SVG           bool
}

// Category is a band of the landscape view.
type Category struct {
	Name          string         `json:"name"`
	Slug          string         `json:"slug"`
	Subcategories []*Subcategory `json:"subcategories"`
}

// Subcategory is a box; Items includes items listed here by second_path.
type Subcategory struct {
	Name     string    `json:"name"`
	Slug     string    `json:"slug"`
	Items    []*Item   `json:"-"`
	Category *Category `json:"-"`
}

// Item is one tile and one page, with every computed field. Its JSON form is
// the public schema of data/items.json (docs/data.md).
type Item struct {
	ID          string   `json:"id"` // stable: the page is items/ID.html whatever box the item is in
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	HomepageURL string   `json:"homepage_url,omitempty"`
	Category    string   `json:"category"`
	Subcategory string   `json:"subcategory"`
	Paths       []string `json:"paths"`          // "Category / Subcategory", the item's own box first
	Logo        string   `json:"logo,omitempty"` // path of the logo file under the site root; "" for a placeholder tile
	LogoRatio   float64  `json:"logo_ratio,omitempty"`
	// LogoRaster is the logo drawn as a PNG for the landscape's tiles
	// (build/tiles.go), "" when there is none: the page then shows the SVG.
	LogoRaster    string    `json:"-"`
	Maturity      string    `json:"maturity,omitempty"` // foundation maturity from `project:`
	Organization  string    `json:"organization,omitempty"`
	OrgSource     OrgSource `json:"-"` // where Organization came from
	Crunchbase    string    `json:"crunchbase_url,omitempty"`
	OpenSource    bool      `json:"open_source"`
	License       string    `json:"license,omitempty"` // SPDX id, from the data or else from GitHub
	Language      string    `json:"language,omitempty"`
	Stars         int       `json:"stars,omitempty"` // summed over every GitHub repository
	Repos         []Repo    `json:"repos,omitempty"`
	Twitter       string    `json:"twitter_url,omitempty"`
	Bluesky       string    `json:"bluesky_url,omitempty"`
	BestPractices string    `json:"bestpractices_url,omitempty"`
	Joined        string    `json:"joined,omitempty"`
	EndUser       bool      `json:"enduser,omitempty"` // in the data, or by a settings enduser rule
	Tag           string    `json:"tag,omitempty"`     // TAG: extra.tag, else a settings tags rule
	Featured      bool      `json:"featured,omitempty"`
	// FeaturedLabel, FeaturedOrder and FeaturedExcept come from the
	// featured_items rule that features the item: the tile's label, its
	// rank in the box (lower first) and the groups whose tabs do not
	// feature it.
	FeaturedLabel  string          `json:"-"`
	FeaturedOrder  int             `json:"-"`
	FeaturedExcept []string        `json:"-"`
	Archived       bool            `json:"archived,omitempty"` // archived as a project, or every repository archived on GitHub
	LatestCommit   *time.Time      `json:"latest_commit,omitempty"`
	Extra          landscape.Extra `json:"extra,omitzero"`
	// OrgProfile is the GitHub organization owning the primary repository.
	OrgProfile *OwnerFacts `json:"organization_profile,omitempty"`

	Source *landscape.Item `json:"-"`
}

// Repo is one repository of an item and its GitHub facts, when known.
type Repo struct {
	URL     string     `json:"url"`
	Branch  string     `json:"branch,omitempty"`
	Primary bool       `json:"primary,omitempty"`
	GitHub  *RepoFacts `json:"github,omitempty"`
}

// RepoFacts are what GitHub says about a repository.
type RepoFacts struct {
	Stars        int            `json:"stars"`
	Forks        int            `json:"forks"`
	Description  string         `json:"description,omitempty"`
	Homepage     string         `json:"homepage,omitempty"`
	License      string         `json:"license,omitempty"`
	Language     string         `json:"language,omitempty"`
	Languages    map[string]int `json:"languages,omitempty"`
	CreatedAt    *time.Time     `json:"created_at,omitempty"`
	LatestCommit *time.Time     `json:"latest_commit,omitempty"`
	ReleaseTag   string         `json:"latest_release,omitempty"`
	ReleaseDate  *time.Time     `json:"latest_release_date,omitempty"`
	Contributors int            `json:"contributors,omitempty"`
	Archived     bool           `json:"archived,omitempty"`
	Topics       []string       `json:"topics,omitempty"`
	OpenIssues   int            `json:"open_issues,omitempty"`
	OpenPRs      int            `json:"open_pull_requests,omitempty"`
	Releases     int            `json:"releases,omitempty"`
	FirstCommit  *time.Time     `json:"first_commit,omitempty"`
	// Activity is the commits per week over the last 52 weeks, oldest
	// first; CommitsLastYear is their sum.
	Activity        []int       `json:"activity,omitempty"`
	CommitsLastYear int         `json:"commits_last_year,omitempty"`
	Owner           *OwnerFacts `json:"owner,omitempty"`
	Fetched         FetchDates  `json:"fetched,omitzero"`
	Stale           bool        `json:"stale,omitempty"` // the last refresh failed; these are older values
}

// FetchDates say when each group of a repository's facts was fetched from
// GitHub: Facts for everything but the contributors, the activity and the
// first commit, which are fetched apart.
type FetchDates struct {
	Facts        *time.Time `json:"facts,omitempty"`
	Contributors *time.Time `json:"contributors,omitempty"`
	Activity     *time.Time `json:"activity,omitempty"`
	FirstCommit  *time.Time `json:"first_commit,omitempty"`
}

// OwnerFacts is the GitHub profile of a repository's owner.
type OwnerFacts struct {
	Login        string `json:"login"`
	Organization bool   `json:"organization,omitempty"`
	Name         string `json:"name,omitempty"`
	Description  string `json:"description,omitempty"`
	Location     string `json:"location,omitempty"`
	Website      string `json:"website,omitempty"`
}

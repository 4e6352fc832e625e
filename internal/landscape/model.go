// Package landscape is the data model of a landscape and its loading from the
// CNCF landscape format: landscape.yml, settings.yml and guide.yml.
//
// The loader reads files exactly as the CNCF landscape publishes them and walks
// the YAML node tree by hand rather than decoding into structs, because every
// value must keep its line and column: a problem in a 10,000-line file is only
// useful when it names the line. Loading never stops at the first problem. It
// returns the model it could build together with every problem it found, and a
// value that fails its type check is left out of the model (never guessed), so
// later stages only see values that passed.
//
// Checks that need the whole landscape (duplicates, second_path targets, logos)
// live in package check; this package only checks what one value can tell.
package landscape

// Pos is a position in a source file, 1-based.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Landscape is a loaded landscape.yml.
type Landscape struct {
	File       string      // the file name used in diagnostics
	Categories []*Category // in file order
	Items      []*Item     // every item in file order, for stages that do not care about the tree
}

// Category is a top-level band of the landscape.
type Category struct {
	Name          string
	Pos           Pos
	Subcategories []*Subcategory
}

// Subcategory is a box of items inside a category.
type Subcategory struct {
	Name     string
	Pos      Pos
	Category *Category
	Items    []*Item
}

// Repo is a source repository of an item.
type Repo struct {
	URL    string `json:"url"`
	Branch string `json:"branch,omitempty"`
	Pos    Pos    `json:"-"`
}

// Item is one project, product or member.
type Item struct {
	Name                string
	HomepageURL         string
	Logo                string
	Description         string
	RepoURL             string
	Branch              string
	AdditionalRepos     []Repo
	Project             string // foundation maturity: sandbox, incubating, graduated, archived
	Crunchbase          string
	Organization        string // organization.name, used when there is no crunchbase URL
	UnnamedOrganization bool
	Twitter             string
	BlueskyURL          string
	License             string
	OpenSource          *bool // nil when not stated
	AllowDuplicateRepo  bool
	SecondPaths         []string // "Category / Subcategory"
	EndUser             bool
	Joined              string
	URLForBestPractices string
	ProjectOrg          string
	StockTicker         string
	Slug                string // an explicit slug from the data, if any
	Extra               Extra

	Subcategory *Subcategory
	Pos         Pos            // the item's first key
	EndLine     int            // the last line on which one of its values starts
	Fields      map[string]Pos // position of each field's value, by YAML key ("extra.blog_url" for extras, "second_path.1" for the second of the second paths)
}

// Category returns the name of the item's category.
func (it *Item) Category() string { return it.Subcategory.Category.Name }

// Path returns "Category / Subcategory", the form second_path uses.
func (it *Item) Path() string { return it.Subcategory.Category.Name + " / " + it.Subcategory.Name }

// FieldPos returns where field is in the file, falling back to the item itself.
func (it *Item) FieldPos(field string) Pos {
	if p, ok := it.Fields[field]; ok {
		return p
	}
	return it.Pos
}

// Repos returns repo_url followed by additional_repos, the repositories whose
// facts (stars) are summed for the item.
func (it *Item) Repos() []Repo {
	var rs []Repo
	if it.RepoURL != "" {
		rs = append(rs, Repo{URL: it.RepoURL, Branch: it.Branch, Pos: it.FieldPos("repo_url")})
	}
	return append(rs, it.AdditionalRepos...)
}

// IsOpenSource reports whether the item counts as open source: it says so, or
// it has a repository and does not say otherwise.
func (it *Item) IsOpenSource() bool {
	if it.OpenSource != nil {
		return *it.OpenSource
	}
	return it.RepoURL != ""
}

// Extra holds the item's `extra:` map, split by the kind of each known key.
type Extra struct {
	Dates map[string]string `json:"dates,omitempty"` // accepted, incubating, graduated, archived, ...
	Links map[string]string `json:"links,omitempty"` // blog_url, slack_url, ...
	Text  map[string]string `json:"text,omitempty"`  // summary_*, chat_channel, clomonitor_name, ...
	Flags map[string]bool   `json:"flags,omitempty"` // specification, ai
	// Annotations are free name-value pairs a landscape adds (landscape2's
	// extra.annotations), shown with the item's details.
	Annotations map[string]string `json:"annotations,omitempty"`
	OtherLinks  []Link            `json:"other_links,omitempty"`
	Audits      []Audit           `json:"audits,omitempty"`
}

// Link is a named URL from extra.other_links.
type Link struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// Audit is an entry of extra.audits.
type Audit struct {
	Date   string `json:"date,omitempty"`
	Type   string `json:"type,omitempty"`
	URL    string `json:"url,omitempty"`
	Vendor string `json:"vendor,omitempty"`
}

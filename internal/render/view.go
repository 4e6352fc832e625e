package render

import (
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

// Page is what every page template needs: the site's name, where the site
// lives and the assets to load.
type Page struct {
	Settings  *landscape.Settings
	Base      string // the base path, always ending in "/"
	Assets    Assets
	Title     string // the page's own title; the site name is added by the template
	Desc      string
	Path      string // the page's path under the base path ("" for the landscape page)
	Canonical string // absolute URL of the page, "" when settings give no url
	Nav       string // the current section: landscape, guide, stats
	HasGuide  bool
	// HasProjects says the landscape has foundation projects, and so a
	// projects page.
	HasProjects bool
	Script      bool // whether the page loads the script
}

func newPage(s *site.Site, a Assets, path, title, desc, nav string) Page {
	p := Page{
		Settings: s.Settings, Base: basePath(s.Settings), Assets: a, Title: title,
		Desc: desc, Path: path, Nav: nav, HasGuide: s.Guide != nil && len(s.Guide.Categories) > 0,
		HasProjects: hasProjects(s.Items),
	}
	if p.Desc == "" {
		p.Desc = s.Settings.Description
	}
	if u := safeURL(s.Settings.URL); u != "" {
		p.Canonical = strings.TrimRight(u, "/") + p.Base + path
	}
	return p
}

// basePath defends the templates against a base path that skipped
// settings validation.
func basePath(s *landscape.Settings) string {
	b := s.BasePath
	if landscape.CheckBasePath(b) != nil {
		return "/"
	}
	if !strings.HasSuffix(b, "/") {
		b += "/"
	}
	return b
}

// indexView is the landscape page.
type indexView struct {
	Page
	Bands  []bandView
	Groups []landscape.Group
	Data   *indexData
	Items  int
	Stars  int
	// Posters lists the poster downloads, absent when the build skips them.
	Posters bool
}

// rank orders known names first, in list order, and the rest by name.
func rank(order []string, s string) int {
	if i := slices.Index(order, s); i >= 0 {
		return i - len(order)
	}
	return 0
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// bandView is a category on the landscape view; boxes without items are
// left out, but Index keeps counting them so it matches the page data.
type bandView struct {
	Index    int
	Category *site.Category
	Boxes    []boxView
}

type boxView struct {
	Index int
	Sub   *site.Subcategory
	Tiles []tileView
}

// tileView is one tile; Index is the item's position in the page data and
// Target opens item pages outside an iframe on embedded pages.
type tileView struct {
	Item   *site.Item
	Index  int
	Base   string
	Target string
}

// bands lays out categories as bands; index gives each item's data position.
func bands(cats []*site.Category, index map[*site.Item]int, base, target string) []bandView {
	var out []bandView
	box := 0
	for ci, c := range cats {
		b := bandView{Index: ci, Category: c}
		for _, sub := range c.Subcategories {
			if len(sub.Items) > 0 {
				bv := boxView{Index: box, Sub: sub}
				for _, it := range sub.Items {
					bv.Tiles = append(bv.Tiles, tileView{Item: it, Index: index[it], Base: base, Target: target})
				}
				b.Boxes = append(b.Boxes, bv)
			}
			box++
		}
		if len(b.Boxes) > 0 {
			out = append(out, b)
		}
	}
	return out
}

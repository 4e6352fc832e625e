package render

import (
	"net/url"
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
	Script    bool   // whether the page loads the script
	Own       string // a script of the page's own instead (Assets.Embed, Assets.Setup), or ""
}

func newPage(s *site.Site, a Assets, path, title, desc, nav string) Page {
	p := Page{
		Settings: s.Settings, Base: basePath(s.Settings), Assets: a, Title: title,
		Desc: desc, Path: path, Nav: nav, HasGuide: s.Guide != nil && len(s.Guide.Categories) > 0,
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
	Bands []bandView
	// Tabs are the groups of settings, the first one the tab the page opens
	// with, as in landscape2; AllTab adds a last tab with every category
	// when no group has them all.
	Tabs   []tabView
	AllTab bool
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

// ranks is rank with the positions looked up by name, for an order as long
// as the data: a landscape's maturity levels are its distinct project:
// values, 20,000 of them in a hostile one.
func ranks(order []string) func(string) int {
	pos := make(map[string]int, len(order))
	for i, s := range order {
		if _, ok := pos[s]; !ok {
			pos[s] = i - len(order)
		}
	}
	return func(s string) int { return pos[s] }
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
	Hidden   bool // outside the tab the page opens with (shown without JavaScript)
}

// tabView is a group's tab; Tab is its data-tab, "" for the first group,
// whose link is the page itself.
type tabView struct {
	Name, Tab, Href string
}

// tabs lists the groups' tabs and whether an "All" tab is needed: it is
// when no group shows every category.
func tabs(d *indexData, base string) ([]tabView, bool) {
	var out []tabView
	whole := false
	for i, g := range d.Groups {
		t := tabView{Name: g.Name, Tab: g.Alias, Href: base + "?tab=" + url.QueryEscape(g.Alias)}
		if i == 0 {
			t.Tab, t.Href = "", base
		}
		out = append(out, t)
		whole = whole || len(g.Categories) == len(d.Categories)
	}
	return out, len(out) > 0 && !whole
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

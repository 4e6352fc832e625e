package render

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
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
	Script      bool   // whether the page loads the script
	Own         string // a script of the page's own instead (Assets.Embed, Assets.Setup), or ""
	// Images are the settings' images the build serves; OGImage is the
	// Open Graph picture's absolute URL, "" without one or without url.
	Images  site.Images
	OGImage string
}

// newPage is the frame of a page; projects is hasProjects(s.Items), which
// callers that make many pages work out once (see RenderItems).
func newPage(s *site.Site, a Assets, projects bool, path, title, desc, nav string) Page {
	p := Page{
		Settings: s.Settings, Base: basePath(s.Settings), Assets: a, Title: title,
		Desc: desc, Path: path, Nav: nav, HasGuide: s.Guide != nil && len(s.Guide.Categories) > 0,
		HasProjects: projects,
	}
	if p.Desc == "" {
		p.Desc = s.Settings.Description
	}
	if u := safeURL(s.Settings.URL); u != "" {
		p.Canonical = strings.TrimRight(u, "/") + p.Base + path
		if og := s.Images.OpenGraph.Path; og != "" {
			p.OGImage = strings.TrimRight(u, "/") + p.Base + og
		}
	}
	p.Images = s.Images
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

// footerNetworks are the footer links landscape2 knows, in the order the
// footer shows them, with their names; other keys follow by name.
var footerNetworks = []fact{{"homepage", "Home page"}, {"github", "GitHub"}, {"slack", "Slack"},
	{"forums", "Forums"}, {"twitter", "X (Twitter)"}, {"linkedin", "LinkedIn"}, {"youtube", "YouTube"},
	{"facebook", "Facebook"}, {"instagram", "Instagram"}, {"flickr", "Flickr"}, {"twitch", "Twitch"}, {"wechat", "WeChat"}}

// FooterLinks are settings footer.links that are http(s) URLs, labelled.
func (p Page) FooterLinks() []fact {
	links := p.Settings.Footer.Links
	var out []fact
	for _, n := range footerNetworks {
		if u := safeURL(links[n.Label]); u != "" {
			out = append(out, fact{n.Value, u})
		}
	}
	for _, k := range sortedKeys(links) {
		if u := safeURL(links[k]); u != "" && !slices.ContainsFunc(footerNetworks, func(n fact) bool { return n.Label == k }) {
			out = append(out, fact{label(k), u})
		}
	}
	return out
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
	// Event is settings upcoming_event while it has not ended.
	Event *landscape.UpcomingEvent
	// Featured holds one featured tile per label, for the legend.
	Featured []legendKey
	Data     *indexData
	DataPath string // where Data is written, under the base path (assets/landscape.HASH.json)
	Items    int
	Stars    int
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
// Target opens item pages outside an iframe on embedded pages. Featured
// says whether the tile is featured in this box: the item's rule may
// exclude the groups the box's category is shown in.
type tileView struct {
	Item     *site.Item
	Index    int
	Base     string
	Target   string
	Featured bool
	// Eager tiles are the first ones the page opens with: their logo is an
	// <img> the browser finds while the HTML arrives, not one the script
	// adds (the largest of them is what the first paint waits for).
	Eager bool
}

// bands lays out categories as bands; index gives each item's data position.
// In a box, featured tiles come first, by their rule's order, then the
// others in file order.
func bands(cats []*site.Category, index map[*site.Item]int, base, target string, groups []landscape.Group) []bandView {
	var out []bandView
	box := 0
	for ci, c := range cats {
		b := bandView{Index: ci, Category: c}
		in := groupsOf(c.Name, groups)
		for _, sub := range c.Subcategories {
			if len(sub.Items) > 0 {
				bv := boxView{Index: box, Sub: sub}
				for _, it := range sub.Items {
					f := it.Featured && !excluded(in, it.FeaturedExcept)
					bv.Tiles = append(bv.Tiles, tileView{Item: it, Index: index[it], Base: base, Target: target, Featured: f})
				}
				slices.SortStableFunc(bv.Tiles, func(x, y tileView) int { return featuredRank(x) - featuredRank(y) })
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

func featuredRank(t tileView) int {
	if !t.Featured {
		return 1 << 30
	}
	return t.Item.FeaturedOrder
}

// groupsOf lists the names and aliases of the groups showing a category.
func groupsOf(cat string, groups []landscape.Group) [][2]string {
	var out [][2]string
	for _, g := range groups {
		if slices.Contains(g.Categories, cat) {
			out = append(out, [2]string{g.Name, g.Alias})
		}
	}
	return out
}

// excluded tells whether every group showing a category is one that a
// featured_items rule excludes (by name or alias).
func excluded(in [][2]string, except []string) bool {
	if len(in) == 0 || len(except) == 0 {
		return false
	}
	for _, g := range in {
		if !slices.Contains(except, g[0]) && !slices.Contains(except, g[1]) {
			return false
		}
	}
	return true
}

// legendKey is a featured label of the legend and its tiles' class.
type legendKey struct{ Class, Label string }

// legendKeys are the featured labels, in their rules' order, for the legend.
func legendKeys(b []bandView) []legendKey {
	var ts []tileView
	seen := map[string]bool{}
	for _, band := range b {
		for _, box := range band.Boxes {
			for _, t := range box.Tiles {
				if t.Featured && !seen[t.Item.FeaturedLabel] {
					seen[t.Item.FeaturedLabel] = true
					ts = append(ts, t)
				}
			}
		}
	}
	slices.SortStableFunc(ts, func(x, y tileView) int { return x.Item.FeaturedOrder - y.Item.FeaturedOrder })
	out := make([]legendKey, len(ts))
	for i, t := range ts {
		out[i] = legendKey{"t f f" + strconv.Itoa(min(max(t.Item.FeaturedOrder, 1), 4)), cmp.Or(t.Item.FeaturedLabel, "Featured")}
	}
	return out
}

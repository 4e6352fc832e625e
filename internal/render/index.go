package render

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/serverless-landscape/landscape/internal/site"
)

// indexData is the compact form of the items that the landscape page embeds
// for filtering, searching and the card view. It is not a public format
// (data/items.json is): items are arrays and repeated strings are indexes
// into tables, so that 2,400 items stay small. The item fields, in order,
// are listed in itemFields and read by templates/js.
type indexData struct {
	Base       string       `json:"base"`
	Foundation string       `json:"foundation"` // landscape2's ?project=FOUNDATION means every maturity
	Fields     []string     `json:"fields"`
	Categories []string     `json:"categories"`
	Boxes      []indexBox   `json:"boxes"` // in page order; tiles' boxes are indexes here
	Maturity   []string     `json:"maturity"`
	Licenses   []string     `json:"licenses"`
	Orgs       []string     `json:"orgs"`
	Languages  []string     `json:"languages"`
	Groups     []indexGroup `json:"groups"` // the first is the tab the page opens with

	Tags []string `json:"tags"`
	// Zoom is the landscape view's default zoom level (0 to 4), from
	// settings grid_items_size.
	Zoom int `json:"zoom"`
	// View is "cards" when settings view_mode opens the page in the card
	// view; "" is the landscape.
	View string `json:"view,omitempty"`
	// Search is the path of the search index (search.go), loaded later.
	Search string `json:"search"`
	// Today is the day (from 1970) that activity is measured from: the
	// newest commit any item has, which stands for the build's day
	// without making the page depend on the clock.
	Today int     `json:"today"`
	Items [][]any `json:"items"`
}

type indexBox struct {
	Category int    `json:"c"`
	Name     string `json:"n"`
}

type indexGroup struct {
	Alias      string `json:"alias"`
	Name       string `json:"name"`
	Categories []int  `json:"categories"`
}

// itemFields documents the positions in each item array.
var itemFields = []string{"id", "name", "logo", "boxes", "maturity", "license", "org",
	"language", "flags", "stars", "commit_day", "contributors", "description", "repo",
	"tag", "added_day", "first_commit_day", "release_day"}

// Flags of an item, summed in the "flags" field.
const (
	flagOpenSource = 1
	flagFeatured   = 2
	flagArchived   = 4
	flagEndUser    = 8
	flagSpec       = 16
	flagRaster     = 32 // the logo has a PNG beside its SVG (LogoRaster)
)

func newIndexData(s *site.Site, base string) (*indexData, map[*site.Item]int) {
	d := &indexData{Base: base, Fields: itemFields, Foundation: s.Settings.Foundation, Zoom: gridZoom(s.Settings.GridItemsSize)}
	if s.Settings.ViewMode == "card" {
		d.View = "cards"
	}
	boxes := map[*site.Item][]int{}
	catIndex := map[string]int{}
	for ci, c := range s.Categories {
		d.Categories = append(d.Categories, c.Name)
		catIndex[c.Name] = ci
		for _, sub := range c.Subcategories {
			for _, it := range sub.Items {
				boxes[it] = append(boxes[it], len(d.Boxes))
			}
			d.Boxes = append(d.Boxes, indexBox{ci, sub.Name})
		}
	}
	for _, g := range s.Settings.Groups {
		ig := indexGroup{Alias: g.Alias, Name: g.Name, Categories: []int{}}
		for _, c := range g.Categories {
			if i, ok := catIndex[c]; ok {
				ig.Categories = append(ig.Categories, i)
			}
		}
		if len(ig.Categories) > 0 { // a tab with none of this landscape's categories would show nothing
			d.Groups = append(d.Groups, ig)
		}
	}
	mat, lic, org, lang, tag := newTable(maturityOrder(s.Settings.Maturity)), newTable(nil), newTable(nil), newTable(nil), newTable(nil)
	for _, it := range s.Items {
		mat.add(it.Maturity)
		lic.add(license(it))
		org.add(it.Organization)
		lang.add(language(it))
		tag.add(itemTag(it))
		d.Today = max(d.Today, commitDay(it))
	}
	d.Maturity, d.Licenses, d.Orgs, d.Languages, d.Tags = mat.list(), lic.list(), org.list(), lang.list(), tag.list()
	index := make(map[*site.Item]int, len(s.Items))
	for _, it := range s.Items {
		index[it] = len(d.Items)
		if boxes[it] == nil {
			boxes[it] = []int{}
		}
		own := slices.IndexFunc(boxes[it], func(b int) bool { // the item's own box first: cards group by it
			return d.Categories[d.Boxes[b].Category] == it.Category && d.Boxes[b].Name == it.Subcategory
		})
		if own > 0 {
			b := boxes[it][own]
			boxes[it] = slices.Insert(slices.Delete(boxes[it], own, own+1), 0, b)
		}
		d.Items = append(d.Items, []any{
			it.ID, it.Name, it.Logo, boxes[it], mat.index(it.Maturity),
			lic.index(license(it)), org.index(it.Organization), lang.index(language(it)),
			flags(it), stars(it), commitDay(it), contributors(it),
			it.Description, repoName(it),
			tag.index(itemTag(it)), addedDay(it), firstCommitDay(it), releaseDay(it),
		})
	}
	return d, index
}

// gridZoom is the zoom level of landscape2's grid_items_size.
func gridZoom(size string) int {
	switch size {
	case "small":
		return 1
	case "large":
		return 3
	}
	return 2
}

// maturityRank is the order of a foundation's usual maturity levels, most
// mature first, as landscape2 shows them: card sections, filter options and
// the stats follow it.
var maturityRank = []string{"graduated", "incubating", "sandbox", "archived"}

// maturityOrder lists levels in maturityRank's order, then the others in
// the order settings give.
func maturityOrder(levels []string) []string {
	var out []string
	for _, m := range maturityRank {
		if slices.Contains(levels, m) {
			out = append(out, m)
		}
	}
	for _, m := range levels {
		if !slices.Contains(maturityRank, m) {
			out = append(out, m)
		}
	}
	return out
}

func flags(it *site.Item) int {
	f := 0
	if it.OpenSource {
		f |= flagOpenSource
	}
	if it.Featured {
		f |= flagFeatured
	}
	if it.Archived {
		f |= flagArchived
	}
	if it.EndUser {
		f |= flagEndUser
	}
	if it.Extra.Flags["specification"] {
		f |= flagSpec
	}
	if it.LogoRaster != "" {
		f |= flagRaster
	}
	return f
}

// commitDay is the day of the latest commit counted from 1970, 0 if unknown.
func commitDay(it *site.Item) int {
	t := latestCommit(it)
	if t == nil {
		return 0
	}
	return int(t.Unix() / 86400)
}

// firstCommitDay is the day of the main repository's first commit, and
// releaseDay that of its latest release, 0 if unknown: the card sorts by
// age and by release.
func firstCommitDay(it *site.Item) int {
	if f := primary(it); f != nil && f.FirstCommit != nil {
		return int(f.FirstCommit.Unix() / 86400)
	}
	return 0
}

func releaseDay(it *site.Item) int {
	if f := primary(it); f != nil && f.ReleaseDate != nil {
		return int(f.ReleaseDate.Unix() / 86400)
	}
	return 0
}

// itemTag is the item's TAG (technical advisory group), from extra.tag.
func itemTag(it *site.Item) string {
	return cmp.Or(it.Tag, strings.TrimSpace(it.Extra.Text["tag"]))
}

// addedDay is the day the item joined the landscape's foundation
// (extra.accepted) or else its membership (joined), 0 if unknown.
func addedDay(it *site.Item) int {
	for _, v := range []string{it.Extra.Dates["accepted"], it.Joined} {
		if t, err := time.Parse("2006-01-02", v); err == nil {
			return int(t.Unix() / 86400)
		}
	}
	return 0
}

// repoName is "owner/name" of the first repository, for search.
func repoName(it *site.Item) string {
	if len(it.Repos) == 0 {
		return ""
	}
	return strings.TrimPrefix(host(it.Repos[0].URL), "github.com/")
}

// table interns strings; fixed names keep their order, the rest are sorted.
type table struct {
	fixed []string
	seen  map[string]bool
	pos   map[string]int
}

func newTable(fixed []string) *table {
	return &table{fixed: fixed, seen: map[string]bool{}}
}

func (t *table) add(s string) {
	if s != "" {
		t.seen[s] = true
	}
}

func (t *table) list() []string {
	out := []string{}
	for _, f := range t.fixed {
		if t.seen[f] {
			out = append(out, f)
		}
	}
	fixed := make(map[string]bool, len(t.fixed))
	for _, f := range t.fixed {
		fixed[f] = true
	}
	var rest []string
	for s := range t.seen {
		if !fixed[s] {
			rest = append(rest, s)
		}
	}
	slices.SortFunc(rest, func(a, b string) int {
		return cmp.Or(strings.Compare(strings.ToLower(a), strings.ToLower(b)), strings.Compare(a, b))
	})
	out = append(out, rest...)
	t.pos = make(map[string]int, len(out))
	for i, s := range out {
		t.pos[s] = i
	}
	return out
}

// index is the position of s after list, -1 for "".
func (t *table) index(s string) int {
	if i, ok := t.pos[s]; ok {
		return i
	}
	return -1
}

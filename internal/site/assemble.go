package site

import (
	"maps"
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Assemble builds the site model from loaded data. Logos and GitHub facts are
// filled in afterwards by the stages that compute them.
func Assemble(l *landscape.Landscape, s *landscape.Settings, g *landscape.Guide) *Site {
	st := &Site{Settings: s, Guide: g}
	boxes := make(map[string]*Subcategory)
	for _, c := range l.Categories {
		sc := &Category{Name: c.Name, Slug: landscape.Slugify(c.Name)}
		for _, sub := range orderSubcategories(c, s.Categories) {
			box := &Subcategory{Name: sub.Name, Slug: landscape.Slugify(sub.Name), Category: sc}
			sc.Subcategories = append(sc.Subcategories, box)
			boxes[c.Name+" / "+sub.Name] = box
		}
		st.Categories = append(st.Categories, sc)
	}
	for _, src := range l.Items {
		it := newItem(src, s)
		st.Items = append(st.Items, it)
		for _, p := range it.Paths { // distinct, so an item enters a box once
			if box := boxes[p]; box != nil {
				box.Items = append(box.Items, it)
			}
		}
	}
	return st
}

func newItem(src *landscape.Item, s *landscape.Settings) *Item {
	it := &Item{
		ID:            src.Slug,
		Name:          src.Name,
		Description:   src.Description,
		HomepageURL:   src.HomepageURL,
		Category:      src.Category(),
		Subcategory:   src.Subcategory.Name,
		Paths:         []string{src.Path()},
		Maturity:      src.Project,
		Crunchbase:    src.Crunchbase,
		OpenSource:    src.IsOpenSource(),
		License:       src.License,
		Twitter:       src.Twitter,
		Bluesky:       src.BlueskyURL,
		BestPractices: src.URLForBestPractices,
		Joined:        src.Joined,
		EndUser:       src.EndUser,
		Archived:      src.Project == "archived",
		Extra:         src.Extra,
		Source:        src,
	}
	it.Paths = appendPaths(it.Paths, src.SecondPaths)
	for i, r := range src.Repos() {
		it.Repos = append(it.Repos, Repo{URL: r.URL, Branch: r.Branch, Primary: i == 0 && src.RepoURL != ""})
	}
	it.Organization, it.OrgSource = OrganizationName(src, s)
	feature(it, s.FeaturedItems)
	it.Tag = strings.TrimSpace(src.Extra.Text["tag"])
	for _, name := range slices.Sorted(maps.Keys(s.Tags)) { // settings tags give a TAG by box, as in landscape2
		if it.Tag == "" && slices.ContainsFunc(s.Tags[name], func(r landscape.BoxRule) bool { return r.Matches(it.Category, it.Subcategory) }) {
			it.Tag = name
		}
	}
	if slices.ContainsFunc(s.EndUser, func(r landscape.BoxRule) bool { return r.Matches(it.Category, it.Subcategory) }) {
		it.EndUser = true
	}
	return it
}

// appendPaths adds the distinct second paths to paths, with a set when
// there are many: one item may list thousands.
func appendPaths(paths, second []string) []string {
	var seen map[string]bool
	if len(second) > 8 {
		seen = make(map[string]bool, len(second)+len(paths))
		for _, p := range paths {
			seen[p] = true
		}
	}
	for _, p := range second {
		p = NormalizePath(p)
		if seen != nil && !seen[p] || seen == nil && !slices.Contains(paths, p) {
			paths = append(paths, p)
			if seen != nil {
				seen[p] = true
			}
		}
	}
	return paths
}

// NormalizePath tidies the spacing of a "Category / Subcategory" path.
func NormalizePath(p string) string {
	cat, sub, ok := strings.Cut(p, "/")
	if !ok {
		return strings.TrimSpace(p)
	}
	return strings.TrimSpace(cat) + " / " + strings.TrimSpace(sub)
}

// feature applies the first featured_items rule whose field has one of the
// rule's values for the item.
func feature(it *Item, rules []landscape.FeaturedRule) {
	for _, r := range rules {
		var v string
		switch r.Field {
		case "maturity", "project":
			v = it.Maturity
		case "category":
			v = it.Category
		case "subcategory":
			v = it.Subcategory
		default:
			continue
		}
		for _, o := range r.Options {
			if v != "" && v == o.Value {
				it.Featured, it.FeaturedLabel, it.FeaturedOrder, it.FeaturedExcept = true, o.Label, o.Order, r.Exclude.Groups
				return
			}
		}
	}
}

// orderSubcategories applies settings `categories` as landscape2 does: an
// entry for a category lists the subcategories to show, in that order, and
// the subcategories it leaves out are not shown. Categories keep the data
// file's order; a category without an entry keeps its subcategories as the
// file has them. A listed name the category lacks is skipped.
func orderSubcategories(c *landscape.Category, order []landscape.CategoryOrder) []*landscape.Subcategory {
	i := slices.IndexFunc(order, func(o landscape.CategoryOrder) bool { return o.Name == c.Name })
	if i < 0 || len(order[i].Subcategories) == 0 {
		return c.Subcategories
	}
	var out []*landscape.Subcategory
	for _, name := range order[i].Subcategories {
		k := slices.IndexFunc(c.Subcategories, func(s *landscape.Subcategory) bool { return s.Name == name })
		if k >= 0 && !slices.Contains(out, c.Subcategories[k]) {
			out = append(out, c.Subcategories[k])
		}
	}
	return out
}

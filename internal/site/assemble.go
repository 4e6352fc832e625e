package site

import (
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Assemble builds the site model from loaded data. Logos and GitHub facts are
// filled in afterwards by the stages that compute them.
func Assemble(l *landscape.Landscape, s *landscape.Settings, g *landscape.Guide) *Site {
	st := &Site{Settings: s, Guide: g}
	boxes := make(map[string]*Subcategory)
	for _, c := range orderCategories(l.Categories, s.Categories) {
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
	it.Featured = featured(it, s.FeaturedItems)
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

func featured(it *Item, rules []landscape.FeaturedRule) bool {
	for _, r := range rules {
		for _, o := range r.Options {
			switch r.Field {
			case "maturity", "project":
				if it.Maturity != "" && it.Maturity == o.Value {
					return true
				}
			case "subcategory":
				if it.Subcategory == o.Value {
					return true
				}
			}
		}
	}
	return false
}

// orderCategories puts the categories settings name first, in that order,
// then the rest in file order.
func orderCategories(cats []*landscape.Category, order []landscape.CategoryOrder) []*landscape.Category {
	rank := make(map[string]int, len(order))
	for i, o := range order {
		rank[o.Name] = i + 1
	}
	out := slices.Clone(cats)
	slices.SortStableFunc(out, func(a, b *landscape.Category) int { return byRank(rank, a.Name, b.Name) })
	return out
}

func orderSubcategories(c *landscape.Category, order []landscape.CategoryOrder) []*landscape.Subcategory {
	rank := map[string]int{}
	for _, o := range order {
		if o.Name == c.Name {
			for i, s := range o.Subcategories {
				rank[s] = i + 1
			}
		}
	}
	out := slices.Clone(c.Subcategories)
	slices.SortStableFunc(out, func(a, b *landscape.Subcategory) int { return byRank(rank, a.Name, b.Name) })
	return out
}

// byRank orders ranked names first; unranked ones keep their order.
func byRank(rank map[string]int, a, b string) int {
	ra, rb := rank[a], rank[b]
	switch {
	case ra == rb:
		return 0
	case ra == 0:
		return 1
	case rb == 0:
		return -1
	}
	return ra - rb
}

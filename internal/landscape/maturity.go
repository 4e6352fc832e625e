package landscape

import (
	"cmp"
	"slices"
	"strings"
)

// MaturityGiven reports whether settings.yml lists the maturity levels
// itself (our `maturity` key). landscape2 settings have no such key: the
// levels are then whatever `project:` values the data uses.
func (s *Settings) MaturityGiven() bool {
	return s != nil && s.root != nil && child(s.root, "maturity") != nil
}

// MaturityLevels returns the `project:` values l uses, in the order the
// site shows them: first as the settings' featured_items rule on maturity
// orders them (its `order`, then its list order), then by how many items use
// each, most first, then by name.
func MaturityLevels(l *Landscape, s *Settings) []string {
	counts := maturityCounts(l)
	featured := featuredMaturity(s)
	levels := make([]string, 0, len(counts))
	for v := range counts {
		levels = append(levels, v)
	}
	slices.SortFunc(levels, func(a, b string) int {
		fa, fb := slices.Index(featured, a), slices.Index(featured, b)
		switch {
		case fa >= 0 && fb >= 0:
			return fa - fb
		case fa >= 0:
			return -1
		case fb >= 0:
			return 1
		}
		return cmp.Or(counts[b]-counts[a], strings.Compare(a, b))
	})
	return levels
}

// MaturityTypos finds the `project:` values that look like a typo of a
// value more items use ("incubation" beside many "incubating"): each maps to
// that value. A level of its own, used by few (lfenergy's "sig"), is not
// one, since it is near no other.
func MaturityTypos(l *Landscape) map[string]string {
	counts := maturityCounts(l)
	typos := map[string]string{}
	for v, n := range counts {
		best := ""
		for w, m := range counts {
			if m > n && nearValue(v, w) && (best == "" || m > counts[best] || (m == counts[best] && w < best)) {
				best = w
			}
		}
		if best != "" {
			typos[v] = best
		}
	}
	return typos
}

// MaturityCount is how many items use the `project:` value v.
func MaturityCount(l *Landscape, v string) int { return maturityCounts(l)[v] }

func maturityCounts(l *Landscape) map[string]int {
	counts := map[string]int{}
	for _, it := range l.Items {
		if it.Project != "" {
			counts[it.Project]++
		}
	}
	return counts
}

// nearValue: the same word in another case, or a few letters apart (a
// quarter of the shorter word, at least one).
func nearValue(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	return editDistance(strings.ToLower(a), strings.ToLower(b)) <= max(1, min(len(a), len(b))/4)
}

// featuredMaturity lists the values of the featured_items rule on maturity,
// by their order.
func featuredMaturity(s *Settings) []string {
	if s == nil {
		return nil
	}
	var values []string
	for _, r := range s.FeaturedItems {
		if r.Field != "maturity" {
			continue
		}
		opts := slices.Clone(r.Options)
		slices.SortStableFunc(opts, func(a, b struct {
			Value string `yaml:"value"`
			Order int    `yaml:"order"`
			Label string `yaml:"label"`
		}) int {
			return cmp.Compare(orderKey(a.Order), orderKey(b.Order))
		})
		for _, o := range opts {
			if !slices.Contains(values, o.Value) {
				values = append(values, o.Value)
			}
		}
	}
	return values
}

// orderKey puts options without an order after those with one.
func orderKey(order int) int {
	if order <= 0 {
		return int(^uint(0) >> 1)
	}
	return order
}

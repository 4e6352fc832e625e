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
	counts := MaturityCounts(l)
	featured := map[string]int{}
	for i, v := range featuredMaturity(s) {
		featured[v] = i
	}
	levels := make([]string, 0, len(counts))
	for v := range counts {
		levels = append(levels, v)
	}
	slices.SortFunc(levels, func(a, b string) int {
		fa, oka := featured[a]
		fb, okb := featured[b]
		if !oka {
			fa = -1
		}
		if !okb {
			fb = -1
		}
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
// one, since it is near no other. Only the typoTargets most used values
// are typos' targets, and only values of a word's length are compared, so
// that 20,000 distinct values cost 20,000 short comparisons each, not 20,000
// squared (a real landscape has under ten levels).
func MaturityTypos(l *Landscape) map[string]string {
	counts := MaturityCounts(l)
	var targets []string
	for w := range counts {
		if len(w) <= typoLength {
			targets = append(targets, w)
		}
	}
	slices.SortFunc(targets, func(a, b string) int { return cmp.Or(counts[b]-counts[a], strings.Compare(a, b)) })
	targets = targets[:min(len(targets), typoTargets)]
	typos := map[string]string{}
	for v, n := range counts {
		if len(v) > typoLength {
			continue
		}
		for _, w := range targets { // most used first, then by name
			if counts[w] > n && nearValue(v, w) {
				typos[v] = w
				break
			}
		}
	}
	return typos
}

// The limits of MaturityTypos' search.
const (
	typoTargets = 16
	typoLength  = 40
)

// MaturityCounts is how many items use each `project:` value.
func MaturityCounts(l *Landscape) map[string]int {
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
	seen := map[string]bool{}
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
			if !seen[o.Value] {
				seen[o.Value] = true
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

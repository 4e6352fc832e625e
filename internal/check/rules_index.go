package check

import (
	"strings"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// ruleIndex holds the settings' rule lists by the key an item is looked up
// with, built once per run: looking each item up in the lists themselves
// cost items times entries, and both come from the pull request.
type ruleIndex struct {
	s          *landscape.Settings
	starExempt map[string]string // item name: the first exemption's reason
	ignored    map[string]bool   // rules.one_box.ignore_categories
	// The index of the first one_box exception of each crunchbase URL key
	// and each organization name (case-folded).
	byCrunchbase, byOrg map[string]int
}

func newRuleIndex(s *landscape.Settings) *ruleIndex {
	x := &ruleIndex{s: s, starExempt: map[string]string{}, ignored: map[string]bool{}, byCrunchbase: map[string]int{}, byOrg: map[string]int{}}
	for _, e := range s.Rules.StarExemptions {
		if _, ok := x.starExempt[e.Item]; !ok {
			x.starExempt[e.Item] = e.Reason
		}
	}
	for _, c := range s.Rules.OneBox.IgnoreCategories {
		x.ignored[c] = true
	}
	for i, e := range s.Rules.OneBox.Exceptions {
		if e.Crunchbase != "" {
			firstIndex(x.byCrunchbase, landscape.URLKey(e.Crunchbase), i)
		}
		if e.Organization != "" {
			firstIndex(x.byOrg, foldKey(e.Organization), i)
		}
	}
	return x
}

func firstIndex(m map[string]int, k string, i int) {
	if _, ok := m[k]; !ok {
		m[k] = i
	}
}

// foldKey is s trimmed and case-folded, the key of strings.EqualFold
// comparisons.
func foldKey(s string) string { return strings.ToLower(strings.ToUpper(strings.TrimSpace(s))) }

// exception finds the settings exception for an item's company, matched by
// crunchbase URL or by organization name: the first in the list that
// matches either way.
func (x *ruleIndex) exception(it *landscape.Item) (landscape.OrgException, bool) {
	i, ok := -1, false
	if it.Crunchbase != "" {
		i, ok = x.byCrunchbase[landscape.URLKey(it.Crunchbase)]
	}
	if j, found := x.byOrg[foldKey(it.Organization)]; found && (!ok || j < i) {
		i, ok = j, true
	}
	if !ok {
		return landscape.OrgException{}, false
	}
	return x.s.Rules.OneBox.Exceptions[i], true
}

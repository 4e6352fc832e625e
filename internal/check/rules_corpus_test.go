package check

import (
	"testing"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// TestCorporaOneBox applies the one-box rule to the whole CNCF landscape,
// which has many companies with products in several boxes: the rule must
// find them, and must leave the open-source projects out.
func TestCorporaOneBox(t *testing.T) {
	l, _ := loadCNCF(t)
	counts := map[string]map[Status]int{RuleStars: {}, RuleOneBox: {}}
	companies := map[string]bool{}
	for _, iv := range Rules(RulesInput{Landscape: l, Settings: landscape.DefaultSettings()}) {
		for _, v := range iv.Verdicts {
			counts[v.Rule][v.Status]++
			if v.Rule == RuleOneBox && v.Status == Fail {
				companies[Company(iv.Item)] = true
				if iv.Item.IsOpenSource() {
					t.Errorf("%s: an open-source project failed the one-box rule", iv.Item.Name)
				}
			}
		}
	}
	t.Logf("%d items; one-box: %d pass, %d fail (%d companies), %d not applicable; stars without facts: %d not checked, %d exempt",
		len(l.Items), counts[RuleOneBox][Pass], counts[RuleOneBox][Fail], len(companies), counts[RuleOneBox][NotApplicable],
		counts[RuleStars][NotChecked], counts[RuleStars][Exempt])
	if len(companies) < 50 {
		t.Errorf("one-box: got %d companies in several boxes, want the many the corpus has", len(companies))
	}
	if counts[RuleStars][Pass]+counts[RuleStars][Fail] != 0 {
		t.Errorf("stars without facts: got %v, want every open-source project not checked", counts[RuleStars])
	}
}

func BenchmarkRulesCNCF(b *testing.B) {
	l, _ := loadCNCF(b)
	s := landscape.DefaultSettings()
	for b.Loop() {
		Rules(RulesInput{Landscape: l, Settings: s})
	}
}

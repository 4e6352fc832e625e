package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

func rulesSettings() *landscape.Settings {
	s := landscape.DefaultSettings()
	s.Rules.StarExemptions = []landscape.StarExemption{{Item: "Spec", Reason: "a specification"}}
	s.Rules.OneBox.Exceptions = []landscape.OrgException{{Organization: "Big", Crunchbase: "https://www.crunchbase.com/organization/big", Reason: "a large company"}}
	return s
}

// verdicts renders the verdicts of rule on every item as "Name: status: reason".
func verdicts(vs []ItemVerdicts, rule string) []string {
	var out []string
	for _, iv := range vs {
		for _, v := range iv.Verdicts {
			if v.Rule == rule {
				out = append(out, fmt.Sprintf("%s: %s: %s", iv.Item.Name, v.Status, v.Reason))
			}
		}
	}
	return out
}

func TestStars(t *testing.T) {
	facts := map[string]*gh.Repo{
		"https://github.com/o/small": {Stars: 120},
		"https://github.com/o/big":   {Stars: 5000},
		"https://github.com/o/half":  {Stars: 150},
	}
	tests := []struct {
		name  string
		item  string
		repos map[string]*gh.Repo
		want  string
	}{
		{"below", "repo_url: https://github.com/o/small", facts,
			"A: fail: 120 stars, fewer than the 300 an open-source project needs (wait until it has more, or add it to rules.star_exemptions in settings with a reason)"},
		{"above", "repo_url: https://github.com/o/big", facts, "A: pass: 5,000 stars (at least 300)"},
		{"summed", "repo_url: https://github.com/o/half\nadditional_repos: [{repo_url: https://github.com/o/half2}, {repo_url: https://github.com/o/small}]",
			map[string]*gh.Repo{"https://github.com/o/half": {Stars: 150}, "https://github.com/o/half2": {Stars: 30}, "https://github.com/o/small": {Stars: 120}},
			"A: pass: 300 stars (at least 300)"},
		{"no facts", "repo_url: https://github.com/o/small", nil,
			"A: not checked: no GitHub data for 1 repository (set GITHUB_TOKEN, or GitHub is unreachable)"},
		{"enough without the missing one", "repo_url: https://github.com/o/big\nadditional_repos: [{repo_url: https://github.com/o/gone}]", facts,
			"A: pass: 5,000 stars (at least 300)"},
		{"foundation project", "repo_url: https://github.com/o/small\nproject: sandbox", facts, "A: exempt: a foundation project (sandbox)"},
		{"not open source", "repo_url: https://github.com/o/small\nopen_source: false", facts, "A: not applicable: not open source (open_source: false)"},
		{"no repository", "", facts, "A: not applicable: no GitHub repository"},
		{"other host", "repo_url: https://gitlab.com/o/small", facts, "A: not applicable: no GitHub repository"},
		{"github organization", "repo_url: https://github.com/o", facts,
			"A: not checked: repo_url names no GitHub repository (write https://github.com/owner/name)"},
		{"github organization, foundation project", "repo_url: https://github.com/o\nproject: sandbox", facts, "A: exempt: a foundation project (sandbox)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("A", tt.item), 1), "%s", item("Spec", "repo_url: https://github.com/o/small"), 1))
			got := verdicts(Rules(RulesInput{Landscape: l, Settings: rulesSettings(), Repos: tt.repos}), RuleStars)
			want := []string{tt.want, "Spec: exempt: exempted in settings: a specification"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("verdicts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOneBox(t *testing.T) {
	const (
		acme = "crunchbase: https://www.crunchbase.com/organization/acme"
		big  = "crunchbase: https://www.crunchbase.com/organization/big"
	)
	tests := []struct {
		name, framework, tools string
		want                   []string
	}{
		{"one box", item("P1", acme) + item("P2", acme), item("Q", "organization: {name: Other}"),
			[]string{"P1: pass: the company's only box", "P2: pass: the company's only box", "Q: pass: the company's only box"}},
		{"two boxes", item("P1", acme), item("P2", "crunchbase: https://crunchbase.com/organization/ACME/"),
			[]string{"P1: pass: the company's box (its products are also in 1 other)",
				`P2: fail: ACME already has a product in "Serverless / Framework" ("P1", line 8): one box per company (move the item there, or add the company to rules.one_box.exceptions in settings with a reason)`}},
		{"by organization name", item("P1", "organization: {name: Acme}"), item("P2", "organization: {name: acme}"),
			[]string{"P1: pass: the company's box (its products are also in 1 other)",
				`P2: fail: acme already has a product in "Serverless / Framework" ("P1", line 8): one box per company (move the item there, or add the company to rules.one_box.exceptions in settings with a reason)`}},
		{"exception", item("P1", big), item("P2", big),
			[]string{"P1: exempt: exception in settings for Big: a large company", "P2: exempt: exception in settings for Big: a large company"}},
		{"open source is not a product", item("P1", acme), item("P2", acme+"\nrepo_url: https://github.com/acme/p2"),
			[]string{"P1: pass: the company's only box", "P2: not applicable: an open-source project: not counted as a company's product"}},
		{"closed source with a repository is a product", item("P1", acme), item("P2", acme+"\nrepo_url: https://github.com/acme/p2\nopen_source: false"),
			[]string{"P1: pass: the company's box (its products are also in 1 other)",
				`P2: fail: acme already has a product in "Serverless / Framework" ("P1", line 8): one box per company (move the item there, or add the company to rules.one_box.exceptions in settings with a reason)`}},
		{"foundation project", item("P1", acme), item("P2", acme+"\nproject: sandbox"),
			[]string{"P1: pass: the company's only box", "P2: not applicable: a foundation project, not a company's product"}},
		{"no organization", item("P1", ""), item("P2", ""),
			[]string{"P1: not applicable: no organization (crunchbase or organization.name)", "P2: not applicable: no organization (crunchbase or organization.name)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", tt.framework, 1), "%s", tt.tools, 1))
			got := verdicts(Rules(RulesInput{Landscape: l, Settings: rulesSettings()}), RuleOneBox)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("verdicts (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOneBoxHome checks that a company keeps the box it had in the base
// landscape, even when the change adds a product above it in the file.
func TestOneBoxHome(t *testing.T) {
	acme := "crunchbase: https://www.crunchbase.com/organization/acme"
	base := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("Other", ""), 1), "%s", item("P1", acme), 1))
	head := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("New", acme), 1), "%s", item("P1", acme), 1))
	s := rulesSettings()
	got := verdicts(Rules(RulesInput{Landscape: head, Settings: s, Home: base}), RuleOneBox)
	want := []string{
		`New: fail: acme already has a product in "Serverless / Tools" ("P1", line 17): one box per company (move the item there, or add the company to rules.one_box.exceptions in settings with a reason)`,
		"P1: pass: the company's box (its products are also in 1 other)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("with the base as home (-want +got):\n%s", diff)
	}
	s.Rules.OneBox.IgnoreCategories = []string{"Serverless"}
	got = verdicts(Rules(RulesInput{Landscape: head, Settings: s, Home: base}), RuleOneBox)
	want = []string{
		`New: not applicable: category "Serverless" does not count (rules.one_box.ignore_categories)`,
		`P1: not applicable: category "Serverless" does not count (rules.one_box.ignore_categories)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ignored category (-want +got):\n%s", diff)
	}
}

func TestRuleDiags(t *testing.T) {
	l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("A", "repo_url: https://github.com/o/small"), 1), "%s", item("B", "repo_url: https://github.com/o/unknown"), 1))
	vs := Rules(RulesInput{Landscape: l, Settings: rulesSettings(), Repos: map[string]*gh.Repo{"https://github.com/o/small": {Stars: 12}}})
	got := texts(RuleDiags(l.File, vs))
	want := []string{
		`landscape.yml:12:23: error: item "A": repo_url: 12 stars, fewer than the 300 an open-source project needs (wait until it has more, or add it to rules.star_exemptions in settings with a reason) [min-stars]`,
		`landscape.yml:21:23: warning: item "B": repo_url: not checked: no GitHub data for 1 repository (set GITHUB_TOKEN, or GitHub is unreachable) [min-stars]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d): got %q, want %q", n, got, want)
		}
	}
}

// TestStarsShown checks that an exempt project's stars are still known, for
// the summary to show.
func TestStarsShown(t *testing.T) {
	l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("A", "repo_url: https://github.com/o/a\nproject: sandbox"), 1), "%s", item("B", "repo_url: https://github.com/o/b"), 1))
	vs := Rules(RulesInput{Landscape: l, Settings: rulesSettings(), Repos: map[string]*gh.Repo{"https://github.com/o/a": {Stars: 42}}})
	a, b := vs[0].Verdicts[0], vs[1].Verdicts[0]
	if a.Status != Exempt || a.Stars != 42 || !a.StarsKnown {
		t.Errorf("exempt project: got %+v, want exempt with 42 known stars", a)
	}
	if b.Status != NotChecked || b.StarsKnown {
		t.Errorf("project without facts: got %+v, want not checked with unknown stars", b)
	}
}

func TestNilSettings(t *testing.T) {
	l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("A", "project: sandboxed"), 1), "%s", item("B", "repo_url: https://github.com/o/b"), 1))
	if got := texts(Data(Input{Landscape: l})); len(got) != 0 {
		t.Errorf("data checks without settings: got %q, want none (the data's own maturity levels)", got)
	}
	vs := Rules(RulesInput{Landscape: l})
	if got := vs[1].Verdicts[0]; got.Status != NotChecked {
		t.Errorf("rules without settings: got %+v, want the star rule not checked", got)
	}
}

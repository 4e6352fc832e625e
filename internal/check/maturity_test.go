package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// projects builds a one-box landscape whose items take the given `project:`
// values, in order ("" for none).
func projects(values ...string) string {
	var b strings.Builder
	b.WriteString("landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n")
	for i, v := range values {
		fmt.Fprintf(&b, "          - item:\n            name: I%d\n            homepage_url: https://i%d.example\n            logo: a.svg\n", i, i)
		if v != "" {
			fmt.Fprintf(&b, "            project: %s\n", v)
		}
	}
	return b.String()
}

func repeat(v string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// TestMaturity holds the shapes of real landscape2 landscapes: their
// settings have no maturity key, and their data uses levels of its own.
func TestMaturity(t *testing.T) {
	lfenergy := append(append(repeat("earlyadoption", 14), repeat("sig", 3)...), repeat("incubation", 5)...)
	lfai := append(append(repeat("incubating", 12), "incubation"), repeat("graduated", 4)...)
	tests := []struct {
		name     string
		settings string
		projects []string
		want     []string
		levels   []string
	}{
		{"lfenergy: levels of its own", "foundation: LF Energy\n", lfenergy, nil, []string{"earlyadoption", "incubation", "sig"}},
		{"finos: sig beside the usual", "foundation: FINOS\n", append(repeat("sig", 8), "incubating", "graduated", "graduated"), nil, []string{"sig", "graduated", "incubating"}},
		{"lfai: one typo", "foundation: LF AI\n", lfai,
			[]string{`landscape.yml:72:22: warning: item "I12": project: "incubation" (1 item) looks like a typo of "incubating" (12 items) (write "incubating", or list both in maturity in settings.yml)`},
			[]string{"incubating", "graduated", "incubation"}},
		{"case typo", "", []string{"Graduated", "graduated", "graduated"},
			[]string{`landscape.yml:12:22: warning: item "I0": project: "Graduated" (1 item) looks like a typo of "graduated" (2 items) (write "graduated", or list both in maturity in settings.yml)`},
			[]string{"graduated", "Graduated"}},
		{"equal counts are two levels", "", []string{"graduate", "graduated"}, nil, []string{"graduate", "graduated"}},
		{"order from featured_items", "featured_items:\n  - field: maturity\n    options:\n      - {value: incubating, order: 2}\n      - {value: graduated, order: 1}\n",
			append(repeat("incubating", 3), "graduated", "sandbox", "sandbox"), nil, []string{"graduated", "incubating", "sandbox"}},
		{"our maturity key: others are errors", "maturity: [sandbox, graduated]\n", []string{"sandbox", "sig", ""},
			[]string{`landscape.yml:17:22: error: item "I1": project: "sig" is not an allowed maturity (use one of sandbox, graduated, or add it to maturity in settings.yml)`},
			[]string{"sandbox", "graduated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := load(t, projects(tt.projects...))
			s, diags := landscape.ParseSettings("settings.yml", []byte(tt.settings+"name: X\n"))
			if len(diags) != 0 {
				t.Fatalf("settings fixture: %v", diags)
			}
			if diff := cmp.Diff(tt.want, texts(Data(Input{Landscape: l, Settings: s}))); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			levels := s.Maturity
			if !s.MaturityGiven() {
				levels = landscape.MaturityLevels(l, s)
			}
			if diff := cmp.Diff(tt.levels, levels); diff != "" {
				t.Errorf("levels (-want +got):\n%s", diff)
			}
		})
	}
}

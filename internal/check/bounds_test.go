package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// hostile builds landscapes of n items in the shapes that made a check's
// work or output grow with the square of the items.
var hostile = map[string]func(n int) (*landscape.Landscape, *landscape.Settings){
	// 8,000 items of one repository each listed the 7,999 others: 431 MB.
	"one repository": func(n int) (*landscape.Landscape, *landscape.Settings) {
		return build(1, n, func(i int, it *landscape.Item) { it.RepoURL = "https://github.com/o/r" }), nil
	},
	// A subcategory name in every category: the suggestion for a wrong
	// second path named each, and was looked for among all boxes.
	"wrong second paths": func(n int) (*landscape.Landscape, *landscape.Settings) {
		return build(n, 1, func(i int, it *landscape.Item) { it.SecondPaths = []string{"Nowhere / S"} }), nil
	},
	// Distinct maturity values: each was compared with every other.
	"maturity values": func(n int) (*landscape.Landscape, *landscape.Settings) {
		return build(1, n, func(i int, it *landscape.Item) { it.Project = fmt.Sprintf("level%d", i) }), nil
	},
	// One company's products in n boxes, and as many exemptions and
	// exceptions in settings, each looked up in full for every item.
	"one company": func(n int) (*landscape.Landscape, *landscape.Settings) {
		f := false
		l := build(n, 1, func(i int, it *landscape.Item) { it.Organization, it.OpenSource = "Acme", &f })
		s := landscape.DefaultSettings()
		for i := range n {
			s.Rules.StarExemptions = append(s.Rules.StarExemptions, landscape.StarExemption{Item: fmt.Sprintf("Other %d", i), Reason: "r"})
			s.Rules.OneBox.Exceptions = append(s.Rules.OneBox.Exceptions, landscape.OrgException{Organization: fmt.Sprintf("Other %d", i), Reason: "r"})
			s.Rules.OneBox.IgnoreCategories = append(s.Rules.OneBox.IgnoreCategories, fmt.Sprintf("Other %d", i))
		}
		return l, s
	},
}

// build makes cats categories of one subcategory "S" with per items each,
// every item set up by f.
func build(cats, per int, f func(i int, it *landscape.Item)) *landscape.Landscape {
	l := &landscape.Landscape{File: "landscape.yml"}
	line := 1
	for c := range cats {
		cat := &landscape.Category{Name: fmt.Sprintf("C%d", c), Pos: landscape.Pos{Line: line, Col: 5}}
		sub := &landscape.Subcategory{Name: "S", Category: cat, Pos: landscape.Pos{Line: line + 1, Col: 9}}
		cat.Subcategories = []*landscape.Subcategory{sub}
		line += 2
		for range per {
			it := &landscape.Item{Name: fmt.Sprintf("Item %d", len(l.Items)), HomepageURL: "https://x.example", Subcategory: sub, Pos: landscape.Pos{Line: line, Col: 13}}
			f(len(l.Items), it)
			sub.Items = append(sub.Items, it)
			l.Items = append(l.Items, it)
			line += 4
		}
		l.Categories = append(l.Categories, cat)
	}
	return l
}

// checkAll runs the data checks and the inclusion rules.
func checkAll(l *landscape.Landscape, s *landscape.Settings) diag.List {
	diags := Data(Input{Landscape: l, Settings: s})
	return append(diags, RuleDiags(l.File, Rules(RulesInput{Landscape: l, Settings: s}))...)
}

// TestHostileOutputBounded checks that what the checks say about a
// landscape of n items is at most a fixed size per item: each diagnostic
// names a bounded number of other places.
func TestHostileOutputBounded(t *testing.T) {
	const n = 2_000
	for name, make := range hostile {
		t.Run(name, func(t *testing.T) {
			var size, longest int
			for _, d := range checkAll(make(n)) {
				s := d.String()
				size += len(s)
				longest = max(longest, len(s))
			}
			if longest > 400 || size > 400*n {
				t.Errorf("%d bytes of diagnostics for %d items, the longest %d bytes: want at most 400 a diagnostic", size, n, longest)
			}
		})
	}
}

func TestDuplicateRepoPlaces(t *testing.T) {
	var diags diag.List
	duplicateRepos(build(1, 10, func(i int, it *landscape.Item) { it.RepoURL = "https://github.com/o/r" }), &diags)
	got := diags[len(diags)-1].Message
	want := "same repository as the item(s) at line 3, 7, 11, 15, 19 and 4 more (set allow_duplicate_repo: true on each if intended)"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSecondPathSuggestionBounded(t *testing.T) {
	l := build(10, 1, func(i int, it *landscape.Item) {})
	got := newPathIndex(l).nearest("Nowhere / s")
	want := ` (did you mean "C0 / S", "C1 / S", "C2 / S" or one of 7 more?)`
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := newPathIndex(build(2, 1, func(int, *landscape.Item) {})).nearest("Nowhere / S"); got != ` (did you mean "C0 / S" or "C1 / S"?)` {
		t.Errorf("two hits: got %q", got)
	}
}

// BenchmarkHostile times the checks on the hostile shapes at two sizes: the
// time per item stays flat when the work is linear.
//
//	go test ./internal/check -run '^$' -bench Hostile
func BenchmarkHostile(b *testing.B) {
	for name, make := range hostile {
		for _, n := range []int{2_000, 20_000} {
			l, s := make(n)
			b.Run(strings.ReplaceAll(name, " ", "-")+fmt.Sprintf("/%d", n), func(b *testing.B) {
				for b.Loop() {
					checkAll(l, s)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/item")
			})
		}
	}
}

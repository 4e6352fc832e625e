package logos

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// useTree builds a logo of <use>s: perLevel references to the level below,
// over levels levels, the lowest level a rect, and one <use> of the top.
func useTree(perLevel, levels int) string {
	var b strings.Builder
	b.WriteString(svgH + `<defs><g id="g0"><rect width="1" height="1"/></g>`)
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, `<g id="g%d">%s</g>`, i, strings.Repeat(fmt.Sprintf(`<use href="#g%d"/>`, i-1), perLevel))
	}
	fmt.Fprintf(&b, `</defs><use href="#g%d"/></svg>`, levels)
	return b.String()
}

// useChain is a chain of n groups, each holding a <use> of the one before.
func useChain(n int) string {
	var b strings.Builder
	b.WriteString(svgH + `<defs><rect id="c0" width="1" height="1"/>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<g id="c%d"><use href="#c%d"/><rect width="1" height="1"/></g>`, i, i-1)
	}
	fmt.Fprintf(&b, `</defs><use href="#c%d"/></svg>`, n)
	return b.String()
}

// TestUseAmplification processes logos whose <use>s a browser would expand
// into millions of elements, or never finish expanding; each must be
// refused with an error (a placeholder tile) or have its circular <use>s
// removed with a warning. Logos of many plain elements, or of many <use>s
// that expand modestly, are served as they are.
func TestUseAmplification(t *testing.T) {
	many := svgH + `<defs><symbol id="s" viewBox="0 0 1 1"><rect width="1" height="1"/></symbol></defs>` +
		strings.Repeat(`<use href="#s" width="1" height="1"/>`, 5000) + `</svg>`
	plain := svgH + strings.Repeat(`<rect width="1" height="1"/>`, 30000) + `</svg>`
	for _, tc := range []struct {
		name     string
		in       string
		missing  bool
		problem  string // a problem's message must contain it ("" for none)
		severity diag.Severity
	}{
		{"a billion elements from 2 KB", useTree(10, 9), true, "expands <use> references into more than 20000 elements", diag.Error},
		{"just over the budget", useTree(2, 11), true, "expands <use> references into more than 20000 elements", diag.Error}, // 30,641
		{"just under the budget", useTree(2, 10), false, "", 0},                                                              // 15,287
		{"a deep chain", useChain(maxUseDepth), true, fmt.Sprintf("chains <use> references more than %d deep", maxUseDepth), diag.Error},
		{"a chain as deep as allowed", useChain(maxUseDepth - 1), false, "", 0}, // and the <use> of its top
		{"a use of itself", svgH + svgR + `<use id="u" href="#u"/></svg>`, false, "1 <use> element that refers back to itself through what it shows; removed (browsers draw nothing for it)", diag.Warning},
		{"a use of its own group", svgH + svgR + `<g id="a"><rect width="1" height="1"/><use href="#a" x="1"/></g></svg>`, false, "1 <use> element that refers back to itself through what it shows; removed (browsers draw nothing for it)", diag.Warning},
		{"uses of each other", svgH + svgR + `<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>`, false, "2 <use> elements that refer back to themselves", diag.Warning},
		{"a cycle through a tree of uses", strings.Replace(useTree(10, 9), `<g id="g0"><rect`, `<g id="g0"><use href="#g9"/><rect`, 1), false, "91 <use> elements", diag.Warning},
		{"5,000 uses of one symbol", many, false, "", 0},
		{"30,000 plain elements", plain, false, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProcessor(Options{Dir: fstest.MapFS{"a.svg": {Data: []byte(tc.in)}}, WarnBytes: -1})
			r := p.Process(t.Context(), "a.svg")
			if r.Missing != tc.missing {
				t.Fatalf("got missing %v (%v), want %v", r.Missing, r.Problems, tc.missing)
			}
			if tc.problem == "" {
				if len(r.Problems) != 0 {
					t.Errorf("got problems %v, want none", r.Problems)
				}
				return
			}
			if len(r.Problems) != 1 || !strings.Contains(r.Problems[0].Message, tc.problem) || r.Problems[0].Severity != tc.severity {
				t.Fatalf("got problems %v, want one %s containing %q", r.Problems, tc.severity, tc.problem)
			}
			if !r.Missing {
				if _, err := limitUses(mustParse(t, r.Data)); err != nil {
					t.Errorf("served logo still over budget: %v", err)
				}
				if strings.Contains(tc.name, "itself") || strings.Contains(tc.name, "each other") {
					if strings.Contains(string(r.Data), `href="#a"`) || strings.Contains(string(r.Data), `href="#u"`) {
						t.Errorf("got %s, want the circular <use> without its reference", r.Data)
					}
				}
			}
		})
	}
}

func mustParse(t *testing.T, data []byte) *node {
	t.Helper()
	doc, err := parseSVG(data)
	if err != nil {
		t.Fatal(err)
	}
	return doc.root
}

// TestUseCount checks the count against expansions worked out by hand:
// what a browser adds for each <use> is a copy of its target's subtree,
// with the <use>s in that copy expanded too.
func TestUseCount(t *testing.T) {
	for _, tc := range []struct {
		name            string
		in              string
		instances, deep int
	}{
		{"no use", svg100(`<g><rect/><rect/></g>`), 0, 0},
		{"use of a rect", svg100(`<rect id="r"/><use href="#r"/>`), 1, 1},
		{"use of a group of two", svg100(`<g id="g"><rect/><rect/></g><use href="#g"/><use href="#g"/>`), 6, 1},
		{"use of a use", svg100(`<rect id="r"/><use id="u" href="#r"/><use href="#u"/>`), 1 + 2, 2},
		{"use of a missing id", svg100(`<use href="#nothing"/>`), 0, 0},
		{"first of duplicate ids", svg100(`<g id="x"><rect/></g><rect id="x"/><use href="#x"/>`), 2, 1},
		// g0 = 2 elements, each group k = 1 + 10 × (1 + group k-1): 31, 321,
		// 3,221; the top <use> 3,222; minus the 38 elements of the file.
		{"three levels of ten", useTree(10, 3), 2 + 31 + 321 + 3221 + 3222 + 2 - 38, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, _, err := sanitizeTree(mustParse(t, []byte(tc.in)))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := limitUses(root)
			if err != nil {
				t.Fatal(err)
			}
			if rep.instances != tc.instances || rep.depth != tc.deep {
				t.Errorf("got %d instances %d deep, want %d and %d", rep.instances, rep.depth, tc.instances, tc.deep)
			}
		})
	}
}

package change

import (
	"fmt"
	"testing"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// oneRepository is n items of one repository and distinct names, listed in
// reverse when reversed: matching looked for each among all the others.
func oneRepository(n int, reversed bool) *landscape.Landscape {
	c := &landscape.Category{Name: "C"}
	s := &landscape.Subcategory{Name: "S", Category: c}
	c.Subcategories = []*landscape.Subcategory{s}
	l := &landscape.Landscape{File: "landscape.yml", Categories: []*landscape.Category{c}}
	for i := range n {
		if reversed {
			i = n - 1 - i
		}
		it := &landscape.Item{Name: fmt.Sprint("Item ", i), RepoURL: "https://github.com/o/r", Subcategory: s, Pos: landscape.Pos{Line: 1 + 4*len(l.Items)}}
		s.Items = append(s.Items, it)
		l.Items = append(l.Items, it)
	}
	return l
}

func TestCompareOneRepository(t *testing.T) {
	base, head := oneRepository(1000, false), oneRepository(1000, true)
	d := Compare(base, head)
	if got := d.String(); got != "0 added, 0 removed, 0 changed, 0 moved" {
		t.Errorf("got %q, want every item matched by its name", got)
	}
	for _, h := range head.Items {
		if b := d.BaseOf(h); b == nil || b.Name != h.Name {
			t.Fatalf("%q matched with %v", h.Name, b)
		}
	}
}

// BenchmarkCompareOneRepository: the time per item stays flat when
// matching is linear.
//
//	go test ./internal/change -run '^$' -bench OneRepository
func BenchmarkCompareOneRepository(b *testing.B) {
	for _, n := range []int{2_000, 20_000} {
		base, head := oneRepository(n, false), oneRepository(n, true)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Compare(base, head)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/item")
		})
	}
}

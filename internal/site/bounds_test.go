package site

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// crowded is one box of n items, each also listed in a second box, the
// first item with n second paths, most of them repeats.
func crowded(n int) *landscape.Landscape {
	c := &landscape.Category{Name: "C"}
	a := &landscape.Subcategory{Name: "A", Category: c}
	b := &landscape.Subcategory{Name: "B", Category: c}
	c.Subcategories = []*landscape.Subcategory{a, b}
	l := &landscape.Landscape{Categories: []*landscape.Category{c}}
	for i := range n {
		it := &landscape.Item{Name: fmt.Sprint("I", i), Slug: fmt.Sprint("i", i), Subcategory: a, SecondPaths: []string{"C/B"}}
		a.Items = append(a.Items, it)
		l.Items = append(l.Items, it)
	}
	for i := range n {
		l.Items[0].SecondPaths = append(l.Items[0].SecondPaths, fmt.Sprintf("C / B%d", i%3), "C/A", " C / B ")
	}
	return l
}

// TestAssembleSecondPaths checks that an item enters each of its boxes
// once, whatever its second paths repeat, with many paths as with few.
func TestAssembleSecondPaths(t *testing.T) {
	for _, n := range []int{2, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			s := Assemble(crowded(n), landscape.DefaultSettings(), nil)
			want := []string{"C / A", "C / B"}
			if n > 2 {
				want = append(want, "C / B0", "C / B1", "C / B2")
			} else {
				want = append(want, "C / B0", "C / B1")
			}
			if diff := cmp.Diff(want, s.Items[0].Paths); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			for _, box := range s.Categories[0].Subcategories {
				if len(box.Items) != n {
					t.Errorf("box %s holds %d items, want %d", box.Name, len(box.Items), n)
				}
			}
		})
	}
}

// BenchmarkAssembleCrowded: the time per item stays flat when assembling
// is linear (a box's items and an item's paths were searched for each).
//
//	go test ./internal/site -run '^$' -bench Crowded
func BenchmarkAssembleCrowded(b *testing.B) {
	for _, n := range []int{2_000, 20_000} {
		l := crowded(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Assemble(l, landscape.DefaultSettings(), nil)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/item")
		})
	}
}

package render

import (
	"fmt"
	"testing"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

func TestRanksAsRank(t *testing.T) {
	order := []string{"b", "a", "b", "c"}
	r := ranks(order)
	for _, s := range []string{"a", "b", "c", "d", ""} {
		if got, want := r(s), rank(order, s); got != want {
			t.Errorf("ranks(%q) = %d, want rank's %d", s, got, want)
		}
	}
}

// levels is n items of n distinct maturity levels, the settings listing
// them as the loader does when they come from the data.
func levels(n int) ([]*site.Item, *landscape.Settings) {
	s := landscape.DefaultSettings()
	s.Maturity = nil
	var items []*site.Item
	for i := range n {
		m := fmt.Sprint("level", i)
		s.Maturity = append(s.Maturity, m)
		items = append(items, &site.Item{Maturity: m})
	}
	return items, s
}

// BenchmarkMaturityLevels: the time per level stays flat when the maturity
// chart and the filter table are linear in the levels (each looked every
// level up in the list of levels).
//
//	go test ./internal/render -run '^$' -bench MaturityLevels
func BenchmarkMaturityLevels(b *testing.B) {
	for _, n := range []int{2_000, 20_000} {
		items, s := levels(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				maturityChart(items, s)
				t := newTable(maturityOrder(s.Maturity))
				for _, it := range items {
					t.add(it.Maturity)
				}
				t.list()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/level")
		})
	}
}

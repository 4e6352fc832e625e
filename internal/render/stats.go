package render

import (
	"cmp"
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

// Chart geometry, in SVG user units: labels on the left, bars to the right.
const (
	chartWidth = 460
	labelRight = 150 // labels end here
	barLeft    = 156
	barMax     = 250 // the longest bar; its value is written after it
	rowHeight  = 24
)

// chart is a horizontal bar chart drawn at build time, so the stats page
// needs no script and no chart library.
type chart struct {
	ID, Title, Note       string
	Width, Height         int
	LabelX, BarX, LabelAt int // LabelAt: labels are cut to this many characters
	Bars                  []bar
}

type bar struct {
	Label      string
	Value      int
	Y, TextY   int // top of the bar, baseline of its texts
	Width, VX  int // bar length, x of the value label
	ValueLabel string
}

func newChart(id, title string, rows []count, note string) chart {
	c := chart{ID: id, Title: title, Note: note, Width: chartWidth, Height: len(rows)*rowHeight + 8,
		LabelX: labelRight, BarX: barLeft, LabelAt: 20}
	top := 1
	for _, r := range rows {
		top = max(top, r.n)
	}
	for i, r := range rows {
		w := max(r.n*barMax/top, 1)
		y := 4 + i*rowHeight
		c.Bars = append(c.Bars, bar{Label: r.label, Value: r.n, Y: y, TextY: y + 13, Width: w, VX: barLeft + w + 6, ValueLabel: thousands(r.n)})
	}
	return c
}

type count struct {
	label string
	n     int
}

// tallyBy counts items by key; "" keys are counted apart and returned.
func tallyBy(items []*site.Item, key func(*site.Item) string) ([]count, int) {
	m := map[string]int{}
	missing := 0
	for _, it := range items {
		if k := key(it); k != "" {
			m[k]++
		} else {
			missing++
		}
	}
	out := make([]count, 0, len(m))
	for k, n := range m {
		out = append(out, count{k, n})
	}
	slices.SortFunc(out, func(a, b count) int { return cmp.Or(b.n-a.n, strings.Compare(a.label, b.label)) })
	return out, missing
}

// top keeps the n largest rows and sums the rest as "Other".
func top(rows []count, n int) []count {
	if len(rows) <= n {
		return rows
	}
	rest := 0
	for _, r := range rows[n:] {
		rest += r.n
	}
	return append(slices.Clone(rows[:n]), count{"Other", rest})
}

// statsView is the stats page.
type statsView struct {
	Page
	Items, OpenSource, Orgs, Stars int
	Charts                         []chart
	Repos                          repoStats
}

func newStats(p Page, s *site.Site) *statsView {
	v := &statsView{Page: p, Items: len(s.Items)}
	for _, it := range s.Items {
		if it.OpenSource {
			v.OpenSource++
		}
		v.Stars += stars(it)
	}
	var cats []count
	for _, c := range s.Categories {
		n := 0
		for _, it := range s.Items {
			if it.Category == c.Name {
				n++
			}
		}
		cats = append(cats, count{c.Name, n})
	}
	orgs, _ := tallyBy(s.Items, func(it *site.Item) string { return it.Organization })
	v.Orgs = len(orgs)
	lics, noLic := tallyBy(s.Items, license)
	langs, noLang := tallyBy(s.Items, language)
	v.Charts = []chart{
		newChart("categories", "Items per category", cats, ""),
		maturityChart(s.Items, s.Settings),
		newChart("licenses", "Licenses", top(lics, 12), notKnown(noLic, "licence")),
		newChart("languages", "Languages", top(langs, 12), notKnown(noLang, "language")),
		starsChart(s.Items),
		newChart("organizations", "Organizations with the most items", orgs[:min(len(orgs), 15)], ""),
	}
	v.Charts = append(v.Charts, moreCharts(s)...)
	v.Repos = newRepoStats(s.Items)
	return v
}

func notKnown(n int, what string) string {
	if n == 0 {
		return ""
	}
	return plural(n, "item has", "items have") + " no known " + what + "."
}

func maturityChart(items []*site.Item, set *landscape.Settings) chart {
	rows, none := tallyBy(items, func(it *site.Item) string { return it.Maturity })
	r := ranks(set.Maturity)
	slices.SortStableFunc(rows, func(a, b count) int { return r(a.label) - r(b.label) })
	for i := range rows {
		rows[i].label = title(rows[i].label)
	}
	return newChart("maturity", "Maturity", rows, notKnown(none, "maturity"))
}

// starBuckets are the ranges of the star distribution.
var starBuckets = []struct {
	label string
	min   int
}{{"Under 100", 0}, {"100 to 999", 100}, {"1k to 4.9k", 1000}, {"5k to 9.9k", 5000}, {"10k to 49k", 10000}, {"50k and more", 50000}}

func starsChart(items []*site.Item) chart {
	rows := make([]count, len(starBuckets))
	for i, b := range starBuckets {
		rows[i].label = b.label
	}
	unknown := 0
	for _, it := range items {
		if primary(it) == nil {
			unknown++
			continue
		}
		n := stars(it)
		for i := len(starBuckets) - 1; i >= 0; i-- {
			if n >= starBuckets[i].min {
				rows[i].n++
				break
			}
		}
	}
	note := ""
	if unknown > 0 {
		note = plural(unknown, "item has", "items have") + " no GitHub facts."
	}
	return newChart("stars", "GitHub stars per item", rows, note)
}

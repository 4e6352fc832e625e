package render

import (
	"slices"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

func TestIndexData(t *testing.T) {
	x := &site.Item{ID: "x", Name: "X", Category: "B", Subcategory: "B1", Maturity: "graduated",
		License: "MIT", Organization: "beta", OpenSource: true, Stars: 7, Description: "d",
		Repos: []site.Repo{{URL: "https://github.com/o/x", GitHub: &site.RepoFacts{FirstCommit: day(20), ReleaseDate: day(30)}}}, EndUser: true,
		Extra: landscape.Extra{Text: map[string]string{"tag": "runtime"}, Dates: map[string]string{"accepted": "1970-01-11"}}}
	y := &site.Item{ID: "y", Name: "Y", Category: "A", Subcategory: "A1", Maturity: "sandbox",
		License: "Apache-2.0", Organization: "Alpha", Archived: true}
	a1 := &site.Subcategory{Name: "A1", Items: []*site.Item{y, x}} // x listed here by second_path
	b1 := &site.Subcategory{Name: "B1", Items: []*site.Item{x}}
	set := landscape.DefaultSettings()
	set.Groups = []landscape.Group{{Name: "Bees", Alias: "bees", Categories: []string{"B", "Missing"}}}
	s := &site.Site{Settings: set, Items: []*site.Item{x, y}, Categories: []*site.Category{
		{Name: "A", Subcategories: []*site.Subcategory{a1}},
		{Name: "B", Subcategories: []*site.Subcategory{b1}},
	}}
	d, index := newIndexData(s, "/base/")
	want := &indexData{
		Base: "/base/", Fields: itemFields, Categories: []string{"A", "B"}, Zoom: 2,
		Boxes:    []indexBox{{0, "A1"}, {1, "B1"}},
		Maturity: []string{"graduated", "sandbox"}, // most mature first, not alphabetical
		Licenses: []string{"Apache-2.0", "MIT"}, Orgs: []string{"Alpha", "beta"}, Languages: []string{},
		Groups: []indexGroup{{Alias: "bees", Name: "Bees", Categories: []int{1}}},
		Tags:   []string{"runtime"},
		Items: [][]any{
			{"x", "X", "", []int{1, 0}, 0, 1, 1, -1, flagOpenSource | flagEndUser /* graduated, but no rule features it */, 7, 0, 0, "d", "o/x", 0, 10, 20, 30},
			{"y", "Y", "", []int{0}, 1, 0, 0, -1, flagArchived, 0, 0, 0, "", "", -1, 0, 0, 0},
		},
	}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("index data (-want +got):\n%s", diff)
	}
	if index[x] != 0 || index[y] != 1 {
		t.Errorf("positions: got %d %d, want 0 1", index[x], index[y])
	}
}

// day is the time of a day counted from 1970.
func day(n int) *time.Time {
	t := time.Unix(int64(n)*86400, 0).UTC()
	return &t
}

func TestSearchIndex(t *testing.T) {
	items := []*site.Item{
		{Name: "Open-Telemetry", Repos: []site.Repo{{URL: "https://github.com/open-telemetry/otel"}}},
		{Name: "Kubernetes", Organization: "CNCF", Repos: []site.Repo{{URL: "https://github.com/kubernetes/kubernetes",
			GitHub: &site.RepoFacts{Description: "Production-Grade Container Scheduling", Topics: []string{"k8s"}}}}},
	}
	x := newSearchIndex(items)
	want := map[string][]int{
		"open": {0}, "telemetry": {0}, "opentelemetry": {0}, "open-telemetry": {0},
		"github.com/open-telemetry/otel": {0}, "open-telemetry/otel": {0},
		"https://github.com/kubernetes/kubernetes": {1}, "kubernetes/kubernetes": {1}, "kubernetes": {1},
		"cncf": {1}, "container": {1}, "production-grade": {1}, "k8s": {1}, "github": {0, 1}, "com": {0, 1},
	}
	for term, ids := range want {
		i := slices.Index(x.Terms, term)
		if i < 0 {
			t.Errorf("term %q missing from %q", term, x.Terms)
			continue
		}
		var got []int
		prev := 0
		for _, g := range x.Postings[i] {
			prev += int(g)
			got = append(got, prev)
		}
		if !slices.Equal(got, ids) {
			t.Errorf("postings of %q: %v, want %v", term, got, ids)
		}
	}
	if !slices.IsSortedFunc(x.Terms, compareUTF16) {
		t.Error("terms are not sorted as JavaScript sorts strings")
	}
}

// TestCompareUTF16 checks the allocation-free comparison against encoding
// both strings as UTF-16, on the runes where code order and UTF-16 order
// differ (above U+FFFF against U+E000-U+FFFF), prefixes and invalid UTF-8.
func TestCompareUTF16(t *testing.T) {
	words := []string{"", "a", "ab", "b", "é", "\ufffd", "\ue000", "\uff21x", "\U0001F600", "\U00010000", "a\U0001F600", "a\uffff",
		"\xff", "a\xffb", "\U0010FFFF", "\ud7ff", "z", "k8s", "\u4e2d\u6587"}
	for _, a := range words {
		for _, b := range words {
			want := slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
			if got := compareUTF16(a, b); got != want {
				t.Errorf("compareUTF16(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

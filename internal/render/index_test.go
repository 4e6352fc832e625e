package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

func TestIndexData(t *testing.T) {
	x := &site.Item{ID: "x", Name: "X", Category: "B", Subcategory: "B1", Maturity: "graduated",
		License: "MIT", Organization: "beta", OpenSource: true, Stars: 7, Description: "d",
		Repos: []site.Repo{{URL: "https://github.com/o/x"}}}
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
		Base: "/base/", Fields: itemFields, Categories: []string{"A", "B"},
		Boxes:    []indexBox{{0, "A1"}, {1, "B1"}},
		Maturity: []string{"graduated", "sandbox"}, // most mature first, not alphabetical
		Licenses: []string{"Apache-2.0", "MIT"}, Orgs: []string{"Alpha", "beta"}, Languages: []string{},
		Groups: []indexGroup{{Alias: "bees", Name: "Bees", Categories: []int{1}}},
		Items: [][]any{
			{"x", "X", "", []int{1, 0}, 0, 1, 1, -1, flagOpenSource | flagFeatured, 7, 0, 0, "d", "o/x"},
			{"y", "Y", "", []int{0}, 1, 0, 0, -1, flagArchived, 0, 0, 0, "", ""},
		},
	}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("index data (-want +got):\n%s", diff)
	}
	if index[x] != 0 || index[y] != 1 {
		t.Errorf("positions: got %d %d, want 0 1", index[x], index[y])
	}
}

func TestMaturityOrder(t *testing.T) {
	got := maturityOrder([]string{"sandbox", "sig", "incubating", "graduated", "archived", "emeritus"})
	want := []string{"graduated", "incubating", "sandbox", "archived", "sig", "emeritus"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

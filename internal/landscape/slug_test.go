package landscape

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// namesakes is n items of one name and homepage: only the numbered
// fallback tells them apart.
func namesakes(n int) []*Item {
	items := make([]*Item, n)
	for i := range items {
		items[i] = &Item{Name: "Same", HomepageURL: "https://same.example"}
	}
	return items
}

// TestSlugsNumbered checks the numbered fallback against counting from 2
// for every item, including explicit slugs that take a number first.
func TestSlugsNumbered(t *testing.T) {
	items := []*Item{
		{Name: "A", Slug: "a"}, {Name: "A", Slug: "a"}, {Name: "x", Slug: "a-3"},
		{Name: "A", Slug: "a"}, {Name: "A", Slug: "a"}, {Name: "B", Slug: "a-2-2"},
		{Name: "A", Slug: "a-2"}, {Name: "A", Slug: "a-2"},
	}
	assignSlugs(items)
	var got []string
	for _, it := range items {
		got = append(got, it.Slug)
	}
	want := []string{"a", "a-2", "a-3", "a-4", "a-5", "a-2-2", "a-2-3", "a-2-4"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("slugs (-want +got):\n%s", diff)
	}
}

// TestSlugsLinear checks that the slugs of 20,000 namesakes take a number
// of tries linear in the items (counting from 2 for each took 200 million,
// 20 to 38 seconds), and are all distinct.
func TestSlugsLinear(t *testing.T) {
	const n = 20_000
	items := namesakes(n)
	tries := assignSlugs(items)
	if tries > 2*n {
		t.Errorf("%d tries for %d namesakes, want at most %d", tries, n, 2*n)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.Slug] {
			t.Fatalf("slug %q used twice", it.Slug)
		}
		seen[it.Slug] = true
	}
	if last := items[n-1].Slug; last != items[0].Slug+"-"+strconv.Itoa(n) {
		t.Errorf("the last namesake is %q, want the first's slug numbered %d", last, n)
	}
}

// BenchmarkSlugsNamesakes: go test ./internal/landscape -run '^$' -bench Slugs
func BenchmarkSlugsNamesakes(b *testing.B) {
	for _, n := range []int{2_000, 20_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				assignSlugs(namesakes(n))
			}
		})
	}
}

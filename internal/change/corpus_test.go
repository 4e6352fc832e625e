package change

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

func cncf(tb testing.TB) []byte {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "cncf-full")
	data, err := os.ReadFile(filepath.Join(dir, "landscape.yml"))
	if err != nil {
		tb.Skipf("shared corpora not found at %s: skipping the test on real data", dir)
	}
	return data
}

// TestCorpusUnchanged compares the whole CNCF landscape with itself after
// inserting an item at the top, which shifts every line: only the new item
// may be reported, however many items share homepages or repositories.
func TestCorpusUnchanged(t *testing.T) {
	data := cncf(t)
	base, _ := landscape.Parse("landscape.yml", data)
	i := strings.Index(string(data), "        items:\n") + len("        items:\n")
	added := string(data[:i]) + "          - item:\n            name: Brand New\n            homepage_url: https://brand-new.example\n            logo: x.svg\n" + string(data[i:])
	head, _ := landscape.Parse("landscape.yml", []byte(added))
	d := Compare(base, head)
	if got := d.String(); got != "1 added, 0 removed, 0 changed, 0 moved" {
		t.Errorf("got %q, want only the new item", got)
	}
}

func BenchmarkCompareCNCF(b *testing.B) {
	data := cncf(b)
	base, _ := landscape.Parse("landscape.yml", data)
	head, _ := landscape.Parse("landscape.yml", data)
	for b.Loop() {
		Compare(base, head)
	}
}

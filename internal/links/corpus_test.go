package links

import (
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestCorpusPositions collects the URLs of the CNCF landscape and checks
// that each position found points at its value's bytes, the way --fix
// finds them, on a file with many multi-byte lines.
func TestCorpusPositions(t *testing.T) {
	file := filepath.Join("..", "..", "..", "shared", "corpora", "cncf-full", "landscape.yml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Skipf("shared corpora not found (%v): skipping the test on real data", err)
	}
	uses, err := Collect(data)
	if err != nil {
		t.Fatal(err)
	}
	starts := lineStarts(data)
	distinct := map[string]bool{}
	missed, blocks := 0, 0
	for _, u := range uses {
		distinct[u.URL] = true
		if u.Style == yaml.LiteralStyle || u.Style == yaml.FoldedStyle {
			blocks++ // --fix leaves these, and says so
			continue
		}
		if _, ok := valueAt(data, starts, u); !ok {
			missed++
			if missed <= 5 {
				t.Errorf("%s:%d:%d: %q not found at its position", file, u.Line, u.Col, u.URL)
			}
		}
	}
	if len(uses) < 5000 {
		t.Errorf("got %d URLs, want the thousands the CNCF landscape has", len(uses))
	}
	t.Logf("cncf-full: %d uses of %d distinct URLs, %d in block scalars", len(uses), len(distinct), blocks)
}

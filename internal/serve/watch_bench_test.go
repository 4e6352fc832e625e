package serve

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSnapshot times one poll of the cncf-full inputs: the data file
// and 2,452 logos. The server polls every 100ms, so this is its idle cost.
func BenchmarkSnapshot(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "cncf-full")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("shared corpora not found at %s: skipping the poll of real data", dir)
	}
	paths := []string{filepath.Join(dir, "landscape.yml"), filepath.Join(dir, "hosted_logos")}
	for b.Loop() {
		if len(snapshot(paths)) < 2 {
			b.Fatal("nothing found")
		}
	}
}

package logos

import (
	"os"
	"path/filepath"
	"testing"
)

// cncfRefs returns the hosted_logos folder of cncf-full and every file in it.
func cncfRefs(b *testing.B) (string, []string) {
	files := corpusLogos(b, "cncf-full")
	var refs []string
	for _, f := range files {
		refs = append(refs, filepath.Base(f))
	}
	return filepath.Dir(files[0]), refs
}

// BenchmarkCorpusCold processes every cncf-full logo with no cache: the
// cost of a first build.
func BenchmarkCorpusCold(b *testing.B) {
	dir, refs := cncfRefs(b)
	for b.Loop() {
		NewProcessor(Options{Dir: os.DirFS(dir)}).ProcessAll(b.Context(), refs)
	}
	b.ReportMetric(float64(len(refs)), "logos")
}

// BenchmarkCorpusWarmDisk processes every cncf-full logo with a new
// Processor over a filled disk cache: the cost of the next build.
func BenchmarkCorpusWarmDisk(b *testing.B) {
	dir, refs := cncfRefs(b)
	cache := b.TempDir()
	NewProcessor(Options{Dir: os.DirFS(dir), CacheDir: cache, CacheKey: testKey}).ProcessAll(b.Context(), refs)
	for b.Loop() {
		NewProcessor(Options{Dir: os.DirFS(dir), CacheDir: cache, CacheKey: testKey}).ProcessAll(b.Context(), refs)
	}
}

// BenchmarkCorpusWarmMemo processes every cncf-full logo again with the
// same Processor: the cost of a rebuild in serve mode.
func BenchmarkCorpusWarmMemo(b *testing.B) {
	dir, refs := cncfRefs(b)
	p := NewProcessor(Options{Dir: os.DirFS(dir)})
	p.ProcessAll(b.Context(), refs)
	for b.Loop() {
		p.ProcessAll(b.Context(), refs)
	}
}

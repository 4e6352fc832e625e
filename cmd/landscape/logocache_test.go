package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// warmLogos is a cache folder holding the serverless corpus's logos as
// processed once for the whole test binary. Processing them is nearly all
// that a check of the corpus costs (one of them, apache-openserverless.svg,
// takes seconds, ten times more under the race detector), and the
// end-to-end tests here run some thirty checks and action runs of it:
// r.check and runAction copy this cache into the cache folder they use, so
// the corpus is processed cold once instead of each time. The cache is
// keyed by content, so a logo a test edits is still processed as a cold
// run would (TestCheckChangedLogo), and what check makes of a cached logo
// is what it made of it cold (the cache's own tests, internal/logos).
var warmLogos struct {
	once sync.Once
	dir  string // its logos/ folder holds the processed logos
	err  string
}

// removeWarmLogos removes the folder after the tests (see TestMain).
func removeWarmLogos() {
	if warmLogos.dir != "" {
		os.RemoveAll(warmLogos.dir)
	}
}

// seedLogoCache copies the processed serverless logos into cacheDir, unless
// it already holds processed logos (a cache an earlier run filled), or the
// corpus is not on this machine.
func seedLogoCache(t *testing.T, cacheDir string) {
	t.Helper()
	corpus := filepath.Join("..", "..", "..", "shared", "corpora", "serverless")
	if _, err := os.Stat(filepath.Join(corpus, "landscape.yml")); err != nil {
		return
	}
	warmLogos.once.Do(func() {
		dir, err := os.MkdirTemp("", "landscape-test-logos-")
		if err != nil {
			warmLogos.err = err.Error()
			return
		}
		warmLogos.dir = dir
		var stdout, stderr bytes.Buffer
		// validate exits 1 on the corpus's own logo errors: what matters
		// here is the folder it leaves.
		run(context.Background(), []string{"validate", "--data", filepath.Join(corpus, "landscape.yml"), "--settings", "", "--guide", "",
			"--logos", filepath.Join(corpus, "hosted_logos"), "--cache-dir", dir, "--offline"}, &stdout, &stderr)
		if m, _ := filepath.Glob(filepath.Join(dir, "logos", "*")); len(m) == 0 {
			warmLogos.err = "validate left no processed logos in its cache:\n" + stderr.String()
		}
	})
	if warmLogos.err != "" {
		t.Fatalf("processing the corpus's logos once: %s", warmLogos.err)
	}
	if m, _ := filepath.Glob(filepath.Join(cacheDir, "logos", "*")); len(m) > 0 {
		return
	}
	if err := os.CopyFS(cacheDir, os.DirFS(warmLogos.dir)); err != nil {
		t.Fatalf("seeding the logo cache: %v", err)
	}
}

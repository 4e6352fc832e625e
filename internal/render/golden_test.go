package render

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/site"
	"github.com/serverless-landscape/landscape/internal/site/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testSite is the small hand-made site of testdata/site with the logos and
// GitHub facts of its facts.json, as the build would set them.
func testSite(t testing.TB) *site.Site {
	t.Helper()
	return sitetest.Load(t, filepath.Join("testdata", "site"))
}

func renderTestSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := newTestRenderer(t).Render(context.Background(), testSite(t), dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestGolden compares every rendered file but the assets (which are the
// templates' CSS and JS, minified) and the JSON Schemas with testdata/golden.
func TestGolden(t *testing.T) {
	dir := renderTestSite(t)
	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
	}
	got := files(t, dir)
	for name, data := range got {
		path := filepath.Join(golden, filepath.FromSlash(name))
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: not in testdata/golden (run go test -update): %v", name, err)
			continue
		}
		if diff := cmp.Diff(string(want), string(data)); diff != "" {
			t.Errorf("%s differs from its golden file (-want +got):\n%s", name, diff)
		}
	}
	if !*update {
		for name := range files(t, golden) {
			if _, ok := got[name]; !ok {
				t.Errorf("%s: in testdata/golden but no longer rendered", name)
			}
		}
	}
}

// files reads every file under dir but assets/, by slash path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "assets/") || strings.HasPrefix(rel, "schema/") { // the schemas are package schema's, tested there
			return nil
		}
		out[rel], err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a, b := renderTestSite(t), renderTestSite(t)
	fa, fb := files(t, a), files(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("renders wrote %d and %d files", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two renders of the same site", name)
		}
	}
	if _, err := os.Stat(filepath.Join(a, "logos")); err == nil {
		t.Error("render wrote logos/, which the build owns")
	}
}

package build

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/poster"
	"github.com/serverless-landscape/landscape/internal/race"
	"github.com/serverless-landscape/landscape/templates"
)

func corpus(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora", name)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpora not found at %s: skipping the build of real data", dir)
	}
	return dir
}

func corpusOptions(t testing.TB, dir string) Options {
	return Options{
		DataFile:     filepath.Join(dir, "landscape.yml"),
		SettingsFile: filepath.Join(dir, "landscape2-sites", "settings.yml"),
		GuideFile:    filepath.Join(dir, "landscape2-sites", "guide.yml"),
		LogosDir:     filepath.Join(dir, "hosted_logos"),
		OutDir:       filepath.Join(t.TempDir(), "public"),
		CacheDir:     filepath.Join(t.TempDir(), "cache"),
		Offline:      true,
		Templates:    templates.FS,
	}
}

// TestCorpusBuild builds both real landscapes and checks that nothing is
// lost: every item has its page and its entry in items.json, every logo
// an item points at exists, and every text file is clean UTF-8. The small one is built with its posters; the
// posters of cncf-full are left out, as their drawing is tested on its own
// (internal/poster) and would multiply the suite's time. Under the race
// detector only the small one is built, with its posters: cncf-full runs
// the same concurrent code forty times over, and make test builds it whole
// without the detector.
func TestCorpusBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("building the corpora takes a while; skipped with -short")
	}
	for _, name := range []string{"serverless", "cncf-full"} {
		t.Run(name, func(t *testing.T) {
			o := corpusOptions(t, corpus(t, name))
			o.NoPoster = name == "cncf-full"
			if race.Enabled && name == "cncf-full" {
				t.Skip("the small corpus's build under -race runs the same concurrent code: make test builds cncf-full without -race")
			}
			o.CacheKey = bytes.Repeat([]byte{1}, keySize)
			res, err := Build(context.Background(), o)
			if err != nil {
				t.Fatalf("build: %v\n%s", err, strings.Join(strings.Split(res.Diags.Summary(), "\n"), "\n"))
			}
			data, err := os.ReadFile(filepath.Join(o.OutDir, "data", "items.json"))
			if err != nil {
				t.Fatal(err)
			}
			var items []struct {
				ID   string `json:"id"`
				Logo string `json:"logo"`
			}
			if err := json.Unmarshal(data, &items); err != nil {
				t.Fatalf("items.json: %v", err)
			}
			if len(items) != len(res.Site.Items) {
				t.Errorf("items.json has %d items, want %d", len(items), len(res.Site.Items))
			}
			placeholders := 0
			for _, it := range items {
				if _, err := os.Stat(filepath.Join(o.OutDir, "items", it.ID+".html")); err != nil {
					t.Errorf("item %s: no page: %v", it.ID, err)
				}
				if it.Logo == "" {
					placeholders++
					continue
				}
				if _, err := os.Stat(filepath.Join(o.OutDir, filepath.FromSlash(it.Logo))); err != nil {
					t.Errorf("item %s: logo %s not written", it.ID, it.Logo)
				}
			}
			if !o.NoPoster {
				checkPosters(t, o.OutDir)
			}
			checkText(t, o.OutDir)
			// No error may come from a value landscape2 accepts: the errors
			// left are about logos, whose files (a missing one, text, bitmaps)
			// this tool holds to its own rules on purpose (docs/migrating.md).
			logoErrors := 0
			for _, d := range res.Diags {
				switch {
				case d.Severity != diag.Error:
				case d.Field == "logo":
					logoErrors++
				default:
					t.Errorf("an error on data landscape2 builds: %s", d)
				}
			}
			t.Logf("%d items, %d placeholder tiles, %d files, %s (%d errors about logo files)", len(items), placeholders, res.Files, res.Diags.Summary(), logoErrors)
		})
	}
}

// checkPosters checks that the three posters are there, the PNG at twice
// the default width.
func checkPosters(t *testing.T, dir string) {
	t.Helper()
	for _, name := range []string{"landscape.svg", "landscape.pdf", "landscape.png"} {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() == 0 {
			t.Errorf("%s: not written (%v)", name, err)
		}
	}
	f, err := os.Open(filepath.Join(dir, "landscape.png"))
	if err != nil {
		return
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width != 2*poster.DefaultWidth {
		t.Errorf("landscape.png: %d pixels wide (%v), want %d", cfg.Width, err, 2*poster.DefaultWidth)
	}
}

// TestFailedBuildKeepsSite checks the swap: a build that fails leaves the
// previous site exactly as it was.
func TestFailedBuildKeepsSite(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "landscape.yml")
	write := func(s string) {
		if err := os.WriteFile(data, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n          - item:\n            name: A\n            homepage_url: https://a.example\n            logo: https://a.example/a.svg\n")
	o := Options{DataFile: data, LogosDir: filepath.Join(dir, "logos"), OutDir: filepath.Join(dir, "public"), Offline: true, Templates: templates.FS}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatalf("first build: %v", err)
	}
	before, err := os.ReadFile(filepath.Join(o.OutDir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	write("landscape: [unclosed\n")
	if _, err := Build(context.Background(), o); err == nil {
		t.Fatal("build of invalid YAML succeeded")
	}
	o.Strict = true
	write("landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n          - item:\n            name: B\n            homepage_url: javascript:x\n            logo: b.svg\n")
	if _, err := Build(context.Background(), o); !errors.Is(err, ErrProblems) {
		t.Fatalf("strict build with errors: got %v, want ErrProblems", err)
	}
	after, err := os.ReadFile(filepath.Join(o.OutDir, "index.html"))
	if err != nil {
		t.Fatalf("the previous site is gone: %v", err)
	}
	if string(before) != string(after) {
		t.Error("the previous site was changed by failed builds")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".public-build-*"))
	if len(left) > 0 {
		t.Errorf("temporary folders left behind: %v", left)
	}
}

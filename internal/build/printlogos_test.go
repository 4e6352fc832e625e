package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/templates"
)

// TestPosterOriginalLogos checks that the posters print a logo as it is
// (logos.Processor.Original) while the page serves it fitted to the
// screen: the served logo's numbers are rounded, the poster's are not.
func TestPosterOriginalLogos(t *testing.T) {
	dir := t.TempDir()
	const path = `M10.123456 20.654321L90.111111 80.999999L50.555555 30.333333z`
	files := map[string]string{
		"landscape.yml":   "landscape:\n  - category:\n    name: Runtime\n    subcategories:\n      - subcategory:\n        name: Engines\n        items:\n          - item:\n            name: Alpha\n            homepage_url: https://alpha.example.org\n            logo: alpha.svg\n",
		"settings.yml":    "name: Test Landscape\nurl: https://landscape.example.org\n",
		"logos/alpha.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="` + path + `"/></svg>`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, cache := range []string{"", filepath.Join(dir, "cache")} {
		out := filepath.Join(t.TempDir(), "public")
		o := Options{DataFile: filepath.Join(dir, "landscape.yml"), SettingsFile: filepath.Join(dir, "settings.yml"),
			LogosDir: filepath.Join(dir, "logos"), OutDir: out, CacheDir: cache, CacheKey: bytes.Repeat([]byte{7}, keySize),
			Offline: true, Templates: templates.FS, Log: &bytes.Buffer{}}
		if _, err := Build(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		served, _ := filepath.Glob(filepath.Join(out, "logos", "*.svg"))
		if len(served) != 1 {
			t.Fatalf("cache %q: served logos %v, want one", cache, served)
		}
		page, err := os.ReadFile(served[0])
		if err != nil {
			t.Fatal(err)
		}
		svg, err := os.ReadFile(filepath.Join(out, "landscape.svg"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(page), "10.123456") {
			t.Errorf("cache %q: the served logo keeps every digit, want it fitted to the screen: %s", cache, page)
		}
		if !strings.Contains(string(svg), "10.123456") {
			t.Errorf("cache %q: the poster lost the logo's digits: it prints the served logo, not the original", cache)
		}
	}
}

// TestPosterFidelity checks that a logo a fidelity record measured too far
// from Chromium is drawn as a name tile (it has no raster) and reported,
// by the hash of the bytes the posters draw, and that the record takes
// part in the poster cache's key.
func TestPosterFidelity(t *testing.T) {
	dir := t.TempDir()
	logo := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M10 20L90 80L50 30z"/></svg>`
	files := map[string]string{
		"landscape.yml":   "landscape:\n  - category:\n    name: Runtime\n    subcategories:\n      - subcategory:\n        name: Engines\n        items:\n          - item:\n            name: Alpha\n            homepage_url: https://alpha.example.org\n            logo: alpha.svg\n",
		"logos/alpha.svg": logo,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cache := filepath.Join(dir, "cache")
	build := func(record string) (string, Result) {
		t.Helper()
		var log bytes.Buffer
		o := Options{DataFile: filepath.Join(dir, "landscape.yml"), LogosDir: filepath.Join(dir, "logos"), OutDir: filepath.Join(t.TempDir(), "public"),
			CacheDir: cache, CacheKey: bytes.Repeat([]byte{7}, keySize), Offline: true, Templates: templates.FS, Log: &log, PosterFidelity: record}
		res, err := Build(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		return log.String(), res
	}
	log, _ := build("")
	if !strings.Contains(log, "0 drawn as raster or name tile") {
		t.Fatalf("without a record the logo is not drawn from its vectors:\n%s", log)
	}
	drawn := drawnLogo(t, dir)
	sum := sha256.Sum256(drawn)
	record := filepath.Join(dir, "fidelity.json")
	rec := `{"version":1,"size":256,"tolerance":0.02,"logos":[{"name":"alpha.svg","sha256":"` + hex.EncodeToString(sum[:]) + `","difference":0.2}]}`
	if err := os.WriteFile(record, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	log, res := build(record)
	if !strings.Contains(log, "1 drawn as raster or name tile") {
		t.Errorf("with the record the logo is still drawn from its vectors:\n%s", log)
	}
	found := false
	for _, d := range res.Diags {
		found = found || d.Item == "Alpha" && strings.Contains(d.Message, "Chromium")
	}
	if !found {
		t.Errorf("no warning names the measurement: %v", res.Diags)
	}
}

// drawnLogo is the logo of the fixture as the posters get it.
func drawnLogo(t *testing.T, dir string) []byte {
	t.Helper()
	p := logos.NewProcessor(logos.Options{Dir: os.DirFS(filepath.Join(dir, "logos"))})
	r := p.Original(context.Background(), "alpha.svg")
	if r.Missing {
		t.Fatal("the fixture's logo is missing")
	}
	return r.Data
}

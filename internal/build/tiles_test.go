package build

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/templates"
)

// TestTileRasters builds a landscape whose logos the drawing renders but
// one (a filter): each drawable logo gets a PNG beside its SVG, fitted to
// the tile raster's box, the page's data flags those items, and a second
// build with the cache draws none again.
func TestTileRasters(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("landscape.yml", `landscape:
  - category:
    name: C
    subcategories:
      - subcategory:
        name: S
        items:
          - item:
            name: Wide
            homepage_url: https://wide.example
            logo: wide.svg
          - item:
            name: Blurred
            homepage_url: https://blurred.example
            logo: blurred.svg
`)
	write("logos/wide.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100"><rect width="400" height="100" fill="#06c"/></svg>`)
	write("logos/blurred.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><filter id="f"><feGaussianBlur stdDeviation="1"/></filter><rect width="10" height="10" filter="url(#f)"/></svg>`)
	cache := filepath.Join(dir, "cache")
	build := func() (string, string) {
		t.Helper()
		var log bytes.Buffer
		o := Options{DataFile: filepath.Join(dir, "landscape.yml"), LogosDir: filepath.Join(dir, "logos"), OutDir: filepath.Join(t.TempDir(), "public"),
			CacheDir: cache, CacheKey: bytes.Repeat([]byte{3}, keySize), Offline: true, NoPoster: true, Templates: templates.FS, Log: &log}
		if _, err := Build(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		return o.OutDir, regexp.MustCompile(`(?m)^tiles: .*$`).FindString(log.String())
	}
	out, line := build()
	pngs, _ := filepath.Glob(filepath.Join(out, "logos", "*.png"))
	if len(pngs) != 1 || !strings.Contains(line, "1 of 2 logos as rasters") || !strings.Contains(line, "(2 drawn now)") {
		t.Fatalf("rasters %v, stage %q: want the wide logo's alone", pngs, line)
	}
	f, err := os.Open(pngs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if cfg, err := png.DecodeConfig(f); err != nil || cfg.Width != tileW || cfg.Height < tileW/4 || cfg.Height > tileW/3 { // the cropped logo keeps a margin
		t.Errorf("the raster is %d×%d (%v), want %d wide and about a quarter as high", cfg.Width, cfg.Height, err, tileW)
	}
	if _, err := os.Stat(strings.TrimSuffix(pngs[0], ".png") + ".svg"); err != nil {
		t.Errorf("the raster is not named like its SVG: %v", err)
	}
	datas, _ := filepath.Glob(filepath.Join(out, "assets", "landscape.*.json"))
	if len(datas) != 1 {
		t.Fatalf("landscape data files %v, want one", datas)
	}
	page, err := os.ReadFile(datas[0])
	if err != nil {
		t.Fatal(err)
	}
	// The items' flags (the ninth field): 32 marks a raster.
	flags := regexp.MustCompile(`\["[a-z]+","(Wide|Blurred)","logos/[0-9a-f]+\.svg",\[[0-9,]*\],-?\d+,-?\d+,-?\d+,-?\d+,(\d+)`).FindAllStringSubmatch(string(page), -1)
	if len(flags) != 2 || flags[0][1] != "Wide" || flags[0][2] != "32" || flags[1][2] != "0" {
		t.Errorf("item flags %v, want the raster flag on Wide alone", flags)
	}
	if _, line := build(); !strings.Contains(line, "(0 drawn now)") {
		t.Errorf("the second build: %q, want every raster from the cache", line)
	}
}

// TestDrawTileWork leaves to the browser a small logo whose drawing is
// huge: a group of 180 translucent rectangles over the whole logo, used
// 100 times (8.5 s to rasterize), while a logo of many small shapes draws.
func TestDrawTileWork(t *testing.T) {
	var rects, dots strings.Builder
	for range 180 {
		rects.WriteString(`<rect width="100" height="100" fill="#06c" opacity=".5"/>`)
	}
	for i := range 2000 {
		fmt.Fprintf(&dots, `<circle cx="%d" cy="%d" r="1"/>`, i%100, i/100)
	}
	bomb := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100"><defs><g id="g">` + rects.String() + `</g></defs>` +
		strings.Repeat(`<use href="#g"/>`, 100) + `</svg>`
	if got := drawTile([]byte(bomb)); got != nil {
		t.Errorf("the logo of 18,000 translucent layers was drawn (%d bytes), want it left to the browser", len(got))
	}
	if got := drawTile([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20">` + dots.String() + `</svg>`)); got == nil {
		t.Error("a logo of 2,000 small shapes was not drawn")
	}
}

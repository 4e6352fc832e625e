package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/internal/site/sitetest"
)

// wordsBroken lists, for every tile showing a name, the words that are
// broken across lines or do not fit in the tile: each word's text range
// must be one box inside the tile's content box.
const wordsBroken = `(() => {
	const bad = [];
	for (const span of document.querySelectorAll('#landscape .t > span')) {
		if (!span.checkVisibility()) continue;
		const tile = span.parentElement.getBoundingClientRect(), text = span.firstChild, s = text.data;
		for (const m of s.matchAll(/\S+/g)) {
			const r = document.createRange();
			r.setStart(text, m.index);
			r.setEnd(text, m.index + m[0].length);
			// lines past the clamp (three lines, then an ellipsis) are not shown
			const shown = span.getBoundingClientRect().bottom;
			const rects = [...r.getClientRects()].filter(x => x.width > 0 && x.top < shown - 1);
			if (!rects.length) continue;
			const lines = new Set(rects.map(x => Math.round(x.top))).size; // the clamped line can give a word two boxes
			if (lines !== 1) { bad.push(s + ": " + m[0] + " on " + lines + " lines"); continue; }
			if (rects[0].left < tile.left || rects[0].right > tile.right + 0.5) bad.push(s + ": " + m[0] + " wider than its tile");
		}
	}
	return bad;
})()`

// TestNameTiles checks, on the serverless corpus drawn with name tiles
// only, that no name breaks inside a word ("OpenFunct ion") nor spills out
// of its tile, at every zoom level.
func TestNameTiles(t *testing.T) {
	dir, _ := buildSiteWith(t, "serverless", options{})
	srv := serve(t, dir, "/")
	b := newBrowser(t, hostOf(srv.URL))
	for z := range 5 {
		open(t, b, srv.URL+"/?tab=all&zoom="+strconv.Itoa(z))
		if n := eval[int](t, b, `document.querySelectorAll('#landscape .t > span').length`); n < 50 {
			t.Fatalf("zoom %d: %d name tiles, want the corpus's tiles drawn by name", z, n)
		}
		for _, w := range eval[[]string](t, b, wordsBroken) {
			t.Errorf("zoom %d: %s", z, w)
		}
	}
	b.check(t)
}

// TestLogosNearScreen opens cncf-full's landscape page: every tile has its
// logo's <img> (so every tile link has a name), but only the tiles near
// the screen fetch theirs; scrolling fetches the rest as they come near.
// The browser's own lazy loading fetched a screen or two ahead, and each
// SVG fetched costs a document.
func TestLogosNearScreen(t *testing.T) {
	dir, _ := buildSiteWith(t, "cncf-full", options{logos: true, facts: true})
	srv := serve(t, dir, "/")
	b := newBrowser(t, hostOf(srv.URL))
	open(t, b, srv.URL+"/?tab=all")
	settle := `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))`
	eval[any](t, b, settle)
	state := `(() => {
		const imgs = [...document.querySelectorAll('#landscape .t img')], withSrc = imgs.filter(i => i.getAttribute('src'));
		const far = withSrc.filter(i => i.closest('.t').getBoundingClientRect().top > innerHeight + 400).length;
		const fetched = performance.getEntriesByType('resource').filter(e => e.name.includes('/logos/')).length;
		return [imgs.length, imgs.filter(i => i.alt).length, document.querySelectorAll('#landscape .t noscript').length, withSrc.length, far, fetched];
	})()`
	got := eval[[]int](t, b, state)
	tiles, named, left, loading, far, fetched := got[0], got[1], got[2], got[3], got[4], got[5]
	t.Logf("%d tile logos, %d asked for near the screen, %d fetched", tiles, loading, fetched)
	if tiles < 2000 || named != tiles || left != 0 {
		t.Fatalf("%d tile logos, %d with a name, %d still in <noscript>: want every tile's logo, named", tiles, named, left)
	}
	if loading == 0 || loading > 400 || far != 0 {
		t.Errorf("%d logos asked for, %d of them far below the screen: want the screen's alone", loading, far)
	}
	if fetched > loading {
		t.Errorf("%d logos fetched, more than the %d the page asked for", fetched, loading)
	}
	eval[any](t, b, `window.scrollTo(0, document.body.scrollHeight)`)
	eval[any](t, b, settle)
	last := `(() => { const t = [...document.querySelectorAll('#landscape .t')].filter(t => t.checkVisibility() && t.querySelector('img')).at(-1);
		return t.querySelector('img').getAttribute('src') || "" })()`
	if src := eval[string](t, b, last); src == "" {
		t.Error("after scrolling to the end, the last tile's logo was not asked for")
	}
	b.check(t)
}

// TestTileRastersShown opens the test site with its logos' rasters drawn
// as the build draws them: tiles show the PNGs up to the default zoom and
// the SVGs above it, and the cards show the PNGs.
func TestTileRastersShown(t *testing.T) {
	src := filepath.Join("..", "internal", "render", "testdata", "site")
	s := sitetest.Load(t, src)
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "logos"), os.DirFS(filepath.Join(src, "logos"))); err != nil {
		t.Fatal(err)
	}
	// The fixture's logos have text, which the drawing leaves to the SVG:
	// these have none.
	files := map[string][]byte{}
	for _, it := range s.Items {
		if name, ok := strings.CutPrefix(it.Logo, "logos/"); ok {
			files[name] = []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><rect x="2" y="2" width="116" height="56" rx="12" fill="#0b5cad"/></svg>`)
			if err := os.WriteFile(filepath.Join(dir, "logos", name), files[name], 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := build.DrawTiles(context.Background(), s, files, dir); err != nil {
		t.Fatal(err)
	}
	renderTo(t, s, dir)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	kinds := `[...document.querySelectorAll('#landscape .t img')].filter(i => i.checkVisibility()).map(i => i.getAttribute('src').split('.').pop()).sort().join()`
	open(t, b, srv.URL+"/sub/?tab=all")
	waitFor(t, b, `[...document.querySelectorAll('#landscape .t img')].every(i => i.complete && i.getAttribute('src'))`)
	if got := eval[string](t, b, kinds); got != "png,png,png,png,png,png,png" {
		t.Errorf("default zoom: logos %q, want the 7 rasters", got)
	}
	if got := eval[bool](t, b, `[...document.querySelectorAll('#landscape .t img')].every(i => i.naturalWidth > 0)`); !got {
		t.Error("a raster did not load")
	}
	eval[any](t, b, `document.querySelector('[data-zoom="1"]').click()`)
	if got := eval[string](t, b, kinds); got != "svg,svg,svg,svg,svg,svg,svg" {
		t.Errorf("zoomed in: logos %q, want the SVGs", got)
	}
	eval[any](t, b, `document.querySelector('[data-zoom="-1"]').click()`)
	if got := eval[string](t, b, kinds); got != "png,png,png,png,png,png,png" {
		t.Errorf("zoomed back: logos %q, want the rasters", got)
	}
	// A zoomed box has the largest tiles: the SVGs.
	open(t, b, srv.URL+"/sub/?box=Observability+%2F+Monitoring")
	waitFor(t, b, `[...document.querySelectorAll('#landscape .t img')].filter(i => i.checkVisibility()).every(i => i.getAttribute('src'))`)
	if got := eval[string](t, b, kinds); got != "svg,svg" {
		t.Errorf("a zoomed box: logos %q, want its two SVGs", got)
	}
	open(t, b, srv.URL+"/sub/?view=cards")
	if got := eval[string](t, b, `[...document.querySelectorAll('#cards .card img')].map(i => i.getAttribute('src').split('.').pop()).sort().join()`); !strings.HasPrefix(got, "png") || strings.Contains(got, "svg") {
		t.Errorf("cards: logos %q, want the rasters", got)
	}
	b.check(t)

	// Without its data (a deploy removed the old file, the network
	// failed), the page keeps its tiles, each with its logo and name.
	datas, _ := filepath.Glob(filepath.Join(dir, "assets", "landscape.*.json"))
	for _, f := range datas {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	b.do(t, chromedp.Navigate(srv.URL+"/sub/")) // the first tab: the others need the data
	waitFor(t, b, `[...document.querySelectorAll('#landscape .t img')].every(i => i.alt && (!i.checkVisibility() || i.complete && i.getAttribute('src')))`)
	if got := eval[[]any](t, b, `[document.querySelectorAll('#landscape .t noscript').length, document.getElementById('tools').hidden]`); got[0] != float64(0) || got[1] != true {
		t.Errorf("without the data: %v <noscript> left, tools hidden %v; want every logo shown, the tools hidden", got[0], got[1])
	}
}

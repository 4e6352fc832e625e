package e2e

import (
	"strconv"
	"testing"
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

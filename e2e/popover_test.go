package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"
)

// TestPopover checks that hovering a tile, or reaching it with the
// keyboard, shows the item's name, description and facts, and that Esc or
// leaving hides it.
func TestPopover(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	open(t, b, srv.URL+"/sub/")
	pop := `(() => { const p = document.getElementById('tile-pop'); return p && !p.hidden ? [...p.children].map(c => c.textContent) : [] })()`
	hover(t, b, `#landscape a[href$="/theta-trace.html"]`)
	if diff := cmp.Diff([]string{"Theta Trace", "Incubating · ★ 56k"}, eval[[]string](t, b, pop)); diff != "" { // it has no description
		t.Errorf("popover on hover (-want +got):\n%s", diff)
	}
	hover(t, b, `#landscape a[href$="/alpha-runtime.html"]`)
	if got := eval[[]string](t, b, pop); len(got) != 3 || got[0] != "Alpha Runtime" || got[1] == "" {
		t.Errorf("popover on hover: %q, want Alpha Runtime, its description's first line, its facts", got)
	}
	if d := eval[string](t, b, `document.querySelector('#landscape a[href$="/alpha-runtime.html"]').getAttribute('aria-describedby')`); d != "tile-pop" {
		t.Errorf("the hovered tile is described by %q, want tile-pop", d)
	}
	hover(t, b, `.legend`)
	if got := eval[[]string](t, b, pop); len(got) != 0 {
		t.Errorf("popover after the mouse left: %q", got)
	}
	eval[bool](t, b, `(document.getElementById('q').focus(), true)`)
	b.do(t, press(kb.Tab)) // the first focusable after the search box is not a tile; tab until one is
	for range 20 {
		if eval[bool](t, b, `!!document.activeElement.closest('#landscape .t')`) {
			break
		}
		b.do(t, press(kb.Tab))
	}
	name := eval[string](t, b, `document.activeElement.querySelector('img') ? document.activeElement.querySelector('img').alt : document.activeElement.textContent`)
	if got := eval[[]string](t, b, pop); len(got) == 0 || got[0] != name {
		t.Errorf("popover on keyboard focus of %q: %q", name, got)
	}
	b.do(t, press(kb.Escape))
	if diff := cmp.Diff([]string{}, eval[[]string](t, b, pop)); diff != "" {
		t.Errorf("popover after Esc (-want +got):\n%s", diff)
	}
	b.check(t)
}

// hover moves the mouse to the middle of the element sel names.
func hover(t *testing.T, b *browser, sel string) {
	t.Helper()
	xy := eval[[]float64](t, b, `(() => { const r = document.querySelector('`+sel+`').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2] })()`)
	b.do(t, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xy[0], xy[1]))
}

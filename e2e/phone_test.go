package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestPhone checks the site at 390x844: no page kind wider than the screen,
// controls at least 44 px tall, the filters and the item dialog covering
// the whole screen. (The stats page's phone layout belongs to its rebuild.)
func TestPhone(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	phone := emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 1, Mobile: true}
	if _, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, phone); err != nil {
		t.Fatal(err)
	}
	const overflow = `document.documentElement.scrollWidth - document.documentElement.clientWidth`
	for _, path := range []string{"", "?view=cards&tab=all", "?tab=all&zoom=4", "items/alpha-runtime.html", "guide.html", "nope.html"} {
		b.do(t, chromedp.Navigate(srv.URL+"/sub/"+path), chromedp.WaitReady(chromedp.CSS("main")))
		if px := eval[float64](t, b, overflow); px > 0 {
			t.Errorf("/sub/%s is %.0f px wider than the screen", path, px)
		}
	}
	open(t, b, srv.URL+"/sub/")
	small := eval[[]string](t, b, `[...document.querySelectorAll('.tabs a, #tools button, .downloads summary, #q')]
		.filter(e => e.checkVisibility() && e.getBoundingClientRect().height < 44).map(e => e.textContent || e.id)`)
	if len(small) > 0 {
		t.Errorf("controls under 44 px tall: %q", small)
	}
	covers := func(sel string) bool { // polled: the dialog slides in for a moment
		cond := `(() => { const r = document.querySelector('` + sel + `').getBoundingClientRect();
			return r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight })()`
		return chromedp.Do(b.ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(2*time.Second))) == nil
	}
	b.do(t, chromedp.Click(chromedp.CSS(`#filters-toggle`)))
	if !covers("#filters") {
		t.Error("the filter sheet does not cover the screen")
	}
	b.do(t, chromedp.Click(chromedp.CSS(`#filters-done`)))
	b.do(t, chromedp.Click(chromedp.CSS(`#landscape a[href$="/alpha-runtime.html"]`)), chromedp.WaitVisible(chromedp.CSS("#item-detail h1")))
	if !covers("#item-dialog") {
		t.Error("the item dialog does not cover the screen")
	}
	// The phone's back gesture is the browser's Back: it closes the dialog
	// and stays on the page; Forward opens it again; Escape closes it.
	where := `[location.pathname + location.search, document.querySelector('#item-dialog').open]`
	b.do(t, chromedp.NavigateBack())
	waitFor(t, b, `!document.querySelector('#item-dialog').open && location.search === ""`)
	if got := eval[[]any](t, b, where); got[0] != "/sub/" {
		t.Errorf("Back from the dialog: %v, want the landscape page, the dialog closed", got)
	}
	b.do(t, chromedp.NavigateForward())
	waitFor(t, b, `document.querySelector('#item-dialog').open`)
	b.do(t, chromedp.KeyEvent(kb.Escape))
	waitFor(t, b, `!document.querySelector('#item-dialog').open && location.search === ""`) // closing goes Back, which takes a moment
	if got := eval[[]any](t, b, where); got[0] != "/sub/" {
		t.Errorf("Escape in the dialog: %v, want the landscape page", got)
	}
	// A zoomed box's Back returns to every box, still on the page.
	b.do(t, chromedp.Click(chromedp.CSS(`.box[aria-label="Monitoring"] h3 a`)))
	waitFor(t, b, `document.querySelector('#zoom-bar').checkVisibility()`)
	if px := eval[float64](t, b, overflow); px > 0 {
		t.Errorf("the zoomed box is %.0f px wider than the screen", px)
	}
	b.do(t, chromedp.NavigateBack())
	waitFor(t, b, `!document.querySelector('#zoom-bar').checkVisibility() && location.search === ""`)
	if got := eval[[]any](t, b, where); got[0] != "/sub/" {
		t.Errorf("Back from the zoomed box: %v, want the landscape page", got)
	}
	b.check(t)
}

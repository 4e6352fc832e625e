package e2e

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
)

func TestNoJavaScript(t *testing.T) {
	dir, s := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Navigate(srv.URL+"/sub/"), chromedp.WaitVisible(chromedp.CSS("#landscape .t")))
	tiles := 0
	for _, c := range s.Categories {
		for _, sub := range c.Subcategories {
			tiles += len(sub.Items)
		}
	}
	if got := len(eval[[]string](t, b, visible)); got != tiles {
		t.Errorf("%d tiles visible without JavaScript, want all %d", got, tiles)
	}
	// The logos the page keeps in <noscript> for the script to load are
	// plain images without it.
	if got := eval[[]any](t, b, `(() => { const i = document.querySelector('#landscape .t img'); return [document.querySelectorAll('#landscape .t img').length, i.complete && i.naturalWidth > 0] })()`); got[0] != float64(7) || got[1] != true {
		t.Errorf("without JavaScript: %v logo images, the first loaded %v; want the 7 logos, shown", got[0], got[1])
	}
	if eval[bool](t, b, `document.getElementById('filters').checkVisibility() || document.getElementById('tools').checkVisibility()`) {
		t.Error("controls that need JavaScript are shown without it")
	}
	b.do(t, chromedp.Click(chromedp.CSS(`#landscape a[href$="/theta-trace.html"]`)), chromedp.WaitVisible(chromedp.CSS("#item-detail h1")))
	got := eval[[]string](t, b, `[location.pathname, document.querySelector('h1').textContent, document.title]`)
	want := []string{"/sub/items/theta-trace.html", "Theta Trace", "Theta Trace · Test Landscape"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("item page without JavaScript (-want +got):\n%s", diff)
	}
	b.check(t)
}

func TestTabsCardsReset(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	open(t, b, srv.URL+"/sub/")
	// As in landscape2 the first group is the tab the page opens with; an
	// All tab comes last, since no group has every category.
	tabs := `[...document.querySelectorAll('.tabs a')].map(a => a.textContent + (a.hasAttribute('aria-current') ? '*' : ''))`
	if diff := cmp.Diff([]string{"Infrastructure*", "Serverless", "All"}, eval[[]string](t, b, tabs)); diff != "" {
		t.Errorf("tabs (-want +got):\n%s", diff)
	}
	if got := eval[[]string](t, b, visible); slices.Contains(got, "Iota Functions") || len(got) != 9 {
		t.Errorf("the first tab shows %q, want the 9 tiles of Runtime and Observability", got)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`.tabs a[data-tab="serverless"]`)))
	if got := eval[[]string](t, b, visible); !slices.Equal(got, []string{"Iota Functions"}) {
		t.Errorf("serverless tab shows %q, want [Iota Functions]", got)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`[data-view="cards"]`)))
	eval[string](t, b, setField("sort", "stars"))
	eval[string](t, b, setField("group", "none"))
	b.do(t, chromedp.Click(chromedp.CSS(`.tabs a[data-tab="all"]`)))
	names := eval[[]string](t, b, `[...document.querySelectorAll('#cards .card')].filter(c => c.checkVisibility()).map(c => c.querySelector('.name').textContent)`)
	if len(names) != 9 || names[0] != "Theta Trace" || names[1] != "Alpha Runtime" {
		t.Errorf("cards by stars: %q, want 9 starting with Theta Trace, Alpha Runtime", names)
	}
	if q := eval[string](t, b, `location.search`); q != "?sort=stars&group=none&tab=all&view=cards" {
		t.Errorf("URL query %q, want ?sort=stars&group=none&tab=all&view=cards", q)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`.tabs a[data-tab=""]`)))
	eval[bool](t, b, choose("maturity", "graduated"))
	eval[bool](t, b, `(() => { const q = document.getElementById('q'); q.value = 'alpha'; q.dispatchEvent(new Event('input')); return true })()`)
	if n := eval[int](t, b, `[...document.querySelectorAll('#cards .card')].filter(c => c.checkVisibility()).length`); n != 1 {
		t.Errorf("graduated alpha: %d cards, want 1", n)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`#filters-toggle`)), chromedp.Click(chromedp.CSS(`#filters [data-reset]`)))
	if n := eval[int](t, b, `[...document.querySelectorAll('#cards .card')].filter(c => c.checkVisibility()).length`); n != 8 {
		t.Errorf("after reset %d cards, want the 8 of the infra tab", n)
	}
	if q := eval[string](t, b, `location.search`); q != "?sort=stars&group=none&view=cards" {
		t.Errorf("after reset the URL query is %q, want ?sort=stars&group=none&view=cards (the first tab, view, sort and grouping stay)", q)
	}
	if tab := eval[string](t, b, `document.querySelector('.tabs a[aria-current]').textContent`); tab != "Infrastructure" {
		t.Errorf("after reset the tab is %q, want Infrastructure", tab)
	}
	if v := eval[string](t, b, `document.getElementById('q').value`); v != "" {
		t.Errorf("after reset the search box holds %q", v)
	}
	b.check(t)
}

func TestNotFoundAndSecurity(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	b.do(t, chromedp.Navigate(srv.URL+"/sub/nope/missing.html"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if h := eval[string](t, b, `document.querySelector('h1').textContent`); h != "Page not found" {
		t.Errorf("404 page title %q", h)
	}
	if css := eval[bool](t, b, `getComputedStyle(document.querySelector('.top')).display === 'flex'`); !css {
		t.Error("the 404 page at a nested path lost its style sheet")
	}
	b.do(t, chromedp.Navigate(srv.URL+"/sub/items/alpha-runtime.html"), chromedp.WaitVisible(chromedp.CSS("#item-detail")))
	bad := eval[[]string](t, b, `[...document.querySelectorAll('script, iframe, img:not([src^="/sub/"]), [href^="javascript:"], [onclick], [onerror]')].map(e => e.outerHTML)`)
	if len(bad) > 0 {
		t.Errorf("untrusted markup made it into the page: %q", bad)
	}
	if d := eval[string](t, b, `document.querySelector('.desc').textContent`); !strings.Contains(d, "fast") {
		t.Errorf("description %q lost its text", d)
	}
	b.check(t)
}

// TestAccessibility runs axe-core on the main pages in light and dark mode
// and fails on serious or critical violations.
func TestAccessibility(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	pages := []struct{ name, path, wait string }{
		{"landscape", "/sub/", "#tools"},
		{"cards", "/sub/?view=cards", "#cards .card"},
		{"dialog", "/sub/?item=alpha-runtime", "#item-detail h1"},
		{"item", "/sub/items/delta-store.html", "#item-detail"},
		{"stats", "/sub/stats.html", "main"},
		{"guide", "/sub/guide.html", "main"},
	}
	for _, scheme := range []string{"light", "dark"} {
		media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
		if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, media); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			t.Run(scheme+"/"+p.name, func(t *testing.T) {
				b.do(t, chromedp.Navigate(srv.URL+p.path), chromedp.WaitVisible(chromedp.CSS(p.wait)))
				waitFor(t, b, `document.getAnimations().every(a => a.playState !== "running")`) // colours mid-fade are not the page's
				for _, v := range axe(t, b) {
					t.Errorf("%s", v)
				}
			})
		}
	}
	b.check(t)
}

// TestHangingLogo serves the landscape page with the first screen's logos
// never answered, so the load event never comes: the page still fetches
// its data and shows its tools, a few seconds late.
func TestHangingLogo(t *testing.T) {
	dir, _ := testSite(t)
	files := serve(t, dir, "/sub/")
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/sub/logos/") {
			select { // held until the test ends
			case <-hang:
			case <-r.Context().Done():
			}
			return
		}
		p, _ := http.NewRequest(r.Method, files.URL+r.URL.RequestURI(), nil)
		resp, err := http.DefaultClient.Do(p)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(hang) })
	b := newBrowser(t, hostOf(srv.URL))
	eval[any](t, b, `location.href = "`+srv.URL+`/sub/"`) // not chromedp.Navigate, which waits for the load event
	waitFor(t, b, `location.pathname === "/sub/" && document.getElementById("tools") && !document.getElementById("tools").hidden`)
	if state := eval[string](t, b, `document.readyState`); state == "complete" {
		t.Errorf("the page loaded (%s): the test's logos did not hang", state)
	}
}

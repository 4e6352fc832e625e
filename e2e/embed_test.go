package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// netlifyPolicy is the Content-Security-Policy that netlify.toml sets on
// the production site, word for word.
func netlifyPolicy(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Content-Security-Policy = "([^"]*)"`).FindStringSubmatch(string(data))
	if m == nil {
		t.Fatal("netlify.toml sets no Content-Security-Policy")
	}
	return m[1]
}

// hostPage serves one HTML page, set by the test, at another origin than
// the site's: the page of someone who embeds the landscape.
type hostPage struct {
	*httptest.Server
	mu   sync.Mutex
	html string
}

func newHostPage(t *testing.T) *hostPage {
	h := &hostPage{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		defer h.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(h.html))
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hostPage) set(html string) { h.mu.Lock(); h.html = html; h.mu.Unlock() }

// evalInFrame evaluates expr in the document of the page's first iframe,
// in an isolated world: it sees the frame's DOM whatever its origin.
func evalInFrame[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	tree, err := chromedp.Call(b.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.FrameTree.ChildFrames) == 0 {
		t.Fatal("the page has no iframe")
	}
	w, err := chromedp.Call(b.ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: tree.FrameTree.ChildFrames[0].Frame.ID})
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	res, err := chromedp.Call(b.ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: expr, ContextID: w.ExecutionContextID, ReturnByValue: &yes, AwaitPromise: &yes})
	if err != nil {
		t.Fatal(err)
	}
	if res.ExceptionDetails != nil {
		t.Fatalf("evaluate %s in the frame: %s", expr, res.ExceptionDetails.Text)
	}
	var out T
	if err := json.Unmarshal(res.Result.Value, &out); err != nil {
		t.Fatalf("evaluate %s in the frame: %v", expr, err)
	}
	return out
}

// TestEmbedSetup builds an embed on embed-setup.html under the production
// policy of netlify.toml, pastes its snippet (and the documented height
// listener) into a page of another origin, and checks that the iframe
// shows exactly the chosen boxes, in the chosen look, follows its height,
// and opens an item in a dialog inside the embed.
func TestEmbedSetup(t *testing.T) {
	dir, _ := testSite(t)
	srv := serveWith(t, dir, "/sub/", netlifyPolicy(t))
	host := newHostPage(t)
	b := newBrowser(t, hostOf(srv.URL))
	b.also = hostOf(host.URL)
	b.do(t, chromedp.Navigate(srv.URL+"/sub/embed-setup.html"), chromedp.WaitVisible(chromedp.CSS("#embed-form")))
	if got := eval[bool](t, b, `document.querySelector('#embed-preview').hidden && document.querySelector('#embed-code').value === ''`); !got {
		t.Error("with nothing ticked, the page shows a preview or a snippet")
	}
	b.do(t,
		chromedp.Click(chromedp.CSS(`.setup-cat[data-cat="runtime"] input[value="container-runtime"]`)),
		chromedp.Click(chromedp.CSS(`.setup-cat[data-cat="observability"] input[name="category"]`)),
		chromedp.Click(chromedp.CSS(`input[name="style"][value="cards"]`)),
		chromedp.Click(chromedp.CSS(`input[name="headers"]`)),
		chromedp.Click(chromedp.CSS(`input[name="item-name"]`)),
		chromedp.Click(chromedp.CSS(`input[name="click"][value="dialog"]`)),
	)
	eval[bool](t, b, `(s => { s.value = "lg"; s.dispatchEvent(new Event("change", {bubbles: true})); return true })(document.querySelector('#embed-size'))`)
	if got := eval[[]bool](t, b, `[...document.querySelectorAll('.setup-cat input[name="category"]')].map(c => c.indeterminate)`); !slices.Equal(got, []bool{true, false, false}) {
		t.Errorf("category boxes mixed: %v, want only Runtime's (one of its two boxes ticked)", got)
	}
	waitFor(t, b, `document.querySelector('#embed-code').value.includes('item-modal=true') && document.querySelector('#embed-preview').style.height !== ''`)
	code := eval[string](t, b, `document.querySelector('#embed-code').value`)
	for _, want := range []string{`<iframe src="` + srv.URL + `/sub/embed.html?show=runtime%2Fcontainer-runtime&amp;show=observability&amp;style=cards&amp;size=lg&amp;headers=false&amp;item-name=true&amp;item-modal=true"`, `height="`} {
		if !strings.Contains(code, want) {
			t.Errorf("snippet %s\nlacks %s", code, want)
		}
	}
	if v := axe(t, b); len(v) > 0 {
		t.Errorf("axe on embed-setup.html:\n%s", strings.Join(v, "\n"))
	}
	listener := eval[string](t, b, `document.querySelector('pre code').textContent`)

	host.set(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>Someone's page</h1>` + code + listener + `</body></html>`)
	b.do(t, chromedp.Navigate(host.URL))
	waitFor(t, b, `(f => f && f.style.height !== '')(document.querySelector('iframe'))`)
	const boxes = `[...document.querySelectorAll('.box')].filter(x => x.checkVisibility()).map(x => x.closest('.band').dataset.cat + '/' + x.dataset.sub)`
	got := evalInFrame[[]string](t, b, boxes)
	if want := []string{"runtime/container-runtime", "observability/monitoring", "observability/tracing"}; !slices.Equal(got, want) {
		t.Errorf("the embed shows %q, want %q", got, want)
	}
	look := evalInFrame[[]any](t, b, `[document.body.className, document.querySelector('#main').className,
		[...document.querySelectorAll('h2, h3')].some(h => h.checkVisibility()),
		[...document.querySelectorAll('.box:not([hidden]) .en')].every(n => n.checkVisibility()),
		getComputedStyle(document.querySelector('.box:not([hidden]) .t')).display]`)
	if want := []any{"embed style-cards no-headers names", "landscape z3", false, true, "grid"}; !slices.EqualFunc(look, want, func(a, b any) bool { return a == b }) {
		t.Errorf("the embed looks %v, want %v (classes, size, headers shown, names shown, card layout)", look, want)
	}
	frameH := evalInFrame[float64](t, b, `document.documentElement.scrollHeight`)
	if h := eval[float64](t, b, `document.querySelector('iframe').getBoundingClientRect().height`); h < frameH || h > frameH+2 {
		t.Errorf("the iframe is %v px tall for %v px of embed: the listener did not size it", h, frameH)
	}

	// A click opens the item in a dialog inside the embed, which asks for room.
	evalInFrame[bool](t, b, `document.querySelector('.box:not([hidden]) a.t[data-id="zeta-metrics"]').click(), true`)
	waitFor(t, b, `document.querySelector('iframe').getBoundingClientRect().height >= 640`)
	if got := evalInFrame[[]any](t, b, `new Promise(ok => { const t0 = Date.now(); (function poll() {
		const h = document.querySelector('#item-dialog[open] #item-detail h1');
		if (h || Date.now() - t0 > 5000) ok([!!document.querySelector('#item-dialog[open]'), h ? h.textContent : '', location.pathname]); else setTimeout(poll, 50);
	})() })`); !slices.EqualFunc(got, []any{true, "Zeta Metrics", "/sub/embed.html"}, func(a, b any) bool { return a == b }) {
		t.Errorf("after a click the embed shows %v, want its dialog open on Zeta Metrics without leaving the embed", got)
	}
	b.check(t)
}

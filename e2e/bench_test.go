package e2e

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// maxPageWeight is the budget of the landscape page of cncf-full: HTML, CSS,
// JS and the embedded data after gzip, logos excluded (they load lazily).
const maxPageWeight = 250 << 10

func TestPageWeight(t *testing.T) {
	dir, s := buildSiteWith(t, "cncf-full", options{logos: true, facts: true})
	html, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	files := []string{"index.html"}
	// The style sheet, the script, the favicon and the data the script fetches.
	for _, m := range regexp.MustCompile(`(?:href|src|data-index)="/((?:assets/[^"]+)|favicon\.svg)"`).FindAllSubmatch(html, -1) {
		files = append(files, string(m[1]))
	}
	slices.Sort(files)
	files = slices.Compact(files)
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		n := gzipSize(t, data)
		total += n
		t.Logf("%-32s %7.1f KB raw %6.1f KB gzip", f, float64(len(data))/1024, float64(n)/1024)
	}
	t.Logf("landscape page of %d items: %.1f KB gzip in all (budget %d KB)", len(s.Items), float64(total)/1024, maxPageWeight>>10)
	if total > maxPageWeight {
		t.Errorf("landscape page weighs %d bytes after gzip, over the budget of %d", total, maxPageWeight)
	}
}

func gzipSize(t testing.TB, data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}

// keystrokes are what a visitor types into search on cncf-full: one- and
// two-letter prefixes, which match the most items and cost the most, then
// longer words, each followed by clearing the box.
var keystrokes = []string{
	"k", "ku", "", "d", "da", "", "s", "se", "", "p", "pr", "", "c", "cl", "", "o", "ob", "", "a", "ap", "",
	"kube", "kubern", "kubernetes", "kubernets", "kubernetes op", "", "database", "", "observability", "",
	"github.com/cncf", "", "service mesh", "", "prometheus", "",
}

// filterChanges tick and untick facet options: a maturity, a licence, a
// star threshold, each alone and with the one before.
var filterChanges = [][2]string{
	{"maturity", "graduated"}, {"maturity", "incubating"}, {"license", "Apache-2.0"}, {"maturity", "graduated"},
	{"stars", "1000"}, {"maturity", "incubating"}, {"license", "Apache-2.0"}, {"stars", "1000"},
}

// measure applies one change and reports, in milliseconds, the time from
// the input event to the DOM being updated, and to the second animation
// frame after it: the first frame's callback runs before that frame is
// painted, the second's once it has been, so the second figure is what a
// visitor waits from keystroke to seeing the result.
const measure = `window.measure = async (change) => {
	const t0 = performance.now();
	change();
	const t1 = performance.now();
	await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
	return [t1 - t0, performance.now() - t0];
};
window.typeq = (value) => () => {
	const q = document.getElementById("q");
	q.value = value;
	q.dispatchEvent(new Event("input", {bubbles: true}));
};
window.tick = (facet, value) => () => {
	document.querySelector('#facets [data-k="' + facet + '"] input[value="' + value + '"]').click();
}; true`

// BenchmarkFilter measures how fast the cncf-full landscape page redraws
// after a search keystroke or a filter change in headless Chromium, with
// every tab's items (?tab=all), in the landscape view and in the card view
// showing all 2,413 items. It reports the median and 95th percentile of
// keystroke-to-paint in ms-p50/key and ms-p95/key (two animation frames
// after the change, see measure) and the median of the DOM update alone in
// ms-dom/key. Its ns/op is the DevTools round trip and says nothing about
// the page. The logos are the build's, sanitized, cropped and minified, as
// visitors get them; the GitHub facts come from the fake GitHub (fakeGitHubFacts).
//
//	go test ./e2e -run '^$' -bench BenchmarkFilter -benchtime 200x
func BenchmarkFilter(b *testing.B) {
	dir, _ := buildSiteWith(b, "cncf-full", options{processed: true, facts: true})
	for _, view := range []struct{ name, query string }{{"landscape", "?tab=all"}, {"cards", "?tab=all&view=cards"}} {
		b.Run(view.name+"/search", func(b *testing.B) { benchFilter(b, dir, view.query, false) })
		b.Run(view.name+"/filters", func(b *testing.B) { benchFilter(b, dir, view.query, true) })
	}
}

func benchFilter(b *testing.B, dir, query string, filters bool) {
	srv := serve(b, dir, "/")
	br := newBrowser(b, hostOf(srv.URL))
	br.do(b, chromedp.Navigate(srv.URL+"/"+query), chromedp.WaitVisible(chromedp.CSS("#tools")))
	eval[bool](b, br, measure)
	if filters {
		eval[bool](b, br, `(document.getElementById('filters').hidden && document.getElementById('filters-toggle').click(), true)`)
	} else { // the search index, which loads when idle or at the first keystroke: a typo finds Kubernetes only with it
		eval[[]float64](b, br, `measure(typeq("kubernets"))`)
		waitFor(b, br, `(measure(typeq("kubernets")), [...document.querySelectorAll('#q-results .rn')].some(e => e.textContent === "Kubernetes"))`)
	}
	change := func(i int) string {
		if filters {
			c := filterChanges[i%len(filterChanges)]
			return `measure(tick(` + quote(c[0]) + `, ` + quote(c[1]) + `))`
		}
		return `measure(typeq(` + quote(keystrokes[i%len(keystrokes)]) + `))`
	}
	n := len(keystrokes)
	if filters {
		n = len(filterChanges)
	}
	for i := range n { // warm up: let the logos that changes reveal load once
		eval[[]float64](b, br, change(i))
	}
	var dom, paint []float64
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		ms := eval[[]float64](b, br, change(i))
		dom, paint = append(dom, ms[0]), append(paint, ms[1])
	}
	b.ReportMetric(quantile(paint, .5), "ms-p50/key")
	b.ReportMetric(quantile(paint, .95), "ms-p95/key")
	b.ReportMetric(quantile(dom, .5), "ms-dom/key")
}

func quote(s string) string { return `"` + s + `"` }

// quantile is the q-quantile of xs by the nearest rank.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

// BenchmarkFirstLoad measures the cncf-full landscape page's first load in
// a fresh headless Chromium (an empty cache each time), with the build's
// processed logos and GitHub facts: ms-interactive (the DOM parsed),
// ms-load (the load event: the logos near the first screen drawn),
// s-main (main-thread task time until then, DevTools' TaskDuration) and the
// logos fetched. Each SVG logo Chromium draws is a document of its own, so
// the logos drawn, not the bytes, set the figure on a slow CPU.
//
//	go test ./e2e -run '^$' -bench BenchmarkFirstLoad -benchtime 3x
func BenchmarkFirstLoad(b *testing.B) {
	dir, _ := buildSiteWith(b, "cncf-full", options{processed: true, facts: true})
	srv := serve(b, dir, "/")
	var interactive, load, ready, main, logos []float64
	for b.Loop() {
		br := newBrowser(b, hostOf(srv.URL))
		if _, err := chromedp.Call(br.ctx, performance.Enable, performance.EnableParams{}); err != nil {
			b.Fatal(err)
		}
		br.do(b, chromedp.Navigate(srv.URL+"/"))
		waitFor(b, br, `document.readyState === "complete" && performance.getEntriesByType("navigation")[0].loadEventEnd > 0`)
		// Ready: the script has run (its tools are shown) and every logo
		// on the screen is drawn; the data and most logos come after the
		// load event.
		waitFor(b, br, `!document.getElementById("tools").hidden && [...document.querySelectorAll("#landscape .t img")].every(i => {
			const r = i.getBoundingClientRect(); return r.top > innerHeight || r.bottom < 0 || !i.checkVisibility() || (i.getAttribute("src") && i.complete) })`)
		r := eval[[]float64](b, br, `(() => { const n = performance.getEntriesByType("navigation")[0];
			return [n.domInteractive, n.loadEventEnd, performance.getEntriesByType("resource").filter(e => e.name.includes("/logos/")).length, performance.now()]; })()`)
		ready = append(ready, r[3])
		m, err := chromedp.Call(br.ctx, performance.GetMetrics, cdp.Empty{})
		if err != nil {
			b.Fatal(err)
		}
		for _, x := range m.Metrics {
			if x.Name == "TaskDuration" {
				main = append(main, x.Value)
			}
		}
		interactive, load, logos = append(interactive, r[0]), append(load, r[1]), append(logos, r[2])
		if err := chromedp.Cancel(br.ctx); err != nil { // close it now: the next run needs both cores
			b.Fatal(err)
		}
	}
	b.ReportMetric(quantile(interactive, .5), "ms-interactive")
	b.ReportMetric(quantile(load, .5), "ms-load")
	b.ReportMetric(quantile(ready, .5), "ms-ready")
	b.ReportMetric(quantile(main, .5), "s-main")
	b.ReportMetric(quantile(logos, .5), "logos")
}

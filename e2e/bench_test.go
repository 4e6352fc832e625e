package e2e

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

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
	for _, m := range regexp.MustCompile(`(?:href|src)="/((?:assets/[^"]+)|favicon\.svg)"`).FindAllSubmatch(html, -1) {
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

// keystrokes are the searches and filters of a visitor narrowing cncf-full.
var keystrokes = []string{"k", "ku", "kub", "kube", "kuber", "kubern", "kuberne", "kubernet",
	"kubernete", "kubernetes", "kubernetes o", "kubernetes op", "kubernetes ope", "kubernetes oper",
	"", "d", "da", "dat", "data", "datab", "databa", "databas", "database", ""}

// measure applies one search keystroke and reports, in milliseconds, the
// time to the DOM being updated and laid out, and the time to the end of
// the next frame (which includes waiting for that frame).
const measure = `window.measure = async (value) => {
	const q = document.getElementById("q");
	const t0 = performance.now();
	q.value = value;
	q.dispatchEvent(new Event("input", {bubbles: true}));
	document.body.offsetHeight;
	const t1 = performance.now();
	await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
	return [t1 - t0, performance.now() - t0];
}; true`

// BenchmarkFilter measures how fast the cncf-full landscape page redraws
// after a search keystroke in headless Chromium, reporting the medians in
// ms-layout/key and ms-frame/key. Its ns/op is the DevTools round trip and
// says nothing about the page.
// The logos are the corpus's own files, not the build's cropped and
// minified ones; "placeholders" renders name tiles instead.
func BenchmarkFilter(b *testing.B) {
	b.Run("logos", func(b *testing.B) { benchFilter(b, true) })
	b.Run("placeholders", func(b *testing.B) { benchFilter(b, false) })
}

func benchFilter(b *testing.B, logos bool) {
	dir, _ := buildSiteWith(b, "cncf-full", options{logos: logos, facts: true})
	srv := serve(b, dir, "/")
	br := newBrowser(b, hostOf(srv.URL))
	br.do(b, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#tools")))
	eval[bool](b, br, measure)
	for range 2 { // warm up: let the logos that searches reveal load once
		for _, k := range keystrokes {
			eval[[]float64](b, br, `measure(`+quote(k)+`)`)
		}
	}
	var layout, frame []float64
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		ms := eval[[]float64](b, br, `measure(`+quote(keystrokes[i%len(keystrokes)])+`)`)
		layout, frame = append(layout, ms[0]), append(frame, ms[1])
	}
	b.ReportMetric(median(layout), "ms-layout/key")
	b.ReportMetric(median(frame), "ms-frame/key")
}

func quote(s string) string { return `"` + s + `"` }

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestScreenshots saves the landscape view, the card view and an item
// dialog under test-output/ for people to look at.
func TestScreenshots(t *testing.T) {
	dir, _ := buildSite(t, "serverless")
	srv := serve(t, dir, "/")
	b := newBrowser(t, hostOf(srv.URL))
	out := filepath.Join("..", "test-output")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := []shot{
		{"landscape", "/", "#landscape .t", true},
		{"cards", "/?view=cards", "#cards .card", true},
		{"dialog", "/?item=openfaas", "#item-detail h1", false},
		{"item-page", "/items/openfaas.html", "#item-detail", true},
		{"stats", "/stats.html", "main", true},
		{"guide", "/guide.html", "main", false},
	}
	for _, s := range shots {
		s.take(t, b, srv.URL, out)
	}
	if testing.Short() {
		b.check(t)
		return
	}
	dir, _ = buildSiteWith(t, "cncf-full", options{logos: true, facts: true})
	srv = serve(t, dir, "/")
	b = newBrowser(t, hostOf(srv.URL))
	// At 1440 px and at 390 px (a phone), light and dark.
	for _, s := range []shot{
		{"cncf-full", "/", "#landscape .t", false},
		{"cncf-full-dialog", "/?item=kubernetes", "#item-detail h1", false},
		{"cncf-full-cards", "/?view=cards&tab=all", "#cards .card", false},
		{"cncf-full-dark", "/?tab=all&zoom=1", "#tools", false},
		{"cncf-full-390", "/", "#landscape .t", false},
		{"cncf-full-390-search", "/?q=prom", "#landscape .t", false},
		{"cncf-full-390-dark", "/?view=cards", "#cards .card", false},
		{"cncf-full-390-dark-dialog", "/?item=kubernetes", "#item-detail h1", false},
	} {
		scheme := "light"
		if strings.Contains(s.name, "dark") {
			scheme = "dark"
		}
		media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
		if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, media); err != nil {
			t.Fatal(err)
		}
		if s.name == "cncf-full-390" { // a fresh browser: each has minutes to live
			b.check(t)
			b = newBrowser(t, hostOf(srv.URL))
		}
		if strings.Contains(s.name, "-390") {
			phone := emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 1, Mobile: true}
			if _, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, phone); err != nil {
				t.Fatal(err)
			}
		}
		s.take(t, b, srv.URL, out)
	}
	b.check(t)
}

type shot struct {
	name, path, wait string
	full             bool // the whole page, not only the window
}

func (s shot) take(t *testing.T, b *browser, base, out string) {
	t.Helper()
	b.do(t, chromedp.Navigate(base+s.path), chromedp.WaitVisible(chromedp.CSS(s.wait)))
	if err := chromedp.Do(b.ctx, waitImages()); err != nil {
		t.Logf("%s: not every logo in view loaded: %v", s.name, err)
	}
	shoot := chromedp.CaptureScreenshot()
	if s.full {
		shoot = chromedp.FullScreenshot(100)
	}
	start := time.Now()
	png, err := chromedp.Run(b.ctx, shoot)
	t.Logf("%s: screenshot in %v", s.name, time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, s.name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitImages waits until every image in view has loaded. A tile's image
// is given its source by the script once the page has loaded, and an
// image without one counts as complete: it must have one first.
func waitImages() chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`[...document.images].filter(i => i.checkVisibility() && i.getBoundingClientRect().top < innerHeight).every(i => i.getAttribute('src') && i.complete)`,
		chromedp.WithPollingInterval(200*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))
}

package e2e

import (
	"os"
	"path/filepath"
	"testing"

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
	shots := []struct{ name, path, wait string }{
		{"landscape", "/", "#landscape .t"},
		{"cards", "/?view=cards", "#cards .card"},
		{"dialog", "/?item=openfaas", "#item-detail h1"},
		{"item-page", "/items/openfaas.html", "#item-detail"},
		{"stats", "/stats.html", "main"},
		{"guide", "/guide.html", "main"},
	}
	for _, s := range shots {
		b.do(t, chromedp.Navigate(srv.URL+s.path), chromedp.WaitVisible(chromedp.CSS(s.wait)), waitImages())
		png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, s.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.check(t)
}

// waitImages waits until every image in view has loaded.
func waitImages() chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`[...document.images].filter(i => i.checkVisibility() && i.getBoundingClientRect().top < innerHeight).every(i => i.complete)`)
}

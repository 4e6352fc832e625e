package serve

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/serverless-landscape/landscape/internal/browsertest"
)

// complaints collects what the page logged as errors (a blocked script or
// style sheet under the Content-Security-Policy shows up here).
type complaints struct {
	mu   sync.Mutex
	list []string
}

func (c *complaints) listen(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		c.list = append(c.list, "exception: "+ev.ExceptionDetails.Text)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			c.list = append(c.list, "console error")
		}
	case *log.EventEntryAdded:
		// A dropped event stream is logged when the page reloads, and the
		// test page has no favicon; both are expected.
		if ev.Entry.Level == log.EntryLevelError && !strings.Contains(ev.Entry.URL, "/__landscape/events") && !strings.HasSuffix(ev.Entry.URL, "/favicon.ico") {
			c.list = append(c.list, fmt.Sprintf("log: %s %s", ev.Entry.Text, ev.Entry.URL))
		}
	}
}

func newBrowser(t *testing.T, c *complaints) context.Context {
	t.Helper()
	actx := browsertest.Allocator(t)
	ctx, cancelC := chromedp.NewContext(actx, chromedp.WithListener(c.listen))
	t.Cleanup(cancelC)
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// waitFor evaluates expr until it is true. It polls from Go, because the
// page reloads in between and a poll inside the page would die with it.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: %s never became true", what, expr)
}

// TestBrowserReloads opens a page in headless Chromium under a strict
// Content-Security-Policy and checks that it reloads by itself after an edit,
// shows the overlay over the last good page for a broken file, and drops it
// when the file is fixed.
func TestBrowserReloads(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	var c complaints
	ctx := newBrowser(t, &c)
	dir := t.TempDir()
	input, out := filepath.Join(dir, "input.txt"), filepath.Join(dir, "public")
	write(t, input, "one")
	s := start(t, Options{Dir: out, Watch: []string{input}, Build: fakeBuild(input, out)})

	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL())); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "first page", `document.querySelector("h1").textContent === "one"`)
	// A mark on the window survives only until the page reloads.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.notReloaded = true`)); err != nil {
		t.Fatal(err)
	}

	write(t, input, "two")
	waitFor(t, ctx, "reload after an edit", `!window.notReloaded && document.querySelector("h1").textContent === "two"`)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.notReloaded = true`)); err != nil {
		t.Fatal(err)
	}

	write(t, input, "two\nBROKEN")
	waitFor(t, ctx, "overlay for a broken file", `!!document.getElementById("landscape-dev-overlay")`)
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("landscape-dev-overlay").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "input.txt:2:1") || !strings.Contains(text, "invalid <b>line</b>") {
		t.Errorf("overlay: got %q, want the problem with its file:line, its markup shown as text", text)
	}
	// The overlay is styled by its own sheet, allowed by style-src 'self'.
	waitFor(t, ctx, "overlay styled", `getComputedStyle(document.getElementById("landscape-dev-overlay")).position === "fixed"`)
	waitFor(t, ctx, "last good page kept", `window.notReloaded && document.querySelector("h1").textContent === "two"`)

	write(t, input, "three")
	waitFor(t, ctx, "recovery", `!window.notReloaded && document.querySelector("h1").textContent === "three" && !document.getElementById("landscape-dev-overlay")`)

	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.list {
		t.Errorf("browser: %s", p)
	}
}

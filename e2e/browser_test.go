package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/serverless-landscape/landscape/internal/browsertest"
)

// browser is one headless Chromium with a fresh profile, and what it saw:
// console errors, uncaught exceptions and requests to hosts other than host.
type browser struct {
	ctx  context.Context
	host string
	also string // a second host the test serves (another origin), or ""

	mu       sync.Mutex
	problems []string
}

func newBrowser(tb testing.TB, host string) *browser {
	tb.Helper()
	b := &browser{host: host}
	actx := browsertest.Allocator(tb, chromedp.WindowSize(1440, 1000))
	ctx, cancelC := chromedp.NewContext(actx, chromedp.WithListener(b.listen))
	tb.Cleanup(cancelC)
	b.ctx = ctx
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	// Only now a deadline: a timeout on the first call would stop the browser.
	limit := 3 * time.Minute
	if _, ok := tb.(*testing.B); ok { // a benchmark runs as long as -benchtime asks
		limit = 30 * time.Minute
	}
	b.ctx, cancelC = context.WithTimeout(ctx, limit)
	tb.Cleanup(cancelC)
	return b
}

func (b *browser) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			b.report("console.%s: %s", ev.Type, args(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		desc := d.Text
		if d.Exception != nil {
			desc += " " + d.Exception.Description
		}
		b.report("exception: %s at %s:%d", desc, d.URL, d.LineNumber)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError && !strings.Contains(ev.Entry.URL, "/nope") {
			b.report("log %s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(ev.Request.URL)
		if err == nil && u.Scheme != "data" && u.Scheme != "blob" && u.Host != b.host && (b.also == "" || u.Host != b.also) {
			b.report("request to another host: %s", ev.Request.URL)
		}
	}
}

func args(as []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
	}
	return strings.Join(parts, " ")
}

func (b *browser) report(format string, a ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, fmt.Sprintf(format, a...))
}

// check fails the test for anything the browser complained about so far.
func (b *browser) check(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Error(p)
	}
	b.problems = nil
}

// do runs actions, failing the test on error.
func (b *browser) do(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JS expression, awaiting it when it is a promise.
func eval[T any](t testing.TB, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

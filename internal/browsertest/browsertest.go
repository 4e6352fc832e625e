// Package browsertest starts the headless Chromium that browser tests drive,
// with the flags this project's machines need: no sandbox (tests run as
// root), and no background traffic, which a closed network would refuse.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Chromium finds the browser: $CHROMIUM, or chromium on the PATH. Without
// one the test skips, except under CI, where a skipped browser test would
// hide a broken site.
func Chromium(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatal("chromium not found and CI is set: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM")
	}
	tb.Skip("chromium not found: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM to run browser tests")
	return ""
}

// Allocator starts a fresh headless Chromium with an empty profile, stopped
// when the test ends; extra options (a window size) come after the defaults.
func Allocator(tb testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	tb.Helper()
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Chromium(tb)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(tb.TempDir()),
	}, extra...)
	ctx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	tb.Cleanup(cancel)
	return ctx
}

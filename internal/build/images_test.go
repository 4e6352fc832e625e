package build

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/templates"
)

// hostFunc answers requests from a map of URL to body (404 otherwise),
// without a network, and counts them.
type hostFunc struct {
	files map[string][]byte
	asked *atomic.Int32
}

func (h hostFunc) RoundTrip(r *http.Request) (*http.Response, error) {
	h.asked.Add(1)
	body, ok := h.files[r.URL.String()]
	status := http.StatusOK
	if !ok {
		status, body = http.StatusNotFound, []byte("not found")
	}
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Body: io.NopCloser(bytes.NewReader(body)),
		Header: http.Header{}, Request: r}, nil
}

// TestSiteImages builds the hand-made site with every image settings can
// name: those downloaded or read from the logos folder are served from the
// site under images/ and named by the pages; one the host does not have,
// and every one in an offline build without a cache, is left out with a
// warning at its setting, and the build goes on.
func TestSiteImages(t *testing.T) {
	fixture := filepath.Join("..", "render", "testdata", "site")
	settings, err := os.ReadFile(filepath.Join(fixture, "settings.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	logos := filepath.Join(dir, "logos")
	if err := os.CopyFS(logos, os.DirFS(filepath.Join(fixture, "logos"))); err != nil {
		t.Fatal(err)
	}
	footer := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><rect width="300" height="100" fill="#123"/></svg>`
	if err := os.WriteFile(filepath.Join(logos, "foundation.svg"), []byte(footer), 0o644); err != nil {
		t.Fatal(err)
	}
	settings = bytes.Replace(settings, []byte("header:\n"), []byte("header:\n  logo: https://img.example.org/header.svg\n"), 1)
	settings = bytes.Replace(settings, []byte("footer:\n"), []byte("footer:\n  logo: foundation.svg\n"), 1)
	settings = append(settings, "images:\n  favicon: https://img.example.org/favicon.png\n  open_graph: https://img.example.org/og.png\n"...)
	file := filepath.Join(dir, "settings.yml")
	if err := os.WriteFile(file, settings, 0o644); err != nil {
		t.Fatal(err)
	}
	var asked atomic.Int32
	host := hostFunc{asked: &asked, files: map[string][]byte{
		"https://img.example.org/favicon.png": append(encoded(t, image.NewGray(image.Rect(0, 0, 512, 512))), "<html><script>alert(1)</script>"...),
		"https://img.example.org/og.png":      encoded(t, image.NewGray(image.Rect(0, 0, 1200, 630))),
		"https://example.org/banner.png":      encoded(t, image.NewGray(image.Rect(0, 0, 2400, 300))),
		"https://img.example.org/header.svg":  []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100"><script>alert(1)</script><circle cx="50" cy="50" r="40"/><rect x="100" y="20" width="280" height="60"/></svg>`),
	}}
	build := func(offline bool) (Options, Result, string) {
		t.Helper()
		o := Options{DataFile: filepath.Join(fixture, "landscape.yml"), SettingsFile: file, LogosDir: logos,
			OutDir: filepath.Join(t.TempDir(), "public"), CacheDir: filepath.Join(t.TempDir(), "cache"), Offline: offline, NoPoster: true,
			Templates: templates.FS, Client: &http.Client{Transport: host}, CacheKey: []byte("0123456789abcdef0123456789abcdef")}
		res, err := Build(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(filepath.Join(o.OutDir, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return o, res, string(page)
	}
	o, res, page := build(false)
	// Each image by the element that names it.
	served := map[string]string{}
	for role, re := range map[string]string{
		"favicon": `<link rel="?icon"? href="?/sub/(images/[0-9a-f]{12}\.png)`,
		"og":      `<meta property="?og:image"? content="?https://landscape\.example\.org/sub/(images/[0-9a-f]{12}\.png)`,
		"header":  `<img class="?brand-logo"? src="?/sub/(images/[0-9a-f]{12}\.svg)`,
		"footer":  `<img class="?foot-logo"? src="?/sub/(images/[0-9a-f]{12}\.svg)`,
		"banner":  `<p class="?event event-banner"?><a [^>]*><img src="?/sub/(images/[0-9a-f]{12}\.png)`,
	} {
		if m := regexp.MustCompile(re).FindStringSubmatch(page); m != nil {
			served[role] = m[1]
		} else {
			t.Errorf("index.html shows no %s image under images/", role)
		}
	}
	if served["header"] == served["footer"] {
		t.Errorf("the header and footer logos are the same file %s", served["header"])
	}
	if !strings.Contains(page, `<meta property="og:image" content="https://landscape.example.org/sub/images/`) {
		t.Error("index.html has no absolute og:image")
	}
	for _, rel := range served {
		data, err := os.ReadFile(filepath.Join(o.OutDir, filepath.FromSlash(rel)))
		if err != nil {
			t.Errorf("%s is named but not written: %v", rel, err)
			continue
		}
		if bytes.Contains(data, []byte("script")) {
			t.Errorf("%s serves a script: %q", rel, data)
		}
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(readFile(t, filepath.Join(o.OutDir, filepath.FromSlash(served["favicon"]))))); err != nil || cfg.Width != 256 {
		t.Errorf("the favicon is %+v (%v), want 256 px wide", cfg, err)
	}
	if !regexp.MustCompile(`<p class="?event event-banner"?><a href="?https://example.org/con"?><img src="?/sub/images/[0-9a-f]{12}\.png"? alt="Example Con 2999, 2999-03-01 – 2999-03-03" width="?2400"? height="?300"?>`).MatchString(page) {
		t.Errorf("the event is not announced by its banner:\n%s", page)
	}
	// A banner the host does not have: a warning at its line, and the
	// event is announced by its name as without one.
	delete(host.files, "https://example.org/banner.png")
	_, res, page = build(false)
	banner := warningAt(res.Diags, "upcoming_event.banner_url")
	if banner == nil || banner.File != file || banner.Line == 0 || !strings.Contains(banner.Message, "leaving the image out") {
		t.Errorf("banner: got %+v, want a warning at its setting", banner)
	}
	if !strings.Contains(page, `>Example Con 2999</a>`) {
		t.Error("the event without its banner is not announced by name")
	}

	// Offline with no cache: every downloaded image is left out, the file
	// from the logos folder is still served, nothing is asked.
	asked.Store(0)
	_, res, page = build(true)
	if n := asked.Load(); n != 0 {
		t.Errorf("the offline build made %d requests", n)
	}
	for _, key := range []string{"images.favicon", "images.open_graph", "header.logo"} {
		if d := warningAt(res.Diags, key); d == nil || !strings.Contains(d.Message, "offline") {
			t.Errorf("offline, %s: got %+v, want a warning", key, d)
		}
	}
	if !strings.Contains(page, `<link rel="icon" href="/sub/favicon.svg"`) || strings.Contains(page, "og:image") {
		t.Error("offline, the page does not fall back to the built-in favicon and no og:image")
	}
	if !regexp.MustCompile(`class="?foot-logo"? src="?/sub/images/[0-9a-f]{12}\.svg`).MatchString(page) {
		t.Error("offline, the footer logo from the logos folder is not shown")
	}
}

func encoded(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func warningAt(ds diag.List, field string) *diag.Diagnostic {
	for i, d := range ds {
		if d.Field == field && d.Severity == diag.Warning {
			return &ds[i]
		}
	}
	return nil
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestOpenGraphImage holds the Open Graph picture to what link previews
// read: an absolute URL (so none without url, and nothing downloaded)
// and a raster (an SVG is left out).
func TestOpenGraphImage(t *testing.T) {
	logos := t.TempDir()
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`
	if err := os.WriteFile(filepath.Join(logos, "og.svg"), []byte(svg), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(logos, "og.png"), encoded(t, image.NewGray(image.Rect(0, 0, 40, 20))), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ settings, want string }{
		{"images: {open_graph: og.png}\n", "set url"},
		{"url: https://example.org\nimages: {open_graph: og.svg}\n", "is an SVG"},
		{"url: https://example.org\nimages: {open_graph: og.png}\n", ""},
	} {
		st, ds := landscape.ParseSettings("settings.yml", []byte(tc.settings))
		if len(ds) > 0 {
			t.Fatal(ds)
		}
		var diags diag.List
		got, err := New(Options{LogosDir: logos, Offline: true}).siteImages(context.Background(), st, &diags)
		if err != nil {
			t.Fatal(err)
		}
		d := warningAt(diags, "images.open_graph")
		switch {
		case tc.want == "" && (d != nil || got.images.OpenGraph.Path == ""):
			t.Errorf("%q: got %v, %+v; want the picture served", tc.settings, diags, got.images.OpenGraph)
		case tc.want != "" && (d == nil || !strings.Contains(d.Message, tc.want) || d.Line != 1+strings.Count(tc.settings[:strings.Index(tc.settings, "images")], "\n") || got.images.OpenGraph.Path != ""):
			t.Errorf("%q: got %v, %+v; want it left out with a warning saying %q", tc.settings, diags, got.images.OpenGraph, tc.want)
		}
	}
}

package serve

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site writes a small built site into a temporary folder.
func site(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"index.html":        "<!DOCTYPE html><html><head><title>L</title></head><body><h1>Landscape</h1></body></html>",
		"404.html":          "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>",
		"items/alpha.html":  "<!DOCTYPE html><html><body>Alpha</body></html>",
		"items/alpha.json":  `{"id":"alpha"}`,
		"logos/a.svg":       `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"assets/site.1.css": "body{}",
		"assets/app.1.js":   "1",
		"items.csv":         "id\nalpha\n",
		"sitemap.xml":       "<urlset/>",
		"robots.txt":        "User-agent: *\n",
		"guide/index.html":  "<html><body>Guide</body></html>",
	} {
		write(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	return dir
}

func TestHandler(t *testing.T) {
	dir := site(t)
	outside := filepath.Join(filepath.Dir(dir), "secret.txt")
	write(t, outside, "secret")
	if err := os.Symlink(outside, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		base, path string
		code       int
		ctype      string
		cache      string
		body       string // a substring of the body
		location   string
	}{
		{"/", "/", 200, "text/html; charset=utf-8", "no-store", "<h1>Landscape</h1>", ""},
		{"/", "/index.html", 200, "text/html; charset=utf-8", "no-store", `<script src="/__landscape/reload.js" data-version="7" defer></script></body>`, ""},
		{"/", "/items/alpha.html", 200, "text/html; charset=utf-8", "no-store", "Alpha", ""},
		{"/", "/items/alpha.json", 200, "application/json", "no-cache", `"alpha"`, ""},
		{"/", "/logos/a.svg", 200, "image/svg+xml", "no-cache", "<svg", ""},
		{"/", "/assets/site.1.css", 200, "text/css; charset=utf-8", "no-cache", "body{}", ""},
		{"/", "/assets/app.1.js", 200, "text/javascript; charset=utf-8", "no-cache", "1", ""},
		{"/", "/items.csv", 200, "text/csv; charset=utf-8", "no-cache", "alpha", ""},
		{"/", "/sitemap.xml", 200, "application/xml", "no-cache", "urlset", ""},
		{"/", "/robots.txt", 200, "text/plain; charset=utf-8", "no-cache", "User-agent", ""},
		{"/", "/guide/", 200, "text/html; charset=utf-8", "no-store", "Guide", ""},
		{"/", "/guide", 301, "", "", "", "/guide/"},
		{"/", "/nope", 404, "text/html; charset=utf-8", "no-store", "Page not found", ""},
		{"/", "/items/nope.html", 404, "text/html; charset=utf-8", "no-store", "reload.js", ""},
		{"/", "/../secret.txt", 404, "text/html; charset=utf-8", "", "Page not found", ""},
		{"/", "/link.txt", 404, "text/html; charset=utf-8", "", "Page not found", ""},
		{"/", "/__landscape/reload.js", 200, "text/javascript; charset=utf-8", "no-store", "EventSource", ""},
		{"/", "/__landscape/reload.css", 200, "text/css; charset=utf-8", "no-store", "#landscape-dev-overlay", ""},
		{"/", "/__landscape/nope.js", 404, "", "", "", ""},
		{"/landscape/", "/landscape/", 200, "text/html; charset=utf-8", "no-store", "<h1>Landscape</h1>", ""},
		{"/landscape/", "/landscape/logos/a.svg", 200, "image/svg+xml", "no-cache", "<svg", ""},
		{"/landscape/", "/landscape", 302, "", "", "", "/landscape/"},
		{"/landscape/", "/", 302, "", "", "", "/landscape/"},
		{"/landscape/", "/index.html", 404, "text/html; charset=utf-8", "no-store", "Page not found", ""},
		{"/landscape/", "/__landscape/reload.js", 200, "text/javascript; charset=utf-8", "no-store", "EventSource", ""},
	}
	for _, tt := range tests {
		t.Run(tt.base+" "+tt.path, func(t *testing.T) {
			h := &handler{dir: dir, hub: newHub(), base: func() string { return tt.base }, version: func() int64 { return 7 }}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, localRequest("GET", tt.path, nil))
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.code {
				t.Errorf("status: got %d, want %d", res.StatusCode, tt.code)
			}
			if tt.ctype != "" && res.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("Content-Type: got %q, want %q", res.Header.Get("Content-Type"), tt.ctype)
			}
			if tt.cache != "" && res.Header.Get("Cache-Control") != tt.cache {
				t.Errorf("Cache-Control: got %q, want %q", res.Header.Get("Cache-Control"), tt.cache)
			}
			if !strings.Contains(string(body), tt.body) {
				t.Errorf("body: got %q, want it to contain %q", body, tt.body)
			}
			if strings.Contains(string(body), "secret") {
				t.Errorf("body: got %q, which is outside the site", body)
			}
			if got := res.Header.Get("Location"); got != tt.location {
				t.Errorf("Location: got %q, want %q", got, tt.location)
			}
		})
	}
}

func TestHandlerWithoutSite(t *testing.T) {
	h := &handler{dir: filepath.Join(t.TempDir(), "none"), hub: newHub(), base: func() string { return "/" }, version: func() int64 { return 1 }}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, localRequest("GET", "/", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("status: got %d, want %d", rec.Code, http.StatusNotFound)
	}
	if !strings.Contains(rec.Body.String(), "/__landscape/reload.js") {
		t.Errorf("body: got %q, want the reload script, so the page shows why and reloads once built", rec.Body.String())
	}
}

func TestInject(t *testing.T) {
	tag := `<script src="/__landscape/reload.js" data-version="3" defer></script>`
	tests := []struct{ in, want string }{
		{"<html><body>x</body></html>", "<html><body>x" + tag + "</body></html>"},
		{"<HTML><BODY>x</BODY></HTML>", "<HTML><BODY>x" + tag + "</BODY></HTML>"},
		{"<p>a</body>b</body>", "<p>a</body>b" + tag + "</body>"},
		{"<p>no body", "<p>no body" + tag},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.in), 3)); got != tt.want {
			t.Errorf("inject(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHandlerHead(t *testing.T) {
	h := &handler{dir: site(t), hub: newHub(), base: func() string { return "/" }, version: func() int64 { return 1 }}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, localRequest("HEAD", "/", nil))
	if rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("HEAD /: got %d with %d bytes, want 200 with none", rec.Code, rec.Body.Len())
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, localRequest("POST", "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: got %d, want %d", rec.Code, http.StatusMethodNotAllowed)
	}
}

func TestErrProblem(t *testing.T) {
	tests := []struct {
		err  string
		want problem
	}{
		{"render: parse templates: template: broken.html:2: unclosed action",
			problem{Where: "broken.html:2", Severity: "error", Message: "unclosed action"}},
		{`render: render index.html: template: landscape.html:3:15: executing "band" at <.Nope>: can't evaluate field Nope`,
			problem{Where: "landscape.html:3:15", Severity: "error", Message: `executing "band" at <.Nope>: can't evaluate field Nope`}},
		{"logos: disk full", problem{Where: "build", Severity: "error", Message: "logos: disk full"}},
	}
	for _, tt := range tests {
		if got := errProblem(errors.New(tt.err)); got != tt.want {
			t.Errorf("errProblem(%q): got %+v, want %+v", tt.err, got, tt.want)
		}
	}
}

func TestForeignHostRefused(t *testing.T) {
	h := &handler{dir: site(t), hub: newHub(), base: func() string { return "/" }, version: func() int64 { return 1 }}
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:8080", true}, {"localhost:8080", true}, {"[::1]:8080", true}, {"192.168.1.20:8080", true},
		{"attacker.example", false}, {"attacker.example:8080", false}, {"127.0.0.1.nip.io:8080", false},
	} {
		req := localRequest(http.MethodGet, "/index.html", nil)
		req.Host = tc.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if got := w.Code == http.StatusOK; got != tc.ok {
			t.Errorf("Host %s: got status %d, want served %v", tc.host, w.Code, tc.ok)
		}
	}
}

// localRequest is a request as a browser on this machine sends it (httptest
// would name example.com as the host, which the server refuses).
func localRequest(method, target string, body io.Reader) *http.Request {
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8080"
	return r
}

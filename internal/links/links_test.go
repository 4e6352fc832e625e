package links

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/diag"
)

const fixture = `landscape:
  - category:
    name: Ünïcödé Category ✓
    subcategories:
      - subcategory:
        name: Tools
        items:
          - item:
            name: Fine
            homepage_url: http://ok.test/
            logo: fine.svg
            repo_url: http://temp.test/
            extra:
              blog_url: http://busy.test/blog
              docs_url_unknown: http://dead.test/not-a-link-key
          - item:
            name: Gone
            homepage_url: http://dead.test/gone
            logo: https://badtls.test/logo.svg
            crunchbase: http://gone.test/
            twitter: https://x.com/gone
          - item:
            name: Moved — ünïcödé
            homepage_url: "http://moved.test/old"
            logo: moved.svg
            extra:
              other_links:
                - {name: "日本語 ✓ ドキュメント", url: http://www.moved.test/docs}
                - {name: Parked, url: 'http://parked.test/'}
              linkedin_url: https://www.linkedin.com/company/x
          - item:
            name: Broken
            homepage_url: http://nxdomain.test/
            logo: b.svg
            repo_url: http://slow.test/
            additional_repos:
              - repo_url: http://down.test/
              - repo_url: http://nohead.test/
`

// fakeWeb is every host of the fixture behind one httptest server (and a
// TLS one whose certificate no client trusts), counting requests.
type fakeWeb struct {
	srv, tls *httptest.Server
	mu       sync.Mutex
	requests map[string]int // "METHOD host/path"
	busy     int
}

func newFakeWeb(t *testing.T) *fakeWeb {
	w := &fakeWeb{requests: map[string]int{}}
	w.srv = httptest.NewServer(http.HandlerFunc(w.serve))
	w.tls = httptest.NewUnstartedServer(http.HandlerFunc(w.serve))
	w.tls.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are the point
	w.tls.StartTLS()
	t.Cleanup(w.srv.Close)
	t.Cleanup(w.tls.Close)
	return w
}

func (w *fakeWeb) serve(rw http.ResponseWriter, r *http.Request) {
	w.mu.Lock()
	w.requests[r.Method+" "+r.Host+r.URL.Path]++
	n := w.requests[r.Method+" "+r.Host+r.URL.Path]
	w.mu.Unlock()
	if !strings.Contains(r.UserAgent(), "Mozilla/5.0") {
		http.Error(rw, "bots not welcome", http.StatusForbidden)
		return
	}
	switch r.Host + r.URL.Path {
	case "ok.test/", "moved.test/new", "moved.test/docs", "ads.test/landing", "temp.test/login":
		rw.WriteHeader(http.StatusOK)
	case "dead.test/gone":
		http.NotFound(rw, r)
	case "gone.test/":
		rw.WriteHeader(http.StatusGone)
	case "moved.test/old":
		http.Redirect(rw, r, "http://moved.test/new", http.StatusMovedPermanently)
	case "www.moved.test/docs":
		http.Redirect(rw, r, "http://moved.test/docs", http.StatusPermanentRedirect)
	case "parked.test/":
		http.Redirect(rw, r, "http://ads.test/landing", http.StatusMovedPermanently)
	case "temp.test/":
		http.Redirect(rw, r, "/login", http.StatusFound)
	case "busy.test/blog":
		if n == 1 {
			rw.Header().Set("Retry-After", "0")
			rw.WriteHeader(http.StatusTooManyRequests)
			return
		}
		rw.WriteHeader(http.StatusOK)
	case "down.test/":
		rw.WriteHeader(http.StatusServiceUnavailable)
	case "nohead.test/":
		if r.Method == http.MethodHead {
			rw.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		rw.WriteHeader(http.StatusOK)
	case "slow.test/":
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	default:
		if strings.HasPrefix(r.Host, "many.test") {
			w.mu.Lock()
			w.busy++
			w.mu.Unlock()
			time.Sleep(20 * time.Millisecond)
			w.mu.Lock()
			w.busy--
			w.mu.Unlock()
			rw.WriteHeader(http.StatusOK)
			return
		}
		http.Error(rw, "unexpected "+r.Host+r.URL.Path, http.StatusTeapot)
	}
}

// client dials every host to the fake web: badtls.test to the TLS server,
// nxdomain.test nowhere (as DNS would say), and fails a test that dials a
// host it should have skipped.
func (w *fakeWeb) client(t *testing.T) *http.Client {
	d := &net.Dialer{}
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		switch {
		case host == "nxdomain.test":
			return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
		case host == "badtls.test":
			return d.DialContext(ctx, network, w.tls.Listener.Addr().String())
		case strings.HasSuffix(host, "x.com"), strings.HasSuffix(host, "linkedin.com"):
			t.Errorf("dialed %s, a host that refuses robots", host)
		}
		return d.DialContext(ctx, network, w.srv.Listener.Addr().String())
	}}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

func (w *fakeWeb) count(key string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.requests[key]
}

func (w *fakeWeb) total() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, c := range w.requests {
		n += c
	}
	return n
}

func testOptions(w *fakeWeb, t *testing.T) Options {
	return Options{Client: w.client(t), Timeout: 500 * time.Millisecond, Backoff: time.Millisecond, MaxWait: 10 * time.Millisecond, SkipHosts: DefaultSkipHosts}
}

// TestCheckReportsEachKind checks each kind of failure against the fake
// web, with its line and column, and that a second run asks nothing.
func TestCheckReportsEachKind(t *testing.T) {
	w := newFakeWeb(t)
	uses, err := Collect([]byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	cacheFile := filepath.Join(t.TempDir(), "links.json")
	cache, err := OpenCache(cacheFile, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Check(context.Background(), uses, cache, testOptions(w, t), false)
	if err != nil {
		t.Fatal(err)
	}
	got := texts(rep.Diagnostics("landscape.yml", 500*time.Millisecond))
	want := []string{
		`landscape.yml:18:27: error: item "Gone": homepage_url: http://dead.test/gone is dead: Not Found (fix or remove the link)`,
		`landscape.yml:19:19: error: item "Gone": logo: https://badtls.test/logo.svg is dead: TLS failure: certificate is valid for example.com, *.example.com, not badtls.test (fix or remove the link)`,
		`landscape.yml:20:25: error: item "Gone": crunchbase: http://gone.test/ is dead: Gone (fix or remove the link)`,
		`landscape.yml:24:27: warning: item "Moved — ünïcödé": homepage_url: http://moved.test/old moved permanently to http://moved.test/new (landscape links --fix rewrites it)`,
		`landscape.yml:28:47: warning: item "Moved — ünïcödé": extra.other_links.url: http://www.moved.test/docs moved permanently to http://moved.test/docs (landscape links --fix rewrites it)`,
		`landscape.yml:29:39: warning: item "Moved — ünïcödé": extra.other_links.url: http://parked.test/ redirects to another host, http://ads.test/landing (check that it is still the item's; never rewritten, as it is often a parked or acquired domain)`,
		`landscape.yml:33:27: error: item "Broken": homepage_url: http://nxdomain.test/ is dead: no such host (nxdomain.test) (fix or remove the link)`,
		`landscape.yml:35:23: warning: item "Broken": repo_url: http://slow.test/ timed out on every attempt (500ms each)`,
		`landscape.yml:37:27: warning: item "Broken": additional_repos.repo_url: http://down.test/ answered 503 Service Unavailable`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if n := w.count("HEAD busy.test/blog"); n != 2 {
		t.Errorf("busy.test: got %d HEAD requests, want 2 (a 429, then a retry)", n)
	}
	if n := w.count("HEAD down.test/") + w.count("GET down.test/"); n != 6 {
		t.Errorf("down.test: got %d requests, want 6 (HEAD and GET, three attempts)", n)
	}
	if n := rep.Counts()[Skipped]; n != 2 {
		t.Errorf("skipped: got %d, want 2 (x.com, linkedin.com)", n)
	}
	if !strings.Contains(rep.Summary(), "2 skipped (hosts that refuse robots)") {
		t.Errorf("summary %q does not count the skipped hosts", rep.Summary())
	}

	before := w.total()
	cache, err = OpenCache(cacheFile, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Check(context.Background(), uses, cache, testOptions(w, t), false)
	if err != nil {
		t.Fatal(err)
	}
	if n := w.total() - before; n != 0 || again.Asked != 0 {
		t.Errorf("second run: %d requests, %d asked; want none, every result fresh in the cache", n, again.Asked)
	}
	if diff := cmp.Diff(got, texts(again.Diagnostics("landscape.yml", 500*time.Millisecond))); diff != "" {
		t.Errorf("second run differs (-first +second):\n%s", diff)
	}
}

func texts(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

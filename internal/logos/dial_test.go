package logos

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/serverless-landscape/landscape/internal/diag"
)

func TestNonPublic(t *testing.T) {
	for addr, want := range map[string]string{
		"8.8.8.8":              "",
		"151.101.1.69":         "",
		"2606:4700::6810:85e5": "",
		"127.0.0.1":            "a loopback address",
		"127.8.9.10":           "a loopback address",
		"::1":                  "a loopback address",
		"::ffff:127.0.0.1":     "a loopback address",
		"10.1.2.3":             "a private address",
		"172.16.0.1":           "a private address",
		"192.168.1.1":          "a private address",
		"fd00:ec2::254":        "a private address", // AWS metadata over IPv6
		"169.254.169.254":      "a link-local address (where cloud metadata services answer)",
		"fe80::1":              "a link-local address (where cloud metadata services answer)",
		"100.100.100.200":      "a reserved address", // Alibaba Cloud metadata
		"192.0.0.192":          "a reserved address", // Oracle Cloud metadata
		"0.0.0.0":              "not a host's address",
		"::":                   "not a host's address",
		"224.0.0.1":            "not a host's address",
		"64:ff9b::a9fe:a9fe":   "a reserved address", // NAT64 of 169.254.169.254
		"2002:7f00:1::":        "a reserved address", // 6to4 of 127.0.0.1
		"240.0.0.1":            "a reserved address",
	} {
		if got := nonPublic(netip.MustParseAddr(addr)); got != want {
			t.Errorf("%s: got %q, want %q", addr, got, want)
		}
	}
}

// TestFetchRefusesPrivateAddresses checks that a download cannot be
// pointed at the network of the machine that builds: the address is
// checked after DNS resolution, before connecting, so the server sees no
// request, whether the URL names an IP or a name that resolves to one.
func TestFetchRefusesPrivateAddresses(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte(logoSVG))
	}))
	t.Cleanup(srv.Close)
	f := NewFetcher(FetchOptions{Client: srv.Client()})
	for _, ref := range []string{srv.URL + "/logo.svg", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/logo.svg"} {
		data, problems, ok := f.Fetch(t.Context(), ref)
		if ok || data != nil || len(problems) != 1 || problems[0].Severity != diag.Error ||
			!strings.Contains(problems[0].Message, "a loopback address") {
			t.Errorf("%s: got ok %v problems %v, want an error naming the loopback address", ref, ok, problems)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("got %d requests to the loopback server, want none", hits.Load())
	}
	if _, problems, ok := NewFetcher(FetchOptions{Client: srv.Client(), AllowPrivateAddresses: true}).Fetch(t.Context(), srv.URL+"/logo.svg"); !ok {
		t.Errorf("allowed: got %v, want the logo", problems)
	}
}

// TestFetchRedirects checks the redirect policy: https all the way, and a
// bounded number of hops.
func TestFetchRedirects(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/hop1":
			http.Redirect(w, r, "/hop2", http.StatusMovedPermanently)
		case "/hop2":
			http.Redirect(w, r, "/logo.svg", http.StatusTemporaryRedirect)
		case "/plain":
			http.Redirect(w, r, strings.Replace(srv.URL, "https:", "http:", 1)+"/logo.svg", http.StatusFound)
		default:
			w.Write([]byte(logoSVG))
		}
	}))
	t.Cleanup(srv.Close)
	f := NewFetcher(FetchOptions{Client: srv.Client(), AllowPrivateAddresses: true})
	for path, want := range map[string]string{
		"/hop1":  "",
		"/loop":  "more than 5 redirects",
		"/plain": "which is not https",
	} {
		data, problems, ok := f.Fetch(t.Context(), srv.URL+path)
		switch {
		case want == "" && (!ok || string(data) != logoSVG):
			t.Errorf("%s: got ok %v problems %v, want the logo", path, ok, problems)
		case want != "" && (ok || len(problems) != 1 || !strings.Contains(problems[0].Message, want)):
			t.Errorf("%s: got ok %v problems %v, want a problem saying %q", path, ok, problems, want)
		}
	}
}

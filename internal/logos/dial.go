package logos

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// A download whose bytes we use is made on a pull request's behalf, by a
// CI job or a preview build inside someone's network: its URL must not be
// a way to read that network. So the client for such downloads connects
// only to public addresses, checked after DNS resolution (a name can
// resolve to 127.0.0.1, or to the cloud's metadata service), on every hop,
// and follows at most maxRedirects redirects, all to https.

const maxRedirects = 5

// errNotPublic is why a connection was refused.
var errNotPublic = errors.New("not a public address")

// safeClient returns a copy of base (nil means http.DefaultClient) that
// follows only https redirects, and whose connections go only to public
// addresses unless allowPrivate (tests reach httptest servers on loopback).
// A base whose transport is not an *http.Transport (offline mode, a test's
// fake) keeps it: such a transport decides itself where it connects.
func safeClient(base *http.Client, allowPrivate bool) *http.Client {
	if base == nil {
		base = http.DefaultClient
	}
	c := *base // a copy, so the caller's client keeps its own policies
	c.CheckRedirect = httpsRedirects
	if allowPrivate {
		return &c
	}
	var tr *http.Transport
	switch t := base.Transport.(type) {
	case nil:
		tr = http.DefaultTransport.(*http.Transport).Clone()
	case *http.Transport:
		tr = t.Clone()
	default:
		return &c
	}
	tr.DialContext = publicDialer(tr)
	tr.DialTLSContext = nil // TLS runs over DialContext's connection
	c.Transport = tr
	return &c
}

// publicDialer dials as tr did, refusing addresses that are not public.
// When tr goes through a proxy, the connection to the proxy is allowed
// wherever it is: the proxy then resolves and reaches the host.
func publicDialer(tr *http.Transport) func(ctx context.Context, network, addr string) (net.Conn, error) {
	proxies := map[string]bool{}
	if tr.Proxy != nil {
		req := &http.Request{URL: &url.URL{Scheme: "https", Host: "example.com"}}
		if u, err := tr.Proxy(req); err == nil && u != nil {
			proxies[canonicalAddr(u)] = true
		}
	}
	checked := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: publicOnly}
	plain := tr.DialContext
	if plain == nil {
		plain = (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if proxies[addr] {
			return plain(ctx, network, addr)
		}
		return checked.DialContext(ctx, network, addr)
	}
}

func canonicalAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "socks5": "1080"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// publicOnly is a net.Dialer Control: it runs once the address is resolved
// and before connecting.
func publicOnly(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return err
	}
	if kind := nonPublic(ip); kind != "" {
		return fmt.Errorf("refused to connect to %s, %s: %w", ip, kind, errNotPublic)
	}
	return nil
}

// reserved are ranges that IsPrivate and its siblings do not cover but
// that reach no public host: shared address space (carrier NAT, where
// Alibaba Cloud's metadata service sits), IETF protocol assignments
// (Oracle Cloud's metadata), benchmarking, the reserved class E, and
// NAT64 and 6to4 prefixes that embed an IPv4 address.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2002::/16"),
}

// nonPublic says what kind of address ip is when it is not a public one
// ("" when it is).
func nonPublic(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case ip.IsLoopback():
		return "a loopback address"
	case ip.IsPrivate():
		return "a private address"
	case ip.IsLinkLocalUnicast():
		return "a link-local address (where cloud metadata services answer)"
	case ip.IsUnspecified(), ip.IsMulticast(), ip.IsLinkLocalMulticast(), ip.IsInterfaceLocalMulticast():
		return "not a host's address"
	}
	for _, p := range reserved {
		if p.Contains(ip) {
			return "a reserved address"
		}
	}
	return ""
}

// httpsRedirects follows at most maxRedirects redirects, all to https.
func httpsRedirects(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("more than %d redirects", maxRedirects)
	}
	if req.URL.Scheme != "https" {
		return fmt.Errorf("redirected to %s, which is not https", req.URL.Redacted())
	}
	return nil
}

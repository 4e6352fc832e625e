// Package links checks the URLs of a landscape: every homepage, repository,
// extra link, other link and logo URL, so that dead links are found before
// visitors find them.
//
// A check asks each URL once, however often it is written, with bounded
// concurrency overall and per host, HEAD first and GET when HEAD is refused,
// a timeout, and retries with backoff on 429 and 5xx that honour
// Retry-After. Redirects are followed by hand, so that a permanent move
// (worth fixing in the data) is told from a temporary one, and a redirect to
// another host (often a parked or acquired domain) from a move within the
// same site. Results are cached with a lifetime: a second run asks only
// about URLs whose results have expired. Hosts that refuse robots (x.com,
// linkedin.com, ...) are not asked at all, only counted.
//
// The package returns results and diagnostics; it never prints.
package links

import (
	"net/url"
	"strings"
	"time"
)

// Kind is what a check found.
type Kind string

// The kinds of results. Only OK, and Moved within the same site, are not
// worth a person's look.
const (
	OK         Kind = "ok"
	Moved      Kind = "moved"      // a permanent redirect within the same site: --fix rewrites it
	OtherHost  Kind = "other-host" // redirected to a different host
	Dead       Kind = "dead"       // 404, 410, no such host, TLS failure, refused connection
	TimedOut   Kind = "timeout"    // every attempt timed out
	HTTPError  Kind = "http-error" // another status after the retries (403, 5xx, 429)
	Skipped    Kind = "skipped"    // a host that refuses robots: not asked
	Unreliable Kind = "unreliable" // the check itself could not run (too many redirects)
)

// Result is what one URL answered.
type Result struct {
	Kind     Kind      `json:"kind"`
	Status   int       `json:"status,omitempty"`   // the final HTTP status
	Location string    `json:"location,omitempty"` // where it redirects to, for Moved and OtherHost
	Detail   string    `json:"detail,omitempty"`   // the error, for people
	Checked  time.Time `json:"checked"`
}

// DefaultSkipHosts are hosts that refuse automated requests (they answer
// 999, 403 or a login page to anything not a browser with cookies): asking
// them would only report false dead links. A host matches its subdomains.
var DefaultSkipHosts = []string{"x.com", "twitter.com", "linkedin.com", "facebook.com", "instagram.com", "crunchbase.com"}

// skipped reports whether u's host is in hosts or under one of them.
func skipped(u string, hosts []string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	h := strings.ToLower(p.Hostname())
	for _, s := range hosts {
		s = strings.ToLower(strings.TrimSpace(s))
		if s != "" && (h == s || strings.HasSuffix(h, "."+s)) {
			return true
		}
	}
	return false
}

// SameSite reports whether a move from a to b stays on the same site: the
// same host, or http to https, or "www." added or removed. Only such moves
// are rewritten by --fix; another host is reported, never written, since it
// is often a parked or acquired domain.
func SameSite(a, b string) bool {
	pa, err1 := url.Parse(a)
	pb, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	if pa.Scheme != pb.Scheme && !(pa.Scheme == "http" && pb.Scheme == "https") {
		return false
	}
	ha := strings.TrimPrefix(strings.ToLower(pa.Host), "www.")
	hb := strings.TrimPrefix(strings.ToLower(pb.Host), "www.")
	return ha == hb
}

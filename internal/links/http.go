package links

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Options configure a check. The zero value of each field means its
// default.
type Options struct {
	Client      *http.Client  // its redirects are handled here, not by it
	Concurrency int           // requests at once overall (default 16)
	PerHost     int           // requests at once to one host (default 2)
	Timeout     time.Duration // for one request (default 15s)
	Retries     int           // more attempts after a 429, 5xx or timeout (default 2)
	Backoff     time.Duration // the first wait between attempts, doubled each time (default 2s)
	MaxWait     time.Duration // the longest wait, Retry-After included (default 60s)
	UserAgent   string        // default: a browser's, since some hosts answer nothing else
	SkipHosts   []string      // hosts never asked (see DefaultSkipHosts)
	Now         func() time.Time
}

// browserUA is a current desktop Chrome's User-Agent, naming this tool at
// its end, as link checkers do.
const browserUA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 landscape-links"

const maxRedirects = 10

func (o *Options) defaults() {
	if o.Client == nil {
		o.Client = &http.Client{}
	}
	c := *o.Client // our own copy: redirects are followed by hand
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	o.Client = &c
	o.Concurrency = cmpOr(o.Concurrency, 16)
	o.PerHost = cmpOr(o.PerHost, 2)
	o.Timeout = cmpOr(o.Timeout, 15*time.Second)
	if o.Retries == 0 {
		o.Retries = 2
	} else if o.Retries < 0 {
		o.Retries = 0
	}
	o.Backoff = cmpOr(o.Backoff, 2*time.Second)
	o.MaxWait = cmpOr(o.MaxWait, time.Minute)
	if o.UserAgent == "" {
		o.UserAgent = browserUA
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

func cmpOr[T comparable](v, d T) T {
	var zero T
	if v == zero {
		return d
	}
	return v
}

// checker runs requests within the limits.
type checker struct {
	o     Options
	all   chan struct{}
	mu    sync.Mutex
	hosts map[string]chan struct{}
}

func newChecker(o Options) *checker {
	o.defaults()
	return &checker{o: o, all: make(chan struct{}, o.Concurrency), hosts: map[string]chan struct{}{}}
}

// slot waits for a free request slot overall and on host; release frees it.
func (c *checker) slot(ctx context.Context, host string) (release func(), err error) {
	c.mu.Lock()
	h, ok := c.hosts[host]
	if !ok {
		h = make(chan struct{}, c.o.PerHost)
		c.hosts[host] = h
	}
	c.mu.Unlock()
	select {
	case h <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case c.all <- struct{}{}:
	case <-ctx.Done():
		<-h
		return nil, ctx.Err()
	}
	return func() { <-c.all; <-h }, nil
}

// check asks about u, following redirects, and says what it found.
func (c *checker) check(ctx context.Context, u string) Result {
	r := Result{Checked: c.o.Now()}
	first, cur := 0, u
	for hop := 0; ; hop++ {
		if hop == maxRedirects {
			r.Kind, r.Detail = Unreliable, fmt.Sprintf("more than %d redirects", maxRedirects)
			return r
		}
		status, loc, err := c.ask(ctx, cur)
		if err != nil {
			r.Kind, r.Detail = classify(err)
			if hop > 0 {
				r.Detail += " (after a redirect to " + cur + ")"
			}
			return r
		}
		if hop == 0 {
			first = status
		}
		if status >= 300 && status < 400 && loc != "" {
			next, err := resolve(cur, loc)
			if err != nil {
				r.Kind, r.Detail = Dead, "redirects to an invalid URL: "+truncate(loc, 200)
				return r
			}
			cur = next
			continue
		}
		r.Status = status
		return c.judge(r, u, cur, first)
	}
}

// judge classifies the end of a redirect chain that started at u with
// status first and ended at final.
func (c *checker) judge(r Result, u, final string, first int) Result {
	switch {
	case r.Status == http.StatusNotFound || r.Status == http.StatusGone:
		r.Kind, r.Detail = Dead, http.StatusText(r.Status)
		if final != u {
			r.Detail += " after a redirect to " + final
		}
		return r
	case r.Status >= 400:
		r.Kind, r.Detail = HTTPError, http.StatusText(r.Status)
		return r
	}
	switch {
	case final == u:
		r.Kind = OK
	case !SameSite(u, final):
		r.Kind, r.Location = OtherHost, final
	case first == http.StatusMovedPermanently || first == http.StatusPermanentRedirect:
		r.Kind, r.Location = Moved, final
	default: // a temporary redirect within the site: the URL is right as it is
		r.Kind = OK
	}
	return r
}

// ask makes one request for u with retries: HEAD, then GET when HEAD is
// refused. It returns the status and Location.
func (c *checker) ask(ctx context.Context, u string) (int, string, error) {
	p, err := url.Parse(u)
	if err != nil {
		return 0, "", err
	}
	release, err := c.slot(ctx, strings.ToLower(p.Host))
	if err != nil {
		return 0, "", err
	}
	defer release()
	var status int
	var loc string
	for attempt := 0; ; attempt++ {
		var wait time.Duration
		status, loc, wait, err = c.once(ctx, u)
		retry := err != nil && isTimeout(err) || status == http.StatusTooManyRequests || status >= 500
		if !retry || attempt == c.o.Retries {
			return status, loc, err
		}
		wait = max(wait, c.o.Backoff<<attempt)
		select {
		case <-time.After(min(wait, c.o.MaxWait)):
		case <-ctx.Done():
			return 0, "", ctx.Err()
		}
	}
}

// once is one attempt: HEAD, and GET if HEAD does not answer 2xx or 3xx
// (many servers refuse or mishandle HEAD). It returns the Retry-After wait.
func (c *checker) once(ctx context.Context, u string) (int, string, time.Duration, error) {
	status, loc, wait, err := c.request(ctx, http.MethodHead, u)
	if err == nil && status < 400 {
		return status, loc, wait, nil
	}
	if err != nil && !isTimeout(err) && !isHTTPLevel(err) {
		return 0, "", 0, err // no host, TLS: GET would fail the same way
	}
	return c.request(ctx, http.MethodGet, u)
}

func (c *checker) request(ctx context.Context, method, u string) (int, string, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return 0, "", 0, err
	}
	req.Header.Set("User-Agent", c.o.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	resp, err := c.o.Client.Do(req)
	if err != nil {
		return 0, "", 0, err
	}
	_, _ = io.CopyN(io.Discard, resp.Body, 64<<10) // let the connection be reused, within a bound
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location"), retryAfter(resp.Header.Get("Retry-After"), c.o.Now()), nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// maxURL bounds a redirect's target: it is shown in reports, and a server
// may answer anything.
const maxURL = 2048

func resolve(base, loc string) (string, error) {
	if len(loc) > maxURL {
		return "", fmt.Errorf("longer than %d bytes", maxURL)
	}
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	l, err := url.Parse(loc)
	if err != nil {
		return "", err
	}
	r := b.ResolveReference(l)
	if r.Scheme != "http" && r.Scheme != "https" {
		return "", fmt.Errorf("not http(s)")
	}
	return r.String(), nil
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// isHTTPLevel: the server was reached but the exchange failed (a reset, a
// malformed answer to HEAD): worth trying GET.
func isHTTPLevel(err error) bool {
	var dns *net.DNSError
	var op *net.OpError
	return !errors.As(err, &dns) && !isTLS(err) && !(errors.As(err, &op) && op.Op == "dial")
}

func isTLS(err error) bool {
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	var ci x509.CertificateInvalidError
	var cv *tls.CertificateVerificationError
	var rh tls.RecordHeaderError
	return errors.As(err, &ua) || errors.As(err, &hn) || errors.As(err, &ci) || errors.As(err, &cv) || errors.As(err, &rh)
}

// classify says what a failed request means.
func classify(err error) (Kind, string) {
	var dns *net.DNSError
	var op *net.OpError
	switch {
	case isTimeout(err):
		return TimedOut, "timed out"
	case errors.As(err, &dns):
		return Dead, "no such host (" + dns.Name + ")"
	case isTLS(err):
		return Dead, "TLS failure: " + tlsReason(err)
	case errors.As(err, &op) && op.Op == "dial":
		return Dead, "could not connect: " + op.Err.Error()
	}
	return HTTPError, err.Error()
}

func tlsReason(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && strings.Contains(msg[i:], "certificate") {
		return msg[i+2:]
	}
	if i := strings.Index(msg, "tls: "); i >= 0 {
		return msg[i:]
	}
	if i := strings.Index(msg, "x509: "); i >= 0 {
		return msg[i:]
	}
	return msg
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

package gh

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/go-github/v50/github"
)

// tokenClient is one token's client and how long its rate limit forbids it.
type tokenClient struct {
	gh           *github.Client
	index        int // 1-based, for logs: never the token itself
	blockedUntil time.Time
	rejected     bool // GitHub answered 401: the token is wrong or revoked
}

// pool hands out clients in turn, skipping those whose rate limit is spent,
// and decides between waiting for a reset and giving up. Rate limits are
// timed by the real clock, as GitHub's reset times and go-github's own
// checks are, never by Options.Now.
type pool struct {
	o       Options
	redact  redactor
	mu      sync.Mutex
	clients []*tokenClient
	next    int
	stopped error
}

// errRateLimited is wrapped by every request refused because all tokens are
// out of rate limit for longer than Options.MaxRateWait.
var errRateLimited = errors.New("rate limit exhausted")

// errRejected is returned once GitHub has refused every token.
var errRejected = errors.New("GitHub rejected the token (401 Bad credentials: check GITHUB_TOKEN)")

// stopped tells whether err ended all fetching rather than one request,
// which is reported once rather than per repository.
func stopped(err error) bool {
	return errors.Is(err, errRateLimited) || errors.Is(err, errRejected)
}

func (p *pool) acquire(ctx context.Context) (*tokenClient, error) {
	p.mu.Lock()
	if p.stopped != nil {
		p.mu.Unlock()
		return nil, p.stopped
	}
	now := time.Now()
	var soonest *tokenClient
	for i := range p.clients {
		c := p.clients[(p.next+i)%len(p.clients)]
		if c.rejected {
			continue
		}
		if !now.Before(c.blockedUntil) {
			p.next = (p.next + i + 1) % len(p.clients)
			p.mu.Unlock()
			return c, nil
		}
		if soonest == nil || c.blockedUntil.Before(soonest.blockedUntil) {
			soonest = c
		}
	}
	if soonest == nil {
		p.stopped = errRejected
		p.mu.Unlock()
		return nil, p.stopped
	}
	wait := soonest.blockedUntil.Sub(now)
	if wait > p.o.MaxRateWait {
		p.stopped = fmt.Errorf("%w until %s", errRateLimited, soonest.blockedUntil.UTC().Format("15:04 MST"))
		p.mu.Unlock()
		return nil, p.stopped
	}
	p.mu.Unlock()
	p.o.Logger.Info("github: waiting for rate limit reset", "wait", wait.Round(time.Second))
	if err := p.o.sleep(ctx, wait); err != nil {
		return nil, err
	}
	return soonest, nil
}

func (p *pool) reject(c *tokenClient) {
	p.mu.Lock()
	defer p.mu.Unlock()
	c.rejected = true
}

func (p *pool) block(c *tokenClient, until time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if until.After(c.blockedUntil) {
		c.blockedUntil = until
	}
}

// do sends a request built by newReq (called anew for each attempt, so it
// can reset the decoding target) and decodes the answer into v. It moves on
// to another token at a rate limit, and retries 5xx answers and timeouts
// with exponential backoff and jitter. check, if not nil, inspects a
// successful answer and may turn it into an error to classify, which is how
// GraphQL reports rate limits and timeouts in a 200 answer.
func (p *pool) do(ctx context.Context, newReq func(*github.Client) (*http.Request, error), v any, check func(*github.Response) error) (*github.Response, error) {
	return p.doRetrying(ctx, p.o.MaxRetries, newReq, v, check)
}

// doRetrying is do with its own bound on retries after 5xx answers and
// timeouts. When they are used up the error is an exhaustedError.
func (p *pool) doRetrying(ctx context.Context, maxRetries int, newReq func(*github.Client) (*http.Request, error), v any, check func(*github.Response) error) (*github.Response, error) {
	retries, limits := 0, 0
	for {
		c, err := p.acquire(ctx)
		if err != nil {
			return nil, err
		}
		req, err := newReq(c.gh)
		if err != nil {
			return nil, err
		}
		rctx, cancel := context.WithTimeout(ctx, p.o.RequestTimeout)
		resp, err := c.gh.Do(rctx, req, v)
		cancel()
		if err == nil && check != nil {
			err = check(resp)
		}
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return resp, ctx.Err()
		}
		kind, until := p.classify(resp, err)
		switch {
		case kind == rateLimited && limits < 2*len(p.clients)+2:
			limits++
			p.o.Logger.Debug("github: rate limited", "token", c.index, "until", until)
			p.block(c, until)
		case kind == unauthorized:
			p.o.Logger.Warn("github: token rejected", "token", c.index, "error", p.redact.String(err.Error()))
			p.reject(c)
		case kind == transient && retries >= maxRetries:
			return resp, exhaustedError{err}
		case kind == transient:
			retries++
			d := backoff(retries)
			p.o.Logger.Debug("github: retrying", "url", req.URL.Path, "after", d, "error", p.redact.String(err.Error()))
			if err := p.o.sleep(ctx, d); err != nil {
				return resp, err
			}
		default:
			return resp, err
		}
	}
}

type errorKind int

const (
	permanent errorKind = iota
	transient
	rateLimited
	unauthorized
)

// transientError marks an answer worth retrying that HTTP calls a success.
type transientError struct{ error }

// exhaustedError is a passing failure that lasted through every retry.
type exhaustedError struct{ error }

func (e exhaustedError) Unwrap() error { return e.error }

// rateLimitError is a rate limit reported outside go-github's checks: a 429,
// or a GraphQL RATE_LIMITED error in a 200 answer.
type rateLimitError struct {
	until time.Time
	msg   string
}

func (e *rateLimitError) Error() string { return "rate limited: " + e.msg }

// classify tells rate limits (and when they lift), passing failures and
// final answers apart, from GitHub's status codes and headers.
func (p *pool) classify(resp *github.Response, err error) (errorKind, time.Time) {
	now := time.Now()
	var rl *github.RateLimitError
	var abuse *github.AbuseRateLimitError
	var ours *rateLimitError
	var tr transientError
	var er *github.ErrorResponse
	var netErr net.Error
	switch {
	case errors.As(err, &rl):
		return rateLimited, orAfter(rl.Rate.Reset.Time, now)
	case errors.As(err, &abuse):
		if abuse.RetryAfter != nil {
			return rateLimited, now.Add(*abuse.RetryAfter)
		}
		return rateLimited, now.Add(time.Minute)
	case errors.As(err, &ours):
		return rateLimited, orAfter(ours.until, now)
	case errors.As(err, &tr):
		return transient, time.Time{}
	case errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusForbidden &&
		isSecondaryMessage(er.Message) && er.Response.Header.Get("Retry-After") == "":
		return rateLimited, now.Add(time.Minute)
	}
	if resp != nil && resp.Response != nil {
		if until, ok := limitFromHeaders(resp.Response, now); ok {
			return rateLimited, until
		}
		if resp.StatusCode == http.StatusUnauthorized {
			return unauthorized, time.Time{}
		}
		if resp.StatusCode >= 500 { // a 202 is the caller's to ask again later
			return transient, time.Time{}
		}
		return permanent, time.Time{}
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.As(err, &netErr) {
		return transient, time.Time{}
	}
	return permanent, time.Time{}
}

// limitFromHeaders reads the rate limit headers of 403 and 429 answers that
// go-github does not turn into rate limit errors itself.
func limitFromHeaders(r *http.Response, now time.Time) (time.Time, bool) {
	if r.StatusCode != http.StatusForbidden && r.StatusCode != http.StatusTooManyRequests {
		return time.Time{}, false
	}
	if s := r.Header.Get("Retry-After"); s != "" {
		if secs, err := strconv.Atoi(s); err == nil {
			return now.Add(time.Duration(secs) * time.Second), true
		}
	}
	if r.Header.Get("X-RateLimit-Remaining") == "0" {
		reset, _ := strconv.ParseInt(r.Header.Get("X-RateLimit-Reset"), 10, 64)
		return orAfter(time.Unix(reset, 0), now), true
	}
	if r.StatusCode == http.StatusTooManyRequests {
		return now.Add(time.Minute), true
	}
	return time.Time{}, false
}

// orAfter returns a usable end of a rate limit: a missing or past reset time
// still means waiting a moment, as GitHub's clock may run ahead of ours.
func orAfter(t, now time.Time) time.Time {
	if t.IsZero() || t.Year() < 2000 {
		return now.Add(time.Minute)
	}
	if t.Before(now.Add(time.Second)) {
		return now.Add(time.Second)
	}
	return t.Add(time.Second)
}

// backoff is 1s, 2s, 4s... capped at 30s, each drawn from its upper half so
// that many clients retrying at once do not stay in step.
func backoff(retry int) time.Duration {
	d := min(time.Second<<(retry-1), 30*time.Second)
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// isSecondaryMessage recognises secondary rate limit answers that come
// without a Retry-After header.
func isSecondaryMessage(s string) bool {
	return strings.Contains(strings.ToLower(s), "secondary rate limit")
}

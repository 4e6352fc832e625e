package gh

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultAPIURL is the REST base of github.com.
const DefaultAPIURL = "https://api.github.com/"

// Options configure Fetch. The zero value fetches nothing (no token) and
// keeps no cache; OptionsFromEnv fills in what CI provides.
type Options struct {
	// Tokens are used in turn, so a landscape can spread its requests over
	// several rate limits. No token means cache only.
	Tokens []string
	// APIURL is the REST base, https://api.github.com/ by default; GitHub
	// Enterprise and tests point it elsewhere.
	APIURL string
	// GraphQLURL defaults to the graphql endpoint next to APIURL.
	GraphQLURL string
	// HTTPClient is copied, never modified; nil means a plain client.
	HTTPClient *http.Client
	// CacheDir holds one file per repository, under github/; "" keeps no
	// cache. It can be kept between CI runs or committed.
	CacheDir string
	// Lifetime of a cache entry before it is refreshed (default 24h); each
	// entry gets ±10% jitter so that refreshes spread over several runs.
	Lifetime time.Duration
	// Offline uses the cache only, whatever its age.
	Offline bool
	// StarsOnly asks only the batched GraphQL query (stars and the other
	// facts it returns, one request per BatchSize repositories) and no
	// per-repository request: no contributor counts. What it fetches is not
	// saved, since the entries would lack those facts. The pull-request
	// check sets it, with no CacheDir so that nothing a pull request can
	// write is read: its rules need stars only, and a large landscape must
	// stay within a CI token's hourly rate limit.
	StarsOnly bool
	// Logger receives each problem as a warning and retries as debug
	// lines, tokens redacted; nil discards them.
	Logger *slog.Logger
	// Progress receives a progress display; nil is silent. When
	// ProgressTerminal is set the line is redrawn with a count and ETA,
	// otherwise plain lines are written every ProgressInterval (default 10s).
	Progress         io.Writer
	ProgressTerminal bool
	ProgressInterval time.Duration
	// Now stands in for time.Now in tests.
	Now func() time.Time

	// BatchSize is the number of repositories per GraphQL query (default 50).
	BatchSize int
	// Concurrency bounds the requests in flight (default 8).
	Concurrency int
	// MaxRetries bounds the retries of a request after 5xx answers and
	// timeouts (default 3).
	MaxRetries int
	// RequestTimeout bounds one request (default 30s).
	RequestTimeout time.Duration
	// StatsRetryDelay is the pause before asking again for the commit
	// activity of repositories GitHub answered 202 for while it computes
	// the figures (default 5s); it is asked twice more in a run at most.
	StatsRetryDelay time.Duration
	// MaxRateWait is how long Fetch waits for a rate limit to reset before
	// it gives up and keeps cached values (default 60s).
	MaxRateWait time.Duration

	// sleep stands in for a timer in tests.
	sleep func(context.Context, time.Duration) error
}

// String describes the options without the tokens, so printing or logging
// them never shows a secret.
func (o Options) String() string {
	return fmt.Sprintf("gh.Options{%d tokens, APIURL: %q, GraphQLURL: %q, CacheDir: %q, Lifetime: %v, Offline: %v, StarsOnly: %v}",
		len(o.Tokens), o.APIURL, o.GraphQLURL, o.CacheDir, o.Lifetime, o.Offline, o.StarsOnly)
}

// GoString keeps %#v from printing the tokens too.
func (o Options) GoString() string { return o.String() }

// LogValue keeps slog from printing the tokens.
func (o Options) LogValue() slog.Value { return slog.StringValue(o.String()) }

// OptionsFromEnv reads the variables GitHub Actions and GitHub Enterprise
// users set: GITHUB_TOKEN, GITHUB_TOKENS (comma-separated), GITHUB_API_URL
// and GITHUB_GRAPHQL_URL.
func OptionsFromEnv(getenv func(string) string) Options {
	var tokens []string
	seen := map[string]bool{}
	for _, t := range append(strings.Split(getenv("GITHUB_TOKENS"), ","), getenv("GITHUB_TOKEN")) {
		t = strings.TrimSpace(t)
		if t != "" && !seen[t] {
			seen[t] = true
			tokens = append(tokens, t)
		}
	}
	return Options{
		Tokens:     tokens,
		APIURL:     strings.TrimSpace(getenv("GITHUB_API_URL")),
		GraphQLURL: strings.TrimSpace(getenv("GITHUB_GRAPHQL_URL")),
	}
}

// withDefaults validates the options and fills in every default, so the rest
// of the package never checks for zero values.
func (o Options) withDefaults() (Options, error) {
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	api, err := parseBase(o.APIURL)
	if err != nil {
		return o, fmt.Errorf("github api url: %w", err)
	}
	o.APIURL = api.String()
	if o.GraphQLURL == "" {
		o.GraphQLURL = graphQLURLFor(api)
	}
	if _, err := parseBase(o.GraphQLURL); err != nil {
		return o, fmt.Errorf("github graphql url: %w", err)
	}
	if o.Lifetime < 0 {
		return o, errors.New("github cache lifetime: negative")
	}
	var tokens []string
	for _, t := range o.Tokens {
		if t = strings.TrimSpace(t); t != "" {
			tokens = append(tokens, t)
		}
	}
	o.Tokens = tokens
	o.Lifetime = orDefault(o.Lifetime, 24*time.Hour)
	o.ProgressInterval = orDefault(o.ProgressInterval, 10*time.Second)
	o.RequestTimeout = orDefault(o.RequestTimeout, 30*time.Second)
	o.MaxRateWait = orDefault(o.MaxRateWait, 60*time.Second)
	o.StatsRetryDelay = orDefault(o.StatsRetryDelay, 5*time.Second)
	o.BatchSize = orDefault(o.BatchSize, 50)
	o.Concurrency = orDefault(o.Concurrency, 8)
	o.MaxRetries = orDefault(o.MaxRetries, 3)
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.sleep == nil {
		o.sleep = sleepContext
	}
	return o, nil
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// parseBase checks an absolute http(s) URL and gives it the trailing slash
// go-github needs.
func parseBase(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	if u.User != nil {
		return nil, errors.New("credentials in the URL are not supported; use GITHUB_TOKEN")
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an absolute http(s) URL", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// graphQLURLFor derives the GraphQL endpoint the way GitHub lays them out:
// https://api.github.com/graphql, and https://host/api/graphql next to a
// GitHub Enterprise Server's https://host/api/v3/.
func graphQLURLFor(api *url.URL) string {
	g := *api
	if strings.HasSuffix(g.Path, "/api/v3/") {
		g.Path = strings.TrimSuffix(g.Path, "v3/") + "graphql"
	} else {
		g.Path += "graphql"
	}
	return g.String()
}

func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

package gh

import (
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"

	"github.com/google/go-github/v50/github"
)

// authTransport adds a token to requests for the configured GitHub origins
// (scheme and host) only, so a redirect to another host, or to plain http,
// never carries the token along.
type authTransport struct {
	token   string
	origins map[string]bool
	base    http.RoundTripper
}

func origin(u *url.URL) string { return strings.ToLower(u.Scheme + "://" + u.Host) }

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.origins[origin(req.URL)] {
		req = req.Clone(req.Context())
		req.Header.Set("Authorization", "Bearer "+t.token)
	}
	return t.base.RoundTrip(req)
}

// countingTransport counts every request that goes out, retries and
// redirects included, for Stats.Requests.
type countingTransport struct {
	n    *atomic.Int64
	base http.RoundTripper
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return t.base.RoundTrip(req)
}

// newClients builds one go-github client per token, each over a copy of the
// injected HTTP client, all counting into n.
func newClients(o Options, n *atomic.Int64) []*tokenClient {
	base := o.HTTPClient.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	origins := map[string]bool{}
	for _, s := range []string{o.APIURL, o.GraphQLURL} {
		if u, err := url.Parse(s); err == nil {
			origins[origin(u)] = true
		}
	}
	api, _ := url.Parse(o.APIURL) // checked by withDefaults
	var clients []*tokenClient
	for i, tok := range o.Tokens {
		hc := *o.HTTPClient
		hc.Transport = &authTransport{token: tok, origins: origins, base: &countingTransport{n: n, base: base}}
		c := github.NewClient(&hc)
		c.BaseURL = api
		c.UserAgent = "landscape"
		clients = append(clients, &tokenClient{gh: c, index: i + 1})
	}
	return clients
}

// redactor removes tokens from any text that may reach the user: error
// messages can quote request details or a server's echo of them.
type redactor []string

func (r redactor) String(s string) string {
	for _, t := range r {
		if t != "" {
			s = strings.ReplaceAll(s, t, "[redacted]")
		}
	}
	return s
}

package gh

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/go-github/v50/github"
)

// errTooManyContributors is GitHub's answer for repositories whose
// contributor list it will not count (the largest ones, like Linux).
var errTooManyContributors = errors.New("contributor list too large for GitHub to count")

// contributors counts a repository's contributors (anonymous ones included)
// from one request: with per_page=1 the Link header's last page number is
// the count. The ETag of the previous answer makes the request conditional;
// notModified says the cached count still holds.
func (f *fetcher) contributors(ctx context.Context, nameWithOwner, etag string) (count int, newETag string, notModified bool, err error) {
	path := fmt.Sprintf("repos/%s/contributors?per_page=1&anon=true", nameWithOwner)
	var page []json.RawMessage
	newReq := func(c *github.Client) (*http.Request, error) {
		page = nil
		req, err := c.NewRequest("GET", path, nil)
		if err == nil && etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		return req, err
	}
	resp, err := f.pool.do(ctx, newReq, &page, nil)
	var er *github.ErrorResponse
	switch {
	case errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusNotModified:
		return 0, etag, true, nil
	case errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusForbidden &&
		strings.Contains(strings.ToLower(er.Message), "too large"):
		return 0, "", false, errTooManyContributors
	case err != nil:
		return 0, "", false, fmt.Errorf("contributors: %w", err)
	}
	count = len(page)
	if resp.LastPage > 0 {
		count = resp.LastPage
	}
	return count, resp.Header.Get("ETag"), false, nil
}

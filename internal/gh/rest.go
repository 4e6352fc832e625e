package gh

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

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

// errStatsPending is GitHub's 202 answer to a statistics request: it is
// computing the figures, and the request is to be made again later.
var errStatsPending = errors.New("GitHub is still computing the commit activity")

// participation fetches the weekly commit counts of the default branch for
// the last 52 weeks (one request, conditional on the ETag of the last
// answer, so an unchanged year costs nothing).
func (f *fetcher) participation(ctx context.Context, nameWithOwner, etag string) (weekly []int, newETag string, notModified bool, err error) {
	path := fmt.Sprintf("repos/%s/stats/participation", nameWithOwner)
	var out struct {
		All []int `json:"all"`
	}
	newReq := func(c *github.Client) (*http.Request, error) {
		out.All = nil
		req, err := c.NewRequest("GET", path, nil)
		if err == nil && etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		return req, err
	}
	resp, err := f.pool.do(ctx, newReq, &out, nil)
	var er *github.ErrorResponse
	var accepted *github.AcceptedError
	switch {
	case errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusNotModified:
		return nil, etag, true, nil
	case errors.As(err, &accepted):
		return nil, "", false, errStatsPending
	case err != nil:
		return nil, "", false, fmt.Errorf("commit activity: %w", err)
	}
	if len(out.All) > 52 {
		out.All = out.All[len(out.All)-52:]
	}
	for _, n := range out.All {
		if n < 0 {
			return nil, "", false, errors.New("commit activity: negative count in the answer")
		}
	}
	return out.All, resp.Header.Get("ETag"), false, nil
}

// firstCommit finds the date of a branch's oldest commit from one request:
// the commit list is newest first, so with per_page=1 the oldest commit is
// alone on page count, the commit count GraphQL gave. branch "" is the
// default branch.
func (f *fetcher) firstCommit(ctx context.Context, nameWithOwner, branch string, count int) (time.Time, error) {
	q := url.Values{"per_page": {"1"}, "page": {strconv.Itoa(count)}}
	if branch != "" {
		q.Set("sha", branch)
	}
	path := fmt.Sprintf("repos/%s/commits?%s", nameWithOwner, q.Encode())
	var page []struct {
		Commit struct {
			Author    struct{ Date time.Time } `json:"author"`
			Committer struct{ Date time.Time } `json:"committer"`
		} `json:"commit"`
	}
	newReq := func(c *github.Client) (*http.Request, error) {
		page = nil
		return c.NewRequest("GET", path, nil)
	}
	if _, err := f.pool.do(ctx, newReq, &page, nil); err != nil {
		return time.Time{}, fmt.Errorf("first commit: %w", err)
	}
	if len(page) != 1 {
		return time.Time{}, fmt.Errorf("first commit: %d commits on page %d", len(page), count)
	}
	c := page[0].Commit
	// The author date is when the work was written; a history rewritten or
	// imported keeps it, while the committer date moves.
	if d := c.Author.Date; !d.IsZero() && (c.Committer.Date.IsZero() || d.Before(c.Committer.Date)) {
		return d.UTC(), nil
	}
	return c.Committer.Date.UTC(), nil
}

package gh

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Repo holds the GitHub facts the site shows and the rules check. It is
// written into public/data/items.json, hence the JSON tags.
type Repo struct {
	URL           string         `json:"url"`
	Owner         string         `json:"owner"`
	Name          string         `json:"name"`
	Stars         int            `json:"stars"`
	Forks         int            `json:"forks"`
	Description   string         `json:"description,omitempty"`
	Homepage      string         `json:"homepage,omitempty"`
	License       string         `json:"license,omitempty"` // SPDX id; NOASSERTION for a license GitHub cannot name
	Language      string         `json:"language,omitempty"`
	Languages     map[string]int `json:"languages,omitempty"`
	CreatedAt     time.Time      `json:"created_at,omitzero"`
	LatestCommit  time.Time      `json:"latest_commit,omitzero"`
	LatestRelease *Release       `json:"latest_release,omitempty"`
	Contributors  int            `json:"contributors"`
	Archived      bool           `json:"archived,omitempty"`
	Topics        []string       `json:"topics,omitempty"`
	OpenIssues    int            `json:"open_issues"`
	OpenPRs       int            `json:"open_pull_requests"`
	Releases      int            `json:"releases"`
	Profile       *Owner         `json:"owner_profile,omitempty"` // the owner's profile
	// FirstCommit is the date of the oldest commit of the branch; it never
	// changes, so it is fetched once and kept.
	FirstCommit time.Time `json:"first_commit,omitzero"`
	// Activity is the commits per week on the default branch over the last
	// 52 weeks, oldest first, as of ActivityFetchedAt.
	Activity []int `json:"activity,omitempty"`
	// FetchedAt dates the GraphQL facts (every field without a date of its
	// own); the others are dated apart, since each may be older when its
	// refresh failed or, for FirstCommit, was never needed again.
	FetchedAt             time.Time `json:"fetched_at,omitzero"`
	ContributorsFetchedAt time.Time `json:"contributors_fetched_at,omitzero"`
	ActivityFetchedAt     time.Time `json:"activity_fetched_at,omitzero"`
	FirstCommitFetchedAt  time.Time `json:"first_commit_fetched_at,omitzero"`
	// Stale is set when the values are older than the cache lifetime
	// because a refresh failed or was not possible.
	Stale bool `json:"stale,omitempty"`
	// RenamedTo is the repository's new URL when GitHub redirects to it.
	RenamedTo string `json:"renamed_to,omitempty"`
	// NotFound is set when GitHub says the repository does not exist
	// (deleted, or made private); older values are kept.
	NotFound bool `json:"not_found,omitempty"`
}

// Owner is the profile of a repository's owner: for an organization, its
// display name, description, location and website.
type Owner struct {
	Login        string `json:"login"`
	Organization bool   `json:"organization,omitempty"` // an organization, not a person's account
	Name         string `json:"name,omitempty"`
	Description  string `json:"description,omitempty"`
	Location     string `json:"location,omitempty"`
	Website      string `json:"website,omitempty"`
}

// CommitsLastYear sums the weekly activity.
func (r *Repo) CommitsLastYear() int {
	n := 0
	for _, c := range r.Activity {
		n += c
	}
	return n
}

// Release is a repository's latest published release.
type Release struct {
	Tag  string    `json:"tag"`
	Date time.Time `json:"date"`
}

// Result is what Fetch learned. Repos has an entry for every URL for which
// any facts are known, fresh or cached.
type Result struct {
	Repos    map[string]*Repo
	Stats    Stats
	Problems []Problem
	// Notices are said once per run, not per repository.
	Notices []string
}

// Problem is something wrong with one repository: it was renamed, deleted,
// or could not be refreshed.
type Problem struct {
	URL     string
	Message string
}

func (p Problem) String() string { return p.URL + ": " + p.Message }

// Stats count the work of a Fetch, so CI logs show what the GitHub stage cost.
type Stats struct {
	Repos    int // distinct repositories (and branches) asked for
	Requests int // HTTP requests sent, retries included
	// NotModified counts conditional requests answered 304, which GitHub
	// does not charge to the rate limit.
	NotModified int
	// GraphQLPoints is what GitHub charged the GraphQL rate limit, as its
	// answers report (rateLimit.cost).
	GraphQLPoints int
	FromCache     int // served from the cache without asking GitHub
	Fetched       int // refreshed from GitHub
	Failed        int // refresh failed: cached values kept, if any
	Missing       int // no facts at all: neither fetched nor cached
}

// Counted is the number of requests charged to the REST rate limit:
// every request but those answered 304.
func (s Stats) Counted() int { return s.Requests - s.NotModified }

// String summarises a run in one line for the build log.
func (s Stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "github: %s repositories, %s requests", thousands(s.Repos), thousands(s.Requests))
	if s.NotModified > 0 {
		fmt.Fprintf(&b, " (%s not modified, free)", thousands(s.NotModified))
	}
	if s.GraphQLPoints > 0 {
		fmt.Fprintf(&b, ", %s GraphQL points", thousands(s.GraphQLPoints))
	}
	if s.Failed > 0 {
		fmt.Fprintf(&b, ", %s failed: kept cached values", thousands(s.Failed))
	}
	if s.Missing > 0 {
		fmt.Fprintf(&b, ", %s without data", thousands(s.Missing))
	}
	return b.String()
}

// thousands formats n with comma separators: 1013 -> "1,013".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

package e2e

import (
	"context"
	"crypto/sha256"
	"strings"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
	"github.com/serverless-landscape/landscape/internal/site"
)

// fakeGitHubFacts gives every GitHub repository of s plausible facts
// derived from its URL, serves them from the fake GitHub, and fetches them
// with package gh into the site, as a build's GitHub stage does.
func fakeGitHubFacts(tb testing.TB, s *site.Site) {
	tb.Helper()
	srv := ghtest.NewServer(tb)
	var refs []gh.RepoRef
	seen := map[string]bool{}
	for _, it := range s.Items {
		for _, r := range it.Repos {
			owner, name, ok := gh.ParseRepoURL(r.URL)
			if !ok || seen[r.URL] {
				continue
			}
			seen[r.URL] = true
			refs = append(refs, gh.RepoRef{URL: r.URL, Branch: r.Branch})
			fr := madeUpRepo(r.URL, owner, name)
			if r.Branch != "" {
				fr.Branches = map[string]time.Time{r.Branch: fr.LatestCommit}
			}
			srv.Add(fr)
		}
	}
	now := time.Date(2026, 8, 7, 12, 0, 0, 0, time.UTC)
	res, err := gh.Fetch(context.Background(), gh.Options{Tokens: []string{"e2e-token"}, APIURL: srv.APIURL(),
		HTTPClient: srv.Client(), CacheDir: tb.TempDir(), Now: func() time.Time { return now }}, refs)
	if err != nil {
		tb.Fatal(err)
	}
	build.ApplyGitHub(s, res.Repos)
}

// madeUpRepo derives a repository's facts from a hash of its URL.
func madeUpRepo(url, owner, name string) ghtest.Repo {
	h := sha256.Sum256([]byte(url))
	n := int(h[0])<<8 | int(h[1])
	commit := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n%2400)
	licenses := []string{"Apache-2.0", "MIT", "BSD-3-Clause", "GPL-3.0", "MPL-2.0", "AGPL-3.0"}
	languages := []string{"Go", "Rust", "Python", "Java", "TypeScript", "C++", "Shell"}
	lang := languages[int(h[3])%len(languages)]
	weekly := make([]int, 52)
	for i := range weekly {
		weekly[i] = int(h[(i%28)+4]) % (1 + n%60)
	}
	return ghtest.Repo{Owner: owner, Name: name, Stars: n % 30000, Forks: n % 3000,
		License: licenses[int(h[2])%len(licenses)], Language: lang,
		Languages:    map[string]int{lang: 50000 + n*10, "Shell": 2000 + int(h[5])*10, "Makefile": 300 + int(h[6]), "Dockerfile": int(h[7]) * 3},
		LatestCommit: commit, Contributors: n % 900, Commits: 1 + n%5000,
		FirstCommit: commit.AddDate(-1-n%8, 0, 0), Weekly: weekly,
		OpenIssues: n % 700, OpenPRs: n % 90, Releases: n % 120,
		Release: &ghtest.Release{Tag: "v1." + strings.Repeat("1", 1+int(h[4])%2) + ".0", Date: commit},
		Profile: ghtest.Owner{Type: "Organization", // no display name: the corpora's organization names stay
			Description: "The " + owner + " organization on GitHub", Location: "Earth", Website: "https://" + owner + ".example.org"},
	}
}

package e2e

import (
	"context"
	"crypto/sha256"
	"strconv"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
	"github.com/serverless-landscape/landscape/internal/site"
)

// fetchFacts gives every repository of s GitHub facts the way a build gets
// them: gh.Fetch asks the fake GitHub of internal/gh/ghtest, which answers
// with plausible facts derived from each URL (the corpora have none), and
// the build's own code applies them.
func fetchFacts(tb testing.TB, s *site.Site) {
	tb.Helper()
	srv := ghtest.NewServer(tb)
	var refs []gh.RepoRef
	seen := map[string]bool{}
	for _, it := range s.Items {
		for _, r := range it.Repos {
			owner, name, ok := gh.ParseRepoURL(r.URL)
			if !ok || seen[owner+"/"+name] {
				continue
			}
			seen[owner+"/"+name] = true
			srv.Add(madeUpRepo(owner, name))
			refs = append(refs, gh.RepoRef{URL: r.URL, Branch: r.Branch})
		}
	}
	res, err := gh.Fetch(context.Background(), gh.Options{Tokens: []string{"test"}, APIURL: srv.APIURL(), Concurrency: 4}, refs)
	if err != nil {
		tb.Fatal(err)
	}
	build.ApplyGitHub(s, res.Repos)
}

// madeUpRepo derives plausible facts from a repository's name.
func madeUpRepo(owner, name string) ghtest.Repo {
	h := sha256.Sum256([]byte(owner + "/" + name))
	n := int(h[0])<<8 | int(h[1])
	commit := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n%2400)
	licenses := []string{"Apache-2.0", "MIT", "BSD-3-Clause", "GPL-3.0", "MPL-2.0", "AGPL-3.0"}
	languages := []string{"Go", "Rust", "Python", "Java", "TypeScript", "C++", "Shell"}
	lang := languages[int(h[3])%len(languages)]
	return ghtest.Repo{
		Owner: owner, Name: name, Stars: n % 30000, Forks: n % 3000,
		Description: "The " + name + " project of " + owner + ".",
		License:     licenses[int(h[2])%len(licenses)], Language: lang, Languages: map[string]int{lang: 1000 + n},
		CreatedAt: commit.AddDate(-3, 0, 0), LatestCommit: commit, Contributors: n % 900,
		Release: &ghtest.Release{Tag: "v1." + strconv.Itoa(int(h[4])%20) + ".0", Date: commit},
		Topics:  []string{"cloud-native", lang},
	}
}

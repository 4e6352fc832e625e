package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// TestCheckCorpusRequests counts what checking cncf-full costs against
// GitHub: a change of two items is one GraphQL request, and the whole
// landscape without a base one request per 50 repositories, with nothing
// per repository, well within a CI token's 1,000 requests an hour. The
// logos folder is empty: logo problems are the base's too and cost no
// request.
func TestCheckCorpusRequests(t *testing.T) {
	r, srv, repos := newCorpusRepo(t)
	head := corpusChange(t, r)
	cache := filepath.Join(t.TempDir(), "cache")
	code, stdout, stderr := r.check(t, head, "--base", "HEAD", "--cache-dir", cache)
	if !strings.Contains(stderr, "1 added, 0 removed, 1 changed, 0 moved") {
		t.Fatalf("exit %d: the change is not the one meant:\n%s", code, stderr)
	}
	assertRequests(t, srv, 1, "a change of two items")
	if strings.Contains(stdout, "\"Big\": repo_url") {
		t.Errorf("the 5,000-star item was not checked as passing:\n%s", stdout)
	}

	srv.ResetRequests()
	r.check(t, head, "--cache-dir", cache, "--strict")
	assertRequests(t, srv, (repos+1+49)/50, "the whole landscape")
	t.Logf("cncf-full: %d repositories, %d requests for the whole landscape", repos+1, srv.Count())
}

// newCorpusRepo is a git repository holding cncf-full's landscape.yml and
// its landscape2-sites settings as the base commit, with an empty logos
// folder (logo problems are then the base's, and cost nothing), and a fake
// GitHub that knows every repository of it: it returns their number.
func newCorpusRepo(t *testing.T) (*checkRepo, *ghtest.Server, int) {
	t.Helper()
	if testing.Short() {
		t.Skip("short: skipping the cncf-full check")
	}
	corpus := filepath.Join("..", "..", "..", "shared", "corpora", "cncf-full")
	data, err := os.ReadFile(filepath.Join(corpus, "landscape.yml"))
	if err != nil {
		t.Skipf("cncf-full corpus not found at %s: skipping", corpus)
	}
	settings, err := os.ReadFile(filepath.Join(corpus, "landscape2-sites", "settings.yml"))
	if err != nil {
		t.Fatal(err)
	}
	r := &checkRepo{dir: t.TempDir(), base: data}
	r.data = filepath.Join(r.dir, "landscape.yml")
	r.summary = filepath.Join(t.TempDir(), "summary.md")
	write(t, r.data, string(data))
	write(t, filepath.Join(r.dir, "settings.yml"), string(settings))
	write(t, filepath.Join(r.dir, "hosted_logos", "README.md"), "logos\n")
	r.git(t, "init", "-q")
	r.git(t, "add", ".")
	r.git(t, "commit", "-q", "-m", "base")

	srv := ghtest.NewServer(t)
	l, _ := landscape.Parse("landscape.yml", data)
	repos := map[string]bool{}
	for _, it := range l.Items {
		for _, repo := range it.Repos() {
			if owner, name, ok := gh.ParseRepoURL(repo.URL); ok {
				srv.Add(ghtest.Repo{Owner: owner, Name: name, Stars: 1000})
				repos[repo.URL] = true
			}
		}
	}
	srv.Add(ghtest.Repo{Owner: "big", Name: "project", Stars: 5000})
	t.Setenv("GITHUB_API_URL", srv.APIURL())
	t.Setenv("GITHUB_GRAPHQL_URL", "")
	t.Setenv("GITHUB_TOKEN", "fake-token")
	t.Setenv("GITHUB_TOKENS", "")
	t.Setenv("GITHUB_STEP_SUMMARY", r.summary)
	r.github = srv
	return r, srv, len(repos)
}

// corpusChange changes the description of cncf-full's first item with a
// repository and adds a 5,000-star project whose logo is missing.
func corpusChange(t *testing.T, r *checkRepo) string {
	t.Helper()
	head := string(r.base)
	i := strings.Index(head, "            repo_url: https://github.com/")
	head = head[:i] + "            description: changed\n" + head[i:]
	head, _ = insert(t, head, "Scheduling & Orchestration", "name: Big", "homepage_url: https://big.example", "logo: big.svg", "repo_url: https://github.com/big/project")
	return head
}

func assertRequests(t *testing.T, srv *ghtest.Server, want int, what string) {
	t.Helper()
	reqs := srv.Requests()
	for _, q := range reqs {
		if q.Path != "/graphql" {
			t.Errorf("%s: got a request for %s, want GraphQL only", what, q.Path)
			break
		}
	}
	if len(reqs) != want {
		t.Errorf("%s: got %d requests, want %d", what, len(reqs), want)
	}
}

package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/gh"
)

// forge writes the GitHub facts cache entry a hostile pull request would
// force-add: many stars, an expiry far away. It checks that the entry is
// one gh would serve, so that the tests below prove the check ignores a
// valid entry, not a malformed one.
func forge(t *testing.T, cacheDir, owner, name string, stars int) {
	t.Helper()
	e := map[string]any{
		"schema": 1, "key": owner + "/" + name,
		"fetched_at": "2026-01-01T00:00:00Z", "expires_at": "2999-01-01T00:00:00Z",
		"repo": map[string]any{"url": "https://github.com/" + owner + "/" + name, "owner": owner, "name": name, "stars": stars},
	}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(cacheDir, "github", owner, name+".json"), string(b))
	url := "https://github.com/" + owner + "/" + name
	res, err := gh.Fetch(context.Background(), gh.Options{CacheDir: cacheDir, Offline: true, Now: func() time.Time { return time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC) }}, []gh.RepoRef{{URL: url}})
	if err != nil || res.Repos[url] == nil || res.Repos[url].Stars != stars {
		t.Fatalf("the forged entry is not one gh reads: %v, %+v", err, res.Repos[url])
	}
}

// TestCheckIgnoresForgedCache: a pull request that force-adds a GitHub
// facts cache cannot pass the star rule with it. The stars of what the
// change touches come from GitHub (one GraphQL request, nothing per
// repository), and without a token they are not checked.
func TestCheckIgnoresForgedCache(t *testing.T) {
	r := newCheckRepo(t)
	cache := filepath.Join(r.dir, ".cache")
	forge(t, cache, "tiny", "project", 987654)
	r.git(t, "add", "-f", ".cache")
	tiny, line := insert(t, string(r.base), "Tools", "name: Tiny", "homepage_url: https://tiny.example", "logo: dashbird.svg", "repo_url: https://github.com/tiny/project")

	r.github.ResetRequests()
	code, stdout, stderr := r.check(t, tiny, "--base", "HEAD", "--strict", "--cache-dir", cache)
	if code != 1 || !strings.Contains(stdout, "landscape.yml:"+strconv.Itoa(line)+":23: error: item \"Tiny\": repo_url: 120 stars, fewer than the 300") {
		t.Errorf("forged cache: got exit %d, want 1 and the real 120 stars\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	reqs := r.github.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/graphql" {
		var paths []string
		for _, q := range reqs {
			paths = append(paths, q.Method+" "+q.Path)
		}
		t.Errorf("got requests %q, want one GraphQL request for the one repository the change adds", paths)
	}
	if !strings.Contains(stdout, "warning: the change adds or modifies 1 file in the cache folder, which git ignores (.cache/github/tiny/project.json)") {
		t.Errorf("the forged cache file is not reported for review:\n%s", stdout)
	}
	if s := r.stepSummary(t); !strings.Contains(s, "### Needs a maintainer's review") || !strings.Contains(s, "❌ fail: 120 stars") {
		t.Errorf("summary lacks the review section or the real stars:\n%s", s)
	}

	t.Setenv("GITHUB_TOKEN", "")
	r.github.ResetRequests()
	code, stdout, _ = r.check(t, tiny, "--base", "HEAD", "--strict", "--cache-dir", cache)
	if code != 1 || !strings.Contains(stdout, "error: item \"Tiny\": repo_url: not checked: no GitHub data for 1 repository") {
		t.Errorf("forged cache, no token: got exit %d, want 1 and not checked\n%s", code, stdout)
	}
	if n := r.github.Count(); n != 0 {
		t.Errorf("no token: got %d requests, want none", n)
	}
}

// TestCheckIgnoresForgedBaseFacts: the stars of an item's base version
// decide whether its failure is new, so they come from GitHub too. A
// forged entry saying the item's old repository had 5 stars would
// otherwise make the new 120-star repository's failure look old.
func TestCheckIgnoresForgedBaseFacts(t *testing.T) {
	r := newCheckRepo(t)
	cache := filepath.Join(t.TempDir(), "cache") // outside the repository, as the action keeps it
	forge(t, cache, "grycap", "scar", 5)
	head := strings.Replace(string(r.base), "repo_url: https://github.com/grycap/scar\n", "repo_url: https://github.com/tiny/project\n", 1)
	code, stdout, stderr := r.check(t, head, "--base", "HEAD", "--cache-dir", cache)
	if code != 1 || !strings.Contains(stdout, "error: item \"SCAR\": repo_url: 120 stars") {
		t.Errorf("got exit %d, want the change's failure as an error\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestCheckAsksOnlyForTouchedItems: items the change leaves alone cost no
// request, so that checking a change to a landscape of thousands of
// repositories stays within a CI token's rate limit; their facts come from
// the cache when it has them.
func TestCheckAsksOnlyForTouchedItems(t *testing.T) {
	r := newCheckRepo(t)
	cache := filepath.Join(t.TempDir(), "cache")
	r.github.ResetRequests()
	code, stdout, stderr := r.check(t, string(r.base), "--base", "HEAD", "--cache-dir", cache, "--show-existing")
	if code != 0 || r.github.Count() != 0 {
		t.Errorf("unchanged landscape: got exit %d and %d requests, want 0 and none\n%s%s", code, r.github.Count(), stdout, stderr)
	}
	// A cached entry (a build's) still shows an untouched item's old problem.
	forge(t, cache, "motdotla", "node-lambda", 50)
	_, stdout, _ = r.check(t, string(r.base), "--base", "HEAD", "--cache-dir", cache, "--show-existing")
	if !strings.Contains(stdout, "warning: item \"Node Lambda\": repo_url: 50 stars, fewer than the 300") || r.github.Count() != 0 {
		t.Errorf("got %d requests, want none and the cached failure as an old problem:\n%s", r.github.Count(), stdout)
	}
}

// TestCheckJudgesByBaseRules: a change is judged by the rules and
// exemptions of the base revision, whatever it does to settings.yml or to
// its own items; every such edit is listed for a maintainer's review, at
// its line.
func TestCheckJudgesByBaseRules(t *testing.T) {
	r := newCheckRepo(t)
	base := string(r.base)
	tiny, tinyLine := insert(t, base, "Tools", "name: Tiny", "homepage_url: https://tiny.example", "logo: dashbird.svg", "repo_url: https://github.com/tiny/project")
	project, projectLine := insert(t, base, "Tools", "name: Tiny", "homepage_url: https://tiny.example", "logo: dashbird.svg", "project: sandbox", "repo_url: https://github.com/tiny/project")
	closed, closedLine := insert(t, base, "Tools", "name: Tiny", "homepage_url: https://tiny.example", "logo: dashbird.svg", "open_source: false", "repo_url: https://github.com/tiny/project")
	ibm, _ := insert(t, base, "Security", "name: IBM Guard", "homepage_url: https://ibm.example/guard", "logo: dashbird.svg", "crunchbase: https://www.crunchbase.com/organization/ibm")
	settings := filepath.Join(r.dir, "settings.yml")
	tinyErr := "landscape.yml:" + strconv.Itoa(tinyLine) + ":23: error: item \"Tiny\": repo_url: 120 stars, fewer than the 300"
	review := ": needs a maintainer's review (this change is judged by the base revision's rules; the edit applies once merged)"

	tests := []struct {
		name, head, settings string
		code                 int
		stdout               []string
	}{
		{"min_stars lowered", tiny, strings.Replace(checkSettings, "min_stars: 300", "min_stars: 0", 1), 1,
			[]string{tinyErr, "settings.yml:3:14: warning: rules.min_stars: changed from 300 to 0" + review}},
		{"self-exemption", tiny, checkSettings + "  star_exemptions:\n    - item: Tiny\n      reason: we like it\n", 1,
			[]string{tinyErr, "settings.yml:10:7: warning: rules.star_exemptions: exemption for \"Tiny\" added" + review}},
		{"exception removed still applies", ibm, "name: Test\n", 0,
			[]string{"settings.yml:1:1: warning: rules.one_box.exceptions: exception for \"IBM\" removed" + review}},
		{"project: set by the change", project, checkSettings, 0,
			[]string{"landscape.yml:" + strconv.Itoa(projectLine-1) + ":22: warning: item \"Tiny\": project: project: \"sandbox\" exempts the item from the star rule: needs a maintainer's review"}},
		{"open_source: false with a repository", closed, checkSettings, 0,
			[]string{"landscape.yml:" + strconv.Itoa(closedLine-1) + ":26: warning: item \"Tiny\": open_source: open_source: false takes an item with a GitHub repository out of the star rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			write(t, settings, tt.settings)
			defer write(t, settings, checkSettings)
			code, stdout, stderr := r.check(t, tt.head, "--base", "HEAD", "--strict")
			if code != tt.code {
				t.Errorf("exit code: got %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			if !strings.Contains(stderr, "1 to review by a maintainer") {
				t.Errorf("stderr lacks the count of what to review:\n%s", stderr)
			}
			if s := r.stepSummary(t); !strings.Contains(s, "👀 1 part needs a maintainer's review.") || !strings.Contains(s, "### Needs a maintainer's review") {
				t.Errorf("summary lacks the review:\n%s", s)
			}
		})
	}
}

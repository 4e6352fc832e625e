package gh

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
)

// corpusRefs reads the repositories a real landscape names, the way the
// build will hand them to Fetch.
func corpusRefs(t testing.TB, name string) []RepoRef {
	path := filepath.Join("..", "..", "..", "shared", "corpora", name, "landscape.yml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("corpus %s not available (%v): it lives outside the project", name, err)
	}
	type repo struct {
		RepoURL string `yaml:"repo_url"`
		Branch  string `yaml:"branch"`
	}
	var doc struct {
		Landscape []struct {
			Subcategories []struct {
				Items []struct {
					repo            `yaml:",inline"`
					AdditionalRepos []repo `yaml:"additional_repos"`
				} `yaml:"items"`
			} `yaml:"subcategories"`
		} `yaml:"landscape"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var refs []RepoRef
	for _, c := range doc.Landscape {
		for _, sc := range c.Subcategories {
			for _, it := range sc.Items {
				for _, r := range append([]repo{it.repo}, it.AdditionalRepos...) {
					if r.RepoURL != "" {
						refs = append(refs, RepoRef{URL: r.RepoURL, Branch: r.Branch})
					}
				}
			}
		}
	}
	return refs
}

// TestCorpusRequestCount fetches every repository of the real CNCF
// landscape from the fake and checks the request budget.
func TestCorpusRequestCount(t *testing.T) {
	for _, name := range []string{"serverless", "cncf-full"} {
		t.Run(name, func(t *testing.T) {
			refs := corpusRefs(t, name)
			s := ghtest.NewServer(t)
			for _, ref := range refs {
				if owner, repo, ok := ParseRepoURL(ref.URL); ok {
					branches := map[string]time.Time{ref.Branch: t0}
					s.Add(ghtest.Repo{Owner: owner, Name: repo, Stars: 300, Contributors: 12, Branches: branches,
						Commits: 500, FirstCommit: t0.AddDate(-3, 0, 0), Weekly: weeks(52, func(w int) int { return w % 4 })})
				}
			}
			o := testOptions(t, s)
			cold := mustFetch(t, o, refs...)
			perRepo := float64(cold.Stats.Counted()) / float64(cold.Stats.Repos)
			points := float64(cold.Stats.GraphQLPoints) / float64(cold.Stats.Repos)
			t.Logf("%d refs: %v, %.2f counted requests and %.3f GraphQL points per repository; %d problems",
				len(refs), cold.Stats, perRepo, points, len(cold.Problems))
			if perRepo > 4 || points >= 1 || cold.Stats.Fetched != cold.Stats.Repos {
				t.Errorf("cold: got %v, want all fetched in at most 4 counted requests and under 1 point per repository", cold.Stats)
			}
			for _, p := range cold.Problems {
				t.Log(p)
				if !strings.Contains(p.Message, "not a GitHub repository URL") {
					t.Errorf("unexpected problem %s", p)
				}
			}
			warm := mustFetch(t, o, refs...)
			if warm.Stats.Requests != 0 || len(warm.Repos) != len(cold.Repos) {
				t.Errorf("warm: got %v with %d repos, want 0 requests and %d repos", warm.Stats, len(warm.Repos), len(cold.Repos))
			}
		})
	}
}

package build

import (
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/site"
)

// ApplyGitHub fills a site's items with GitHub facts as the build does
// (stars summed, the primary repository's language, latest commit and
// licence, archived when every repository is), for tests and benchmarks
// that fetch the facts themselves.
func ApplyGitHub(s *site.Site, facts map[string]*gh.Repo) { applyGitHub(s, facts) }

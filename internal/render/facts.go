package render

import (
	"time"

	"github.com/serverless-landscape/landscape/internal/site"
)

// primary returns the GitHub facts of the item's main repository: the first
// repository GitHub knows about. Nil when there are none.
func primary(it *site.Item) *site.RepoFacts {
	for _, r := range it.Repos {
		if r.GitHub != nil {
			return r.GitHub
		}
	}
	return nil
}

// license is the item's SPDX licence: from the data, or else GitHub's.
func license(it *site.Item) string {
	if it.License != "" {
		return it.License
	}
	if f := primary(it); f != nil {
		return f.License
	}
	return ""
}

// language is the main repository's main language.
func language(it *site.Item) string {
	if it.Language != "" {
		return it.Language
	}
	if f := primary(it); f != nil {
		return f.Language
	}
	return ""
}

// latestCommit is the newest commit over every repository.
func latestCommit(it *site.Item) *time.Time {
	latest := it.LatestCommit
	for _, r := range it.Repos {
		if r.GitHub != nil && r.GitHub.LatestCommit != nil && (latest == nil || r.GitHub.LatestCommit.After(*latest)) {
			latest = r.GitHub.LatestCommit
		}
	}
	return latest
}

// contributors counts the main repository's contributors; summing over
// repositories would count the same people twice.
func contributors(it *site.Item) int {
	if f := primary(it); f != nil {
		return f.Contributors
	}
	return 0
}

// stars is the item's star count, summed over repositories when the build
// has not summed them yet.
func stars(it *site.Item) int {
	if it.Stars > 0 {
		return it.Stars
	}
	n := 0
	for _, r := range it.Repos {
		if r.GitHub != nil {
			n += r.GitHub.Stars
		}
	}
	return n
}

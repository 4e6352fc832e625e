package change

import (
	"reflect"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// fields read each YAML key's value from an item, without positions, so
// that moving an item in the file changes none of them.
var fields = []struct {
	key string
	get func(*landscape.Item) any
}{
	{"name", func(it *landscape.Item) any { return it.Name }},
	{"homepage_url", func(it *landscape.Item) any { return it.HomepageURL }},
	{"logo", func(it *landscape.Item) any { return it.Logo }},
	{"description", func(it *landscape.Item) any { return it.Description }},
	{"repo_url", func(it *landscape.Item) any { return it.RepoURL }},
	{"branch", func(it *landscape.Item) any { return it.Branch }},
	{"additional_repos", func(it *landscape.Item) any {
		var rs []landscape.Repo
		for _, r := range it.AdditionalRepos {
			rs = append(rs, landscape.Repo{URL: r.URL, Branch: r.Branch})
		}
		return rs
	}},
	{"project", func(it *landscape.Item) any { return it.Project }},
	{"crunchbase", func(it *landscape.Item) any { return it.Crunchbase }},
	{"organization", func(it *landscape.Item) any { return it.Organization }},
	{"unnamed_organization", func(it *landscape.Item) any { return it.UnnamedOrganization }},
	{"twitter", func(it *landscape.Item) any { return it.Twitter }},
	{"bluesky_url", func(it *landscape.Item) any { return it.BlueskyURL }},
	{"license", func(it *landscape.Item) any { return it.License }},
	{"open_source", func(it *landscape.Item) any {
		if it.OpenSource == nil {
			return ""
		}
		return *it.OpenSource
	}},
	{"allow_duplicate_repo", func(it *landscape.Item) any { return it.AllowDuplicateRepo }},
	{"second_path", func(it *landscape.Item) any { return it.SecondPaths }},
	{"enduser", func(it *landscape.Item) any { return it.EndUser }},
	{"joined", func(it *landscape.Item) any { return it.Joined }},
	{"url_for_bestpractices", func(it *landscape.Item) any { return it.URLForBestPractices }},
	{"project_org", func(it *landscape.Item) any { return it.ProjectOrg }},
	{"stock_ticker", func(it *landscape.Item) any { return it.StockTicker }},
	{"slug", func(it *landscape.Item) any { // the loader fills in slugs the data leaves out
		if _, ok := it.Fields["slug"]; !ok {
			return ""
		}
		return it.Slug
	}},
	{"extra", func(it *landscape.Item) any { return it.Extra }},
}

// Fields returns the keys whose values differ between two versions of an
// item, in the order items usually list them.
func Fields(a, b *landscape.Item) []string {
	var diff []string
	for _, f := range fields {
		if !reflect.DeepEqual(f.get(a), f.get(b)) {
			diff = append(diff, f.key)
		}
	}
	return diff
}

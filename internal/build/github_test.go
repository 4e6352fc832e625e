package build

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/site"
)

// The primary repository's facts complete the item: its description when
// the data has none, and the organization's name and profile when its
// owner is an organization and the data names it only by a slug.
func TestApplyGitHub(t *testing.T) {
	day := time.Date(2026, 8, 7, 0, 0, 0, 0, time.UTC)
	facts := map[string]*gh.Repo{
		"https://github.com/acme/a": {Stars: 5, Description: "From GitHub", Activity: []int{1, 2, 3},
			FirstCommit: day, FetchedAt: day, ActivityFetchedAt: day,
			Profile: &gh.Owner{Login: "acme", Organization: true, Name: "ACME Corp.", Location: "Paris"}},
		"https://github.com/person/b": {Stars: 2, Profile: &gh.Owner{Login: "person", Name: "A Person"}},
	}
	named := &site.Item{Name: "Named", Organization: "Data Name", OrgSource: site.OrgData,
		Repos: []site.Repo{{URL: "https://github.com/acme/a", Primary: true}}}
	slug := &site.Item{Name: "Slug", Organization: "Acme", OrgSource: site.OrgSlug, Description: "Own",
		Repos: []site.Repo{{URL: "https://github.com/acme/a", Primary: true}, {URL: "https://gitee.com/x/y"}}}
	user := &site.Item{Name: "User", Repos: []site.Repo{{URL: "https://github.com/person/b", Primary: true}}}
	applyGitHub(&site.Site{Items: []*site.Item{named, slug, user}}, facts)

	if named.Organization != "Data Name" || named.Description != "From GitHub" || named.OrgProfile == nil {
		t.Errorf("named: got %q, %q, %+v; want the data's name, GitHub's description, the profile", named.Organization, named.Description, named.OrgProfile)
	}
	if slug.Organization != "ACME Corp." || slug.Description != "Own" || slug.Repos[1].GitHub != nil {
		t.Errorf("slug: got %q, %q; want GitHub's name and the own description, no facts for gitee", slug.Organization, slug.Description)
	}
	if user.Organization != "" || user.OrgProfile != nil {
		t.Errorf("user: got %q, %+v; want no organization from a person's account", user.Organization, user.OrgProfile)
	}
	got := slug.Repos[0].GitHub
	want := &site.RepoFacts{Stars: 5, Description: "From GitHub", Activity: []int{1, 2, 3}, CommitsLastYear: 6,
		FirstCommit: &day, Fetched: site.FetchDates{Facts: &day, Activity: &day},
		Owner: &site.OwnerFacts{Login: "acme", Organization: true, Name: "ACME Corp.", Location: "Paris"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("facts mismatch (-want +got):\n%s", diff)
	}
}

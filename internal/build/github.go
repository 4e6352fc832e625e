package build

import (
	"context"
	"strings"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

// GitHub fetches facts for every GitHub repository of the landscape, from the
// cache where fresh. Failures become warnings at the items' lines; they never
// stop the build.
func (o *Builder) github(ctx context.Context, l *landscape.Landscape, diags *diag.List) (map[string]*gh.Repo, error) {
	refs, where := repoRefs(l)
	res, err := o.fetchGitHub(ctx, "github", refs, nil)
	if err != nil {
		return nil, err
	}
	reportGitHub(l, where, res, diags)
	return res.Repos, nil
}

// fetchGitHub runs gh.Fetch as the stage named stage, with the builder's
// options changed by adjust (when not nil).
func (o *Builder) fetchGitHub(ctx context.Context, stage string, refs []gh.RepoRef, adjust func(*gh.Options)) (gh.Result, error) {
	var res gh.Result
	err := o.stage(stage, func() (string, error) {
		opts := o.GitHub
		opts.HTTPClient = o.client()
		opts.CacheDir = o.CacheDir // gh keeps its entries under github/ in it
		opts.Offline = opts.Offline || o.Offline
		if opts.Logger == nil {
			opts.Logger = o.Logger
		}
		if adjust != nil {
			adjust(&opts)
		}
		var err error
		res, err = gh.Fetch(ctx, opts, refs)
		if err != nil {
			return "", err
		}
		return strings.TrimPrefix(res.Stats.String(), "github: "), nil
	})
	return res, err
}

// reportGitHub turns the notices and problems of a fetch into warnings, the
// problems at the lines of the items of l that name each repository.
func reportGitHub(l *landscape.Landscape, where map[string][]*landscape.Item, res gh.Result, diags *diag.List) {
	for _, n := range res.Notices {
		diags.Warnf("", 0, 0, "", "", "github: %s", n)
	}
	for _, p := range res.Problems {
		for _, it := range where[p.URL] {
			pos, field := repoPos(it, p.URL)
			diags.Warnf(l.File, pos.Line, pos.Col, it.Name, field, "%s", p.Message)
		}
	}
}

// repoPos finds where an item names a repository: repo_url or one of its
// additional_repos.
func repoPos(it *landscape.Item, url string) (landscape.Pos, string) {
	if it.RepoURL == url {
		return it.FieldPos("repo_url"), "repo_url"
	}
	for _, r := range it.AdditionalRepos {
		if r.URL == url {
			return r.Pos, "additional_repos.repo_url"
		}
	}
	return it.Pos, "repo_url"
}

// repoRefs lists the GitHub repositories of every item once, with the items
// that name each, for problems to point at.
func repoRefs(l *landscape.Landscape) ([]gh.RepoRef, map[string][]*landscape.Item) {
	var refs []gh.RepoRef
	where := make(map[string][]*landscape.Item)
	for _, it := range l.Items {
		for _, r := range it.Repos() {
			if _, _, ok := gh.ParseRepoURL(r.URL); !ok {
				continue
			}
			if where[r.URL] == nil {
				refs = append(refs, gh.RepoRef{URL: r.URL, Branch: r.Branch})
			}
			where[r.URL] = append(where[r.URL], it)
		}
	}
	return refs, where
}

// ApplyGitHub copies GitHub facts, by repository URL, into the site model
// and sums stars, as a build does after its GitHub stage: for tests and
// tools that assemble a site themselves.
func ApplyGitHub(s *site.Site, facts map[string]*gh.Repo) { applyGitHub(s, facts) }

// applyGitHub copies GitHub facts into the site model and sums stars.
func applyGitHub(s *site.Site, facts map[string]*gh.Repo) {
	for _, it := range s.Items {
		allArchived := len(it.Repos) > 0
		for i := range it.Repos {
			r := facts[it.Repos[i].URL]
			if r == nil || r.NotFound {
				allArchived = false
				continue
			}
			f := repoFacts(r)
			it.Repos[i].GitHub = f
			it.Stars += f.Stars
			allArchived = allArchived && f.Archived
			if it.Repos[i].Primary {
				it.Language = f.Language
				it.LatestCommit = f.LatestCommit
				if it.License == "" {
					it.License = f.License
				}
				if it.Description == "" {
					it.Description = f.Description
				}
				if o := f.Owner; o != nil && o.Organization {
					it.OrgProfile = o
					it.SetOwnerName(o.Name)
				}
			}
		}
		if allArchived {
			it.Archived = true
		}
	}
}

func repoFacts(r *gh.Repo) *site.RepoFacts {
	f := &site.RepoFacts{
		Stars: r.Stars, Forks: r.Forks, Description: r.Description, Homepage: r.Homepage,
		License: r.License, Language: r.Language, Languages: r.Languages,
		CreatedAt: timePtr(r.CreatedAt), LatestCommit: timePtr(r.LatestCommit),
		Contributors: r.Contributors, Archived: r.Archived, Topics: r.Topics, Stale: r.Stale,
		OpenIssues: r.OpenIssues, OpenPRs: r.OpenPRs, Releases: r.Releases,
		FirstCommit: timePtr(r.FirstCommit), Activity: r.Activity, CommitsLastYear: r.CommitsLastYear(),
		Fetched: site.FetchDates{Facts: timePtr(r.FetchedAt), Contributors: timePtr(r.ContributorsFetchedAt),
			Activity: timePtr(r.ActivityFetchedAt), FirstCommit: timePtr(r.FirstCommitFetchedAt)},
	}
	if o := r.Profile; o != nil {
		f.Owner = &site.OwnerFacts{Login: o.Login, Organization: o.Organization, Name: o.Name,
			Description: o.Description, Location: o.Location, Website: o.Website}
	}
	if r.LatestRelease != nil {
		f.ReleaseTag = r.LatestRelease.Tag
		f.ReleaseDate = timePtr(r.LatestRelease.Date)
	}
	return f
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

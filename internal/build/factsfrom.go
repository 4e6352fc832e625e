package build

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/internal/site"
)

// Previews of pull requests from forks build without secrets, so without
// a GitHub token: --facts-from fills the facts the cache lacks from a
// deployed site's data/items.json. Those facts only draw the site; the
// rules (the star rule above all) never read them, since whoever controls
// the source controls the values.

// maxFactsBytes bounds the items.json read: cncf-full's, with every fact,
// is about 10 MB.
const maxFactsBytes = 64 << 20

// FactsSite names the deployed site of the settings' url as the source.
const FactsSite = "site"

// factsSource reads the source of --facts-from: an https URL, a file, or
// FactsSite, the settings' url followed by data/items.json.
func (o *Builder) factsSource(ctx context.Context, siteURL string) (data []byte, where string, err error) {
	src := o.FactsFrom
	if src == FactsSite {
		if siteURL == "" {
			return nil, src, fmt.Errorf("settings have no url to read the deployed site's facts from (set url, or name a URL or file)")
		}
		src = strings.TrimSuffix(siteURL, "/") + "/data/items.json"
	}
	if strings.Contains(src, "://") {
		if !strings.HasPrefix(src, "https://") {
			return nil, src, fmt.Errorf("%s is not an https URL", src)
		}
		if o.Offline {
			return nil, src, fmt.Errorf("offline: %s not fetched", src)
		}
		f := logos.NewFetcher(logos.FetchOptions{Client: o.client(), CacheDir: o.CacheDir, CacheKey: o.CacheKey,
			MaxBytes: maxFactsBytes, Timeout: time.Minute, Accept: "application/json",
			Instead: "download it and pass the file", Logger: o.Logger})
		data, problems, ok := f.Fetch(ctx, src)
		if !ok {
			return nil, src, fmt.Errorf("%s", joinProblems(problems))
		}
		return data, src, nil
	}
	data, err = landscape.ReadRegular(os.DirFS(filepath.Dir(src)), filepath.Base(src), maxFactsBytes)
	return data, src, err
}

func joinProblems(ps []logos.Problem) string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, "; ")
}

// seededItem is what parseFacts reads of an item of items.json.
type seededItem struct {
	Repos []struct {
		URL    string          `json:"url"`
		GitHub *site.RepoFacts `json:"github"`
	} `json:"repos"`
}

// parseFacts reads items.json into facts by repository URL.
func parseFacts(data []byte) (map[string]*gh.Repo, error) {
	var items []seededItem
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&items); err != nil {
		return nil, fmt.Errorf("not the data/items.json of a landscape site: %v", err)
	}
	facts := make(map[string]*gh.Repo)
	for _, it := range items {
		for _, r := range it.Repos {
			owner, name, ok := gh.ParseRepoURL(r.URL)
			if !ok || r.GitHub == nil || r.GitHub.Fetched.Facts == nil {
				continue // undated facts cannot be weighed against the cache's
			}
			facts[r.URL] = repoFromFacts(r.URL, owner, name, r.GitHub)
		}
	}
	return facts, nil
}

// repoFromFacts undoes repoFacts.
func repoFromFacts(url, owner, name string, f *site.RepoFacts) *gh.Repo {
	r := &gh.Repo{URL: url, Owner: owner, Name: name, Stars: f.Stars, Forks: f.Forks,
		Description: f.Description, Homepage: f.Homepage, License: f.License, Language: f.Language,
		Languages: f.Languages, CreatedAt: timeOf(f.CreatedAt), LatestCommit: timeOf(f.LatestCommit),
		Contributors: f.Contributors, Archived: f.Archived, Topics: f.Topics,
		OpenIssues: f.OpenIssues, OpenPRs: f.OpenPRs, Releases: f.Releases,
		FirstCommit: timeOf(f.FirstCommit), Activity: f.Activity, Stale: f.Stale,
		FetchedAt: timeOf(f.Fetched.Facts), ContributorsFetchedAt: timeOf(f.Fetched.Contributors),
		ActivityFetchedAt: timeOf(f.Fetched.Activity), FirstCommitFetchedAt: timeOf(f.Fetched.FirstCommit)}
	if f.ReleaseTag != "" {
		r.LatestRelease = &gh.Release{Tag: f.ReleaseTag, Date: timeOf(f.ReleaseDate)}
	}
	if o := f.Owner; o != nil {
		r.Profile = &gh.Owner{Login: o.Login, Organization: o.Organization, Name: o.Name,
			Description: o.Description, Location: o.Location, Website: o.Website}
	}
	return r
}

func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

// seedFacts fills facts, for the repositories of l, from --facts-from
// where the cache has nothing or older facts. Any failure is a warning:
// a preview without stars beats no preview.
func (o *Builder) seedFacts(ctx context.Context, s *site.Site, l *landscape.Landscape, facts map[string]*gh.Repo, diags *diag.List) map[string]*gh.Repo {
	if o.FactsFrom == "" {
		return facts
	}
	want, _ := repoRefs(l)
	if facts == nil {
		facts = map[string]*gh.Repo{}
	}
	if o.seeded == nil {
		o.seeded = map[string]*gh.Repo{}
		err := o.stage("facts-from", func() (string, error) {
			data, where, err := o.factsSource(ctx, siteURL(s))
			if err == nil {
				o.seeded, err = parseFacts(data)
			}
			if err != nil {
				diags.Warnf("", 0, 0, "", "", "facts-from %s: %v; the site shows the facts it has", where, err)
				return "none", nil
			}
			return fmt.Sprintf("%d repositories in %s", len(o.seeded), where), nil
		})
		if err != nil {
			return facts
		}
	}
	for _, ref := range want {
		seed := o.seeded[ref.URL]
		if seed == nil {
			continue
		}
		if have := facts[ref.URL]; have == nil || have.FetchedAt.Before(seed.FetchedAt) {
			facts[ref.URL] = seed
		}
	}
	return facts
}

func siteURL(s *site.Site) string {
	if s.Settings == nil {
		return ""
	}
	return s.Settings.URL
}

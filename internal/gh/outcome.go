package gh

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// complete turns a refreshed job's answers into its cache entry, keeping
// the cached values wherever the refresh failed.
func (f *fetcher) complete(j *job) {
	now := f.o.Now()
	switch {
	case j.gql != nil:
		f.completeFetched(j, now)
	case j.notFound:
		r := Repo{Owner: j.owner, Name: j.name, URL: canonicalURL(j.owner + "/" + j.name)}
		if j.cached != nil {
			r = j.cached.Repo
		}
		r.NotFound = true
		e := &cacheEntry{FetchedAt: now, ExpiresAt: expiry(now, f.o.Lifetime), Repo: r}
		f.save(j, e)
		j.cached = e
		f.stats.Fetched++
	default:
		f.fail(j, j.err)
	}
}

func (f *fetcher) completeFetched(j *job, now time.Time) {
	r := j.gql.toRepo()
	r.URL = canonicalURL(j.gql.NameWithOwner)
	r.Contributors = j.contributors
	r.FetchedAt = now
	if !equalFoldRepo(Repo{Owner: j.owner, Name: j.name}, j.gql.NameWithOwner) {
		r.RenamedTo = r.URL
	}
	if j.key.branch != "" && j.gql.Branch == nil {
		f.problemAll(j, "branch "+j.key.branch+" not found: using the default branch")
	}
	e := &cacheEntry{FetchedAt: now, ExpiresAt: expiry(now, f.o.Lifetime), ContributorsETag: j.etag, Repo: *r}
	f.carry(j, e, now)
	switch {
	case errors.Is(j.statsErr, errStatsPending):
		// The rest is fresh; the activity is asked for on the next run.
		e.ExpiresAt = now
		f.stats.Fetched++
		f.mu.Lock()
		f.statsPending++
		f.mu.Unlock()
	case j.statsErr != nil:
		e.ExpiresAt = now
		f.fail(j, j.statsErr)
	case j.contribErr == nil:
		f.stats.Fetched++
	case errors.Is(j.contribErr, errTooManyContributors):
		f.problemAll(j, j.contribErr.Error())
		f.stats.Fetched++
	default:
		// Keep the other facts but try again on the next run.
		e.ExpiresAt = now
		f.fail(j, j.contribErr)
	}
	f.save(j, e)
	j.cached = e
}

// carry dates the REST facts of a fresh entry, and keeps from the cached
// entry what this refresh did not fetch: the first commit (fetched once),
// the contributors and the activity when their requests failed or were
// answered 304.
func (f *fetcher) carry(j *job, e *cacheEntry, now time.Time) {
	r := &e.Repo
	var old *Repo
	if c := j.same(); c != nil {
		old = &c.Repo
	}
	if j.contribErr == nil {
		r.ContributorsFetchedAt = now
	} else if old != nil {
		r.ContributorsFetchedAt = old.ContributorsFetchedAt
	}
	switch {
	case j.statsErr == nil && !j.statsNotModified:
		r.Activity, r.ActivityFetchedAt, e.StatsETag = j.weekly, now, j.statsETag
	case old != nil:
		r.Activity, r.ActivityFetchedAt, e.StatsETag = old.Activity, old.ActivityFetchedAt, j.cached.StatsETag
		if j.statsNotModified {
			r.ActivityFetchedAt = now
		}
	}
	switch { // a renamed repository keeps its first commit too: GitHub followed the rename
	case j.cached != nil && !j.cached.Repo.FirstCommit.IsZero():
		r.FirstCommit, r.FirstCommitFetchedAt = j.cached.Repo.FirstCommit, j.cached.Repo.FirstCommitFetchedAt
	case !j.firstCommit.IsZero():
		r.FirstCommit, r.FirstCommitFetchedAt = j.firstCommit, now
	}
}

// fail records a failed refresh; the caller keeps whatever was cached.
func (f *fetcher) fail(j *job, err error) {
	f.stats.Failed++
	if j.cached != nil {
		j.cached.ExpiresAt = f.o.Now() // reported stale
	}
	if !stopped(err) {
		f.problemAll(j, "refresh failed, kept cached values: "+err.Error())
	}
}

func (f *fetcher) save(j *job, e *cacheEntry) {
	if f.o.StarsOnly { // the entry lacks the per-repository facts
		return
	}
	if err := f.cache.save(j.key, e); err != nil {
		f.o.Logger.Warn("github cache: "+f.redact.String(err.Error()), "repo", j.key.String())
		f.mu.Lock()
		defer f.mu.Unlock()
		if !f.saveFailed {
			f.saveFailed = true
			f.notices = append(f.notices, "github cache: not saved: "+f.redact.String(err.Error()))
		}
	}
}

// result gives every URL its repository's facts and reports the renamed and
// deleted repositories, which stay in the landscape until someone edits it.
func (f *fetcher) result(jobs []*job) Result {
	now := f.o.Now()
	repos := map[string]*Repo{}
	for _, j := range jobs {
		if j.cached == nil {
			f.stats.Missing++
			continue
		}
		if j.gql == nil && !j.notFound && j.err == nil {
			f.stats.FromCache++
		}
		for _, u := range j.urls {
			r := j.cached.Repo
			r.URL = u
			r.Stale = !j.cached.fresh(now)
			repos[u] = &r
			if r.RenamedTo != "" {
				f.problem(u, "repository moved to "+r.RenamedTo+": update the URL")
			}
			if r.NotFound {
				f.problem(u, "repository not found on GitHub (deleted, or private)")
			}
		}
	}
	f.stats.Requests = int(f.requests.Load())
	f.stats.NotModified = int(f.notModified.Load())
	f.stats.GraphQLPoints = int(f.points.Load())
	if f.statsPending > 0 {
		f.notices = append(f.notices, fmt.Sprintf("github: still computing the commit activity of %d repositories: asked again on the next run", f.statsPending))
	}
	return Result{Repos: repos, Stats: f.stats, Problems: f.problems, Notices: f.notices}
}

// equalFoldRepo tells whether r is the repository GitHub calls nameWithOwner.
func equalFoldRepo(r Repo, nameWithOwner string) bool {
	return strings.EqualFold(r.Owner+"/"+r.Name, nameWithOwner)
}

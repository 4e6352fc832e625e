// Package gh gathers the GitHub facts a landscape shows and checks (stars,
// license, latest commit and release, contributors...) for every repository
// the landscape names.
//
// Fetch is built for a landscape of a thousand repositories fetched from CI
// several times a day. Facts live in a cache directory, one file per
// repository, for a lifetime of about a day; a run within that lifetime
// sends no request at all. Refreshing asks GraphQL for many repositories per
// request (stars, forks, licence, languages, topics, latest commit and
// release, releases count, open issues and pull requests, the owner's
// profile) and REST for three facts GraphQL cannot give cheaply:
//
//   - the contributor count and the commit activity of the last 52 weeks
//     (stats/participation), as conditional requests that cost no rate
//     limit when nothing changed;
//   - the first commit, once: GraphQL gives the commit count, and the
//     oldest commit is then alone on that page of the commit list. It never
//     changes, so it is kept forever.
//
// The activity comes from REST rather than 52 history(since:, until:)
// windows per repository in the GraphQL query: the windows would cost 29
// points per batch of 50 instead of 3 (TestActivityCost), and counting the
// history of a large repository 52 times risks GitHub's query time limit,
// failing its whole batch. REST costs one request per repository, which the
// budget allows (TestLandscapeRequestCount: 3.02 counted requests per
// repository cold, 0 within the cache lifetime, 1.02 after it, 0.06 GraphQL
// points), and GitHub's 202 "still computing" answer is asked again after a
// pause, then on the next run. A GraphQL batch that keeps failing is split
// in halves until the repository that makes it fail is alone.
//
// Nothing GitHub does
// (rate limits, outages, renamed or deleted repositories, bad answers) fails
// the build: cached values are kept, marked stale, and the trouble is
// reported in Result.Problems and summarised by Stats.String.
package gh

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// job is one distinct repository and branch, however many URLs name it.
type job struct {
	key         repoKey
	owner, name string
	urls        []string
	cached      *cacheEntry

	// wantFirstCommit asks the refresh for the first commit date, which is
	// fetched once and then kept forever.
	wantFirstCommit bool

	// filled in while refreshing
	gql          *gqlRepo
	notFound     bool
	err          error
	contributors int
	etag         string
	contribErr   error

	weekly           []int
	statsETag        string
	statsNotModified bool
	statsErr         error
	firstCommit      time.Time
}

type fetcher struct {
	o           Options
	pool        *pool
	cache       cache
	redact      redactor
	requests    atomic.Int64
	notModified atomic.Int64
	points      atomic.Int64

	mu         sync.Mutex
	problems   []Problem
	notices    []string
	stats      Stats
	saveFailed bool
	// statsPending counts repositories whose activity GitHub was still
	// computing at the end of the run.
	statsPending int
}

// Fetch returns the facts for refs, from the cache when it is fresh and from
// GitHub otherwise. Repositories hosted elsewhere (GitLab...) are skipped. It returns an error only for unusable options (or when
// ctx is cancelled); every GitHub failure becomes a Problem and the cached
// values are kept.
func Fetch(ctx context.Context, opts Options, refs []RepoRef) (Result, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return Result{}, err
	}
	f := &fetcher{o: o, cache: cache{o.CacheDir}, redact: redactor(o.Tokens)}
	f.pool = &pool{o: o, redact: f.redact, clients: newClients(o, &f.requests)}
	jobs := f.plan(refs)
	expired := f.loadCache(jobs)
	switch {
	case len(expired) == 0 || o.Offline:
	case len(o.Tokens) == 0 && o.CacheDir == "":
		f.notice("no GitHub token (set GITHUB_TOKEN): no facts fetched")
	case len(o.Tokens) == 0:
		f.notice("no GitHub token (set GITHUB_TOKEN): using cached data only")
	default:
		f.refresh(ctx, expired)
	}
	res := f.result(jobs)
	return res, ctx.Err()
}

// plan turns refs into distinct jobs, in the order first named.
func (f *fetcher) plan(refs []RepoRef) []*job {
	var jobs []*job
	byKey := map[repoKey]*job{}
	seen := map[string]bool{}
	for _, ref := range refs {
		if seen[ref.URL] {
			continue
		}
		seen[ref.URL] = true
		owner, name, ok := ParseRepoURL(ref.URL)
		if !ok {
			if OnGitHub(ref.URL) {
				f.problem(ref.URL, "not a GitHub repository URL (want https://github.com/owner/name)")
			}
			continue
		}
		k := newRepoKey(owner, name, ref.Branch)
		j := byKey[k]
		if j == nil {
			j = &job{key: k, owner: owner, name: name}
			byKey[k] = j
			jobs = append(jobs, j)
		}
		j.urls = append(j.urls, ref.URL)
	}
	f.stats.Repos = len(jobs)
	return jobs
}

// loadCache reads every job's entry and returns the jobs that need a
// refresh. Unreadable entries are reported once and fetched again.
func (f *fetcher) loadCache(jobs []*job) []*job {
	var expired []*job
	var bad []error
	now := f.o.Now()
	for _, j := range jobs {
		e, err := f.cache.load(j.key)
		if err != nil && !errors.Is(err, errNoEntry) {
			f.o.Logger.Warn("github cache: rebuilding entry", "error", err.Error())
			bad = append(bad, err)
		}
		j.cached = e
		if !e.fresh(now) {
			expired = append(expired, j)
		}
	}
	if len(bad) > 0 {
		f.notice(fmt.Sprintf("github cache: %d unreadable entries will be rebuilt (first: %v)", len(bad), bad[0]))
	}
	return expired
}

// refresh runs the GraphQL batches and, as each batch answers, the REST
// requests of its repositories, all within Options.Concurrency.
func (f *fetcher) refresh(ctx context.Context, jobs []*job) {
	f.cache.sweep(time.Now())
	for _, j := range jobs {
		j.wantFirstCommit = !f.o.StarsOnly && (j.cached == nil || j.cached.Repo.FirstCommit.IsZero())
	}
	prog := newProgress(f.o, len(jobs))
	sem := make(chan struct{}, f.o.Concurrency)
	var wg sync.WaitGroup
	for start := 0; start < len(jobs); start += f.o.BatchSize {
		batch := jobs[start:min(start+f.o.BatchSize, len(jobs))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.queryBatchSplitting(ctx, sem, batch)
			for _, j := range batch {
				if j.gql == nil || f.o.StarsOnly {
					prog.add(1)
					continue
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					sem <- struct{}{}
					f.perRepo(ctx, j)
					<-sem
					prog.add(1)
				}()
			}
		}()
	}
	wg.Wait()
	prog.finish()
	f.retryPendingStats(ctx, sem, jobs)
	limited := 0
	for _, j := range jobs {
		f.complete(j)
		if stopped(j.err) || stopped(j.contribErr) {
			limited++
		}
	}
	if limited > 0 {
		f.notice(fmt.Sprintf("github: %v: kept cached values for %d repositories", f.pool.stopped, limited))
	}
}

// perRepo sends a repository's REST requests: its contributor count, its
// commit activity and, once, its first commit.
func (f *fetcher) perRepo(ctx context.Context, j *job) {
	f.countContributors(ctx, j)
	f.fetchActivity(ctx, j)
	if n, ok := j.gql.commitCount(); ok && n > 0 && j.wantFirstCommit && ctx.Err() == nil {
		d, err := f.firstCommit(ctx, j.gql.NameWithOwner, j.key.branch, n)
		if err != nil { // asked again on the next refresh, while it is unknown
			f.o.Logger.Debug("github: "+f.redact.String(err.Error()), "repo", j.key.String())
		}
		j.firstCommit = d
	}
}

// same returns the cached facts when they are of the repository GitHub
// answered for (not of the one an old name now points to), else nil.
func (j *job) same() *cacheEntry {
	if j.cached != nil && j.gql != nil && equalFoldRepo(j.cached.Repo, j.gql.NameWithOwner) {
		return j.cached
	}
	return nil
}

func (f *fetcher) fetchActivity(ctx context.Context, j *job) {
	var etag string
	if c := j.same(); c != nil {
		etag = c.StatsETag
	}
	weekly, newETag, notModified, err := f.participation(ctx, j.gql.NameWithOwner, etag)
	j.weekly, j.statsETag, j.statsNotModified, j.statsErr = weekly, newETag, notModified, err
	if notModified {
		f.notModified.Add(1)
	}
}

// retryPendingStats asks again for the commit activity GitHub answered 202
// for, after a pause in which it computes the figures, a few times. What is
// still pending is asked for on the next run.
func (f *fetcher) retryPendingStats(ctx context.Context, sem chan struct{}, jobs []*job) {
	for range statsRounds {
		var pending []*job
		for _, j := range jobs {
			if errors.Is(j.statsErr, errStatsPending) {
				pending = append(pending, j)
			}
		}
		if len(pending) == 0 || f.o.sleep(ctx, f.o.StatsRetryDelay) != nil {
			return
		}
		var wg sync.WaitGroup
		for _, j := range pending {
			wg.Go(func() {
				sem <- struct{}{}
				f.fetchActivity(ctx, j)
				<-sem
			})
		}
		wg.Wait()
	}
}

// statsRounds bounds how often one run asks again for pending activity.
const statsRounds = 2

func (f *fetcher) countContributors(ctx context.Context, j *job) {
	var etag string
	if c := j.same(); c != nil {
		etag = c.ContributorsETag
		j.contributors = c.Repo.Contributors
	}
	n, newETag, notModified, err := f.contributors(ctx, j.gql.NameWithOwner, etag)
	switch {
	case notModified:
		j.etag = etag
		f.notModified.Add(1)
	case err != nil:
		j.contribErr = err
	default:
		j.contributors, j.etag = n, newETag
	}
}

func (f *fetcher) problem(url, msg string) {
	msg = f.redact.String(msg)
	f.o.Logger.Warn("github: "+msg, "url", url)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.problems = append(f.problems, Problem{URL: url, Message: msg})
}

// problemAll reports msg for every spelling of the job's repository, so
// that each item naming it hears of it.
func (f *fetcher) problemAll(j *job, msg string) {
	for _, u := range j.urls {
		f.problem(u, msg)
	}
}

func (f *fetcher) notice(msg string) {
	msg = f.redact.String(msg)
	f.o.Logger.Warn(msg)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.notices = append(f.notices, msg)
}

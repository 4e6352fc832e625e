// Package gh gathers the GitHub facts a landscape shows and checks (stars,
// license, latest commit and release, contributors...) for every repository
// the landscape names.
//
// Fetch is built for a landscape of a thousand repositories fetched from CI
// several times a day. Facts live in a cache directory, one file per
// repository, for a lifetime of about a day; a run within that lifetime
// sends no request at all. Refreshing asks GraphQL for many repositories per
// request and uses REST only for the contributor count, as a conditional
// request that costs no rate limit when nothing changed. Nothing GitHub does
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

	// filled in while refreshing
	gql          *gqlRepo
	notFound     bool
	err          error
	contributors int
	etag         string
	contribErr   error
}

type fetcher struct {
	o           Options
	pool        *pool
	cache       cache
	redact      redactor
	requests    atomic.Int64
	notModified atomic.Int64

	mu         sync.Mutex
	problems   []Problem
	notices    []string
	stats      Stats
	saveFailed bool
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

// refresh runs the GraphQL batches and, as each batch answers, the
// contributor counts of its repositories, all within Options.Concurrency.
func (f *fetcher) refresh(ctx context.Context, jobs []*job) {
	f.cache.sweep(time.Now())
	prog := newProgress(f.o, len(jobs))
	sem := make(chan struct{}, f.o.Concurrency)
	var wg sync.WaitGroup
	for start := 0; start < len(jobs); start += f.o.BatchSize {
		batch := jobs[start:min(start+f.o.BatchSize, len(jobs))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			err := f.queryBatch(ctx, batch)
			<-sem
			for _, j := range batch {
				if err != nil {
					j.err = err
				}
				if j.gql == nil || f.o.StarsOnly {
					prog.add(1)
					continue
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					sem <- struct{}{}
					f.countContributors(ctx, j)
					<-sem
					prog.add(1)
				}()
			}
		}()
	}
	wg.Wait()
	prog.finish()
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

func (f *fetcher) countContributors(ctx context.Context, j *job) {
	var etag string
	if j.cached != nil && equalFoldRepo(j.cached.Repo, j.gql.NameWithOwner) {
		etag = j.cached.ContributorsETag
		j.contributors = j.cached.Repo.Contributors
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

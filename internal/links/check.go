package links

import (
	"context"
	"sync"
)

// Report is the outcome of checking every use of every URL.
type Report struct {
	Uses    []Use
	Results map[string]Result // by URL
	Asked   int               // URLs asked this run (the others were fresh in the cache or skipped)
	Fresh   map[string]bool   // URLs whose result was asked this run
}

// Check asks about every distinct URL of uses that the cache has no fresh
// result for, and stores what it learns in the cache. With recheckMoved,
// URLs the cache says moved are asked again, so that --fix writes only what
// this run saw.
func Check(ctx context.Context, uses []Use, cache *Cache, o Options, recheckMoved bool) (*Report, error) {
	c := newChecker(o)
	now := c.o.Now()
	rep := &Report{Uses: uses, Results: map[string]Result{}, Fresh: map[string]bool{}}
	var ask []string
	for _, u := range uses {
		if _, seen := rep.Results[u.URL]; seen {
			continue
		}
		if skipped(u.URL, c.o.SkipHosts) {
			rep.Results[u.URL] = Result{Kind: Skipped, Checked: now}
			continue
		}
		if r, ok := cache.Fresh(u.URL, now); ok && !(recheckMoved && r.Kind == Moved) {
			rep.Results[u.URL] = r
			continue
		}
		rep.Results[u.URL] = Result{} // placeholder: asked below
		ask = append(ask, u.URL)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	jobs := make(chan string)
	for range min(c.o.Concurrency, max(1, len(ask))) {
		wg.Go(func() {
			for u := range jobs {
				r := c.check(ctx, u)
				mu.Lock()
				rep.Results[u], rep.Fresh[u] = r, true
				mu.Unlock()
			}
		})
	}
	for _, u := range ask {
		select {
		case jobs <- u:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	rep.Asked = len(ask)
	for u := range rep.Fresh {
		r := rep.Results[u]
		cache.Results[u] = r
		if r.Kind == Moved { // where it moved answered too: a run after --fix asks nothing
			cache.Results[r.Location] = Result{Kind: OK, Status: r.Status, Checked: r.Checked}
		}
	}
	return rep, cache.Save()
}

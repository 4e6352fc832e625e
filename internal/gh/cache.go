package gh

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// cacheSchema is bumped whenever cacheEntry changes meaning. Entries of an
// older version are migrated (migrate), never dropped; entries of a newer
// version, written by a newer release, are rebuilt rather than misread.
//
// Version 2 added the commit activity, the first commit, open issues and
// pull requests, the releases count and the owner's profile.
const cacheSchema = 2

// cacheEntry is one repository's file in the cache. One file per repository
// keeps writes small and lets concurrent runs each replace whole files
// atomically, so they never see or leave a half-written cache.
type cacheEntry struct {
	Schema    int       `json:"schema"`
	Key       string    `json:"key"`
	FetchedAt time.Time `json:"fetched_at"`
	ExpiresAt time.Time `json:"expires_at"`
	// ContributorsETag makes the next contributor count a conditional
	// request, which costs no rate limit when nothing changed.
	ContributorsETag string `json:"contributors_etag,omitempty"`
	// StatsETag does the same for the commit activity.
	StatsETag string `json:"stats_etag,omitempty"`
	Repo      Repo   `json:"repo"`
}

// migrate brings an entry of an older schema up to date, keeping every
// value it holds. The facts it lacks are fetched on the next refresh, which
// it makes due now; were that refresh to fail, the old values are still
// shown, marked stale, as with any failed refresh.
func migrate(e *cacheEntry) error {
	if e.Schema < 1 || e.Schema > cacheSchema {
		return fmt.Errorf("schema version %d, want 1 to %d", e.Schema, cacheSchema)
	}
	if e.Schema == 1 {
		// Version 1 dated every fact by fetched_at.
		if !e.Repo.FetchedAt.IsZero() {
			e.Repo.ContributorsFetchedAt = e.Repo.FetchedAt
		}
		e.ExpiresAt = time.Time{}
		e.Schema = 2
	}
	return nil
}

func (e *cacheEntry) fresh(now time.Time) bool {
	return e != nil && now.Before(e.ExpiresAt)
}

// cache is a directory of entries; the zero value keeps nothing.
type cache struct {
	dir string
}

func (c cache) path(k repoKey) string {
	file := k.name
	if k.branch != "" {
		file += "@" + url.PathEscape(k.branch)
	}
	return filepath.Join(c.dir, "github", k.owner, file+".json")
}

// errNoEntry is returned by load when the cache has nothing for a key.
var errNoEntry = errors.New("no cache entry")

// load reads an entry. Any unreadable content is an error the caller reports
// before fetching the repository again.
func (c cache) load(k repoKey) (*cacheEntry, error) {
	if c.dir == "" {
		return nil, errNoEntry
	}
	data, err := os.ReadFile(c.path(k))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoEntry
	}
	if err != nil {
		return nil, err
	}
	var e cacheEntry
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, fmt.Errorf("cache file %s: %w", c.path(k), err)
	}
	if err := migrate(&e); err != nil {
		return nil, fmt.Errorf("cache file %s: %w", c.path(k), err)
	}
	if e.Key != k.String() {
		return nil, fmt.Errorf("cache file %s: holds %q", c.path(k), e.Key)
	}
	return &e, nil
}

// save writes an entry to a temporary file and renames it into place, so a
// crash or a concurrent run leaves either the old or the new file.
func (c cache) save(k repoKey, e *cacheEntry) error {
	if c.dir == "" {
		return nil
	}
	e.Schema, e.Key = cacheSchema, k.String()
	data, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	path := c.path(k)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	_, werr := f.Write(append(data, '\n'))
	merr := f.Chmod(0o644) // CreateTemp's 0600 would hide a committed cache from other users
	cerr := f.Close()
	if err := errors.Join(werr, merr, cerr); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("cache: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// sweep removes temporary files that a run killed mid-write left behind,
// once they are old enough not to belong to a run still writing them.
func (c cache) sweep(now time.Time) {
	if c.dir == "" {
		return
	}
	filepath.WalkDir(filepath.Join(c.dir, "github"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasPrefix(d.Name(), ".tmp-") {
			return nil
		}
		if info, err := d.Info(); err == nil && now.Sub(info.ModTime()) > time.Hour {
			os.Remove(path)
		}
		return nil
	})
}

// expiry spreads entries over ±10% of the lifetime, so a landscape fetched
// in one run is refreshed a part at a time rather than all at once.
func expiry(fetched time.Time, lifetime time.Duration) time.Time {
	jitter := (rand.Float64()*0.2 - 0.1) * float64(lifetime)
	return fetched.Add(lifetime + time.Duration(jitter))
}

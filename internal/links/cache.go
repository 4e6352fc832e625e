package links

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Cache holds results by URL, in one JSON file. A pull request can write
// the cache folder, so what is read is bounded in size and checked: an
// entry that is not a URL or not a known kind is dropped, and --fix never
// writes a URL it has only from the cache (see Check).
type Cache struct {
	File    string
	MaxAge  time.Duration // a result older than this is asked again
	Results map[string]Result
}

// maxCacheBytes bounds the cache file read: some 200 bytes an entry, for
// far more URLs than any landscape has.
const maxCacheBytes = 64 << 20

// OpenCache reads the cache file (a missing file is an empty cache).
func OpenCache(file string, maxAge time.Duration) (*Cache, error) {
	c := &Cache{File: file, MaxAge: maxAge, Results: map[string]Result{}}
	if file == "" {
		return c, nil
	}
	f, err := os.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var raw map[string]Result
	if err := json.NewDecoder(io.LimitReader(f, maxCacheBytes)).Decode(&raw); err != nil {
		return c, nil // a broken cache is an empty one: everything is asked again
	}
	for u, r := range raw {
		if landscape.CheckURL(u) == nil && knownKind(r.Kind) && (r.Location == "" || landscape.CheckURL(r.Location) == nil) {
			c.Results[u] = r
		}
	}
	return c, nil
}

func knownKind(k Kind) bool {
	switch k {
	case OK, Moved, OtherHost, Dead, TimedOut, HTTPError, Unreliable:
		return true
	}
	return false
}

// Fresh returns the result for u when it is younger than MaxAge.
func (c *Cache) Fresh(u string, now time.Time) (Result, bool) {
	r, ok := c.Results[u]
	if !ok || c.MaxAge <= 0 || now.Sub(r.Checked) > c.MaxAge || r.Checked.After(now.Add(time.Minute)) {
		return Result{}, false
	}
	return r, true
}

// Save writes the cache atomically.
func (c *Cache) Save() error {
	if c.File == "" {
		return nil
	}
	b, err := json.MarshalIndent(c.Results, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.File), 0o755); err != nil {
		return fmt.Errorf("links cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.File), ".links-*.json")
	if err != nil {
		return fmt.Errorf("links cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("links cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("links cache: %w", err)
	}
	return os.Rename(tmp.Name(), c.File)
}

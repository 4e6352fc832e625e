package logos

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// FetchOptions configures a Fetcher.
type FetchOptions struct {
	Client        *http.Client  // nil means http.DefaultClient; its redirect policy and dialer are replaced
	CacheDir      string        // keeps downloads under CacheDir/logos/remote; "" keeps none
	CacheKey      []byte        // seals the cache (seal.go); nil means DefaultCacheKey
	MaxBytes      int64         // hard size limit for one download; 0 means DefaultMaxBytes
	Timeout       time.Duration // for one download; 0 means 30s
	MaxConcurrent int           // downloads at once; 0 means 8
	Instead       string        // how else to provide the file, for messages; "" means "host the file in the repository"
	Accept        string        // the Accept header; "" means images
	// AllowPrivateAddresses lets downloads reach loopback, private and
	// link-local addresses, which they refuse by default (dial.go): for
	// tests, whose httptest servers listen on 127.0.0.1.
	AllowPrivateAddresses bool
	Logger                *slog.Logger // may be nil
}

// A Fetcher downloads files whose bytes the site uses (logos, and images
// named in settings) on a pull request's behalf: https only, also across
// at most 5 redirects, public addresses only, a size limit and a timeout.
// Downloads are kept in a sealed disk cache and revalidated with
// ETag/Last-Modified; when the host fails, the cached copy is used with a
// warning. It is safe for concurrent use.
type Fetcher struct {
	o      FetchOptions
	client *http.Client
	seal   sealer
	sem    chan struct{}
}

// NewFetcher fills in defaults. Without a cache key (DefaultCacheKey
// failing: no home folder) it keeps no cache, with a warning in the log.
func NewFetcher(o FetchOptions) *Fetcher {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 8
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Instead == "" {
		o.Instead = "host the file in the repository"
	}
	f := &Fetcher{o: o, client: safeClient(o.Client, o.AllowPrivateAddresses), sem: make(chan struct{}, o.MaxConcurrent)}
	f.o.CacheDir, f.seal = cacheKey(o.CacheDir, o.CacheKey, o.Logger)
	return f
}

// cacheKey returns the cache folder and its sealer: "" when there is no
// cache, or no key to seal it with.
func cacheKey(dir string, key []byte, log *slog.Logger) (string, sealer) {
	if dir == "" {
		return "", sealer{}
	}
	if key == nil {
		var err error
		if key, err = DefaultCacheKey(); err != nil {
			log.Warn("logo caches disabled: no key to seal them", "err", err)
			return "", sealer{}
		}
	}
	return dir, sealer{key}
}

// remoteMeta is what the disk cache keeps beside a download to revalidate
// it, sealed with its body.
type remoteMeta struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Fetched      time.Time `json:"fetched"`
	Seal         []byte    `json:"seal,omitempty"`
}

// sealed is what the seal of a cached download covers.
func (m *remoteMeta) sealed(body []byte) [][]byte {
	sum := sha256.Sum256(body)
	return [][]byte{[]byte("remote"), []byte(m.URL), []byte(m.ETag), []byte(m.LastModified),
		[]byte(strconv.FormatInt(m.Fetched.UnixNano(), 10)), sum[:]}
}

// Fetch downloads an https URL. problems say why there are no bytes (ok
// false), or that the cached copy was used.
func (f *Fetcher) Fetch(ctx context.Context, ref string) (data []byte, problems []Problem, ok bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, []Problem{errorf("URL %s is not an https URL (use https, or %s)", shorten(ref), f.o.Instead)}, false
	}
	body, meta := f.readCache(ref)
	data, fresh, err := f.download(ctx, ref, meta)
	switch {
	case err == nil && fresh:
		f.writeCache(ref, data, meta)
		return data, nil, true
	case err == nil: // 304 Not Modified
		return body, nil, true
	case errors.Is(err, errTooBig):
		return nil, []Problem{tooBig(f.o.MaxBytes)}, false
	case errors.Is(err, errNotPublic):
		return nil, []Problem{errorf("could not fetch %s: %v (downloads reach public hosts only; %s)", shorten(ref), err, f.o.Instead)}, false
	case body != nil:
		f.o.Logger.Warn("fetch failed, using cached copy", "url", ref, "err", err)
		return body, []Problem{warnf("could not fetch %s (%v); using the copy cached on %s",
			shorten(ref), err, meta.Fetched.Format(time.DateOnly))}, true
	}
	return nil, []Problem{warnf("could not fetch %s (%v); showing a placeholder (check the URL, or %s)",
		shorten(ref), err, f.o.Instead)}, false
}

var errTooBig = errors.New("too big")

// download performs one conditional GET; fresh is false on 304 Not Modified.
// meta is updated with the validators of a fresh response.
func (f *Fetcher) download(ctx context.Context, ref string, meta *remoteMeta) (data []byte, fresh bool, err error) {
	select {
	case f.sem <- struct{}{}:
		defer func() { <-f.sem }()
	case <-ctx.Done():
		return nil, false, ctx.Err()
	}
	ctx, cancel := context.WithTimeout(ctx, f.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ref, nil)
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Accept", cmp.Or(f.o.Accept, "image/svg+xml, image/*;q=0.8"))
	if meta.ETag != "" {
		req.Header.Set("If-None-Match", meta.ETag)
	}
	if meta.LastModified != "" {
		req.Header.Set("If-Modified-Since", meta.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, false, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified && !meta.Fetched.IsZero():
		return nil, false, nil
	case resp.StatusCode != http.StatusOK:
		return nil, false, fmt.Errorf("status %s", resp.Status)
	}
	data, err = io.ReadAll(io.LimitReader(resp.Body, f.o.MaxBytes+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > f.o.MaxBytes {
		return nil, false, errTooBig
	}
	*meta = remoteMeta{URL: ref, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), Fetched: time.Now().UTC()}
	return data, true, nil
}

func (f *Fetcher) cachePath(ref string) string {
	sum := sha256.Sum256([]byte(ref))
	return filepath.Join(f.o.CacheDir, "logos", "remote", hex.EncodeToString(sum[:16]))
}

// readCache returns the cached body and its validators; the body is nil
// and meta zero when nothing usable is cached: no entry, or one without a
// valid seal, which this Fetcher's builds did not write.
func (f *Fetcher) readCache(ref string) ([]byte, *remoteMeta) {
	meta := &remoteMeta{}
	if f.o.CacheDir == "" {
		return nil, meta
	}
	base := f.cachePath(ref)
	mb, err1 := os.ReadFile(base + ".json")
	body, err2 := os.ReadFile(base + ".body")
	if err1 != nil || err2 != nil || json.Unmarshal(mb, meta) != nil || meta.URL != ref ||
		int64(len(body)) > f.o.MaxBytes || !f.seal.valid(meta.Seal, meta.sealed(body)...) {
		return nil, &remoteMeta{}
	}
	return body, meta
}

func (f *Fetcher) writeCache(ref string, body []byte, meta *remoteMeta) {
	if f.o.CacheDir == "" {
		return
	}
	meta.Seal = f.seal.seal(meta.sealed(body)...)
	base := f.cachePath(ref)
	mb, _ := json.Marshal(meta)
	if err := writeAtomic(base+".body", body); err != nil {
		f.o.Logger.Warn("download cache not written", "err", err)
		return
	}
	if err := writeAtomic(base+".json", mb); err != nil {
		f.o.Logger.Warn("download cache not written", "err", err)
	}
}

// writeAtomic writes through a temporary file so that a concurrent or
// interrupted build never reads half a file.
func writeAtomic(name string, data []byte) error {
	return writeAtomicFunc(name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomicFunc is writeAtomic for content written by write, so large
// files need not be held in memory whole.
func writeAtomicFunc(name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err == nil {
		return nil
	}
	os.Remove(f.Name())
	return err
}

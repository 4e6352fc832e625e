package logos

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"
)

// remoteMeta is what the disk cache keeps beside a fetched logo to
// revalidate it.
type remoteMeta struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Fetched      time.Time `json:"fetched"`
}

// fetch downloads an https logo, revalidating the cached copy when there
// is one. When the host cannot be reached or answers with an error, the
// cached copy is used with a warning; without one the logo is missing.
func (p *Processor) fetch(ctx context.Context, ref string) ([]byte, []Problem, bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, []Problem{errorf("logo URL %s is not an https URL (use https, or host the file in hosted_logos)", shorten(ref))}, false
	}
	body, meta := p.readRemoteCache(ref)
	data, fresh, err := p.download(ctx, ref, meta)
	switch {
	case err == nil && fresh:
		p.writeRemoteCache(ref, data, meta)
		return data, nil, true
	case err == nil: // 304 Not Modified
		return body, nil, true
	case errors.Is(err, errTooBig):
		return nil, []Problem{tooBig(p.opts.MaxBytes)}, false
	case body != nil:
		p.log().Warn("logo fetch failed, using cached copy", "url", ref, "err", err)
		return body, []Problem{warnf("could not fetch %s (%v); using the copy cached on %s",
			shorten(ref), err, meta.Fetched.Format(time.DateOnly))}, true
	}
	return nil, []Problem{warnf("could not fetch %s (%v); showing a placeholder (check the URL, or host the logo in hosted_logos)",
		shorten(ref), err)}, false
}

var errTooBig = errors.New("too big")

// download performs one conditional GET; fresh is false on 304 Not Modified.
// meta is updated with the validators of a fresh response.
func (p *Processor) download(ctx context.Context, ref string, meta *remoteMeta) (data []byte, fresh bool, err error) {
	select {
	case p.fetchSem <- struct{}{}:
		defer func() { <-p.fetchSem }()
	case <-ctx.Done():
		return nil, false, ctx.Err()
	}
	ctx, cancel := context.WithTimeout(ctx, p.opts.FetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ref, nil)
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Accept", "image/svg+xml, image/*;q=0.8")
	if meta.ETag != "" {
		req.Header.Set("If-None-Match", meta.ETag)
	}
	if meta.LastModified != "" {
		req.Header.Set("If-Modified-Since", meta.LastModified)
	}
	resp, err := p.client.Do(req)
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
	data, err = io.ReadAll(io.LimitReader(resp.Body, p.opts.MaxBytes+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > p.opts.MaxBytes {
		return nil, false, errTooBig
	}
	*meta = remoteMeta{URL: ref, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), Fetched: time.Now().UTC()}
	return data, true, nil
}

func (p *Processor) remotePath(ref string) string {
	sum := sha256.Sum256([]byte(ref))
	return filepath.Join(p.opts.CacheDir, "logos", "remote", hex.EncodeToString(sum[:16]))
}

// readRemoteCache returns the cached body and its validators; the body is
// nil and meta zero when nothing usable is cached.
func (p *Processor) readRemoteCache(ref string) ([]byte, *remoteMeta) {
	meta := &remoteMeta{}
	if p.opts.CacheDir == "" {
		return nil, meta
	}
	base := p.remotePath(ref)
	mb, err1 := os.ReadFile(base + ".json")
	body, err2 := os.ReadFile(base + ".body")
	if err1 != nil || err2 != nil || json.Unmarshal(mb, meta) != nil || meta.URL != ref {
		return nil, &remoteMeta{}
	}
	return body, meta
}

func (p *Processor) writeRemoteCache(ref string, body []byte, meta *remoteMeta) {
	if p.opts.CacheDir == "" {
		return
	}
	base := p.remotePath(ref)
	mb, _ := json.Marshal(meta)
	if err := writeAtomic(base+".body", body); err != nil {
		p.log().Warn("logo cache not written", "err", err)
		return
	}
	if err := writeAtomic(base+".json", mb); err != nil {
		p.log().Warn("logo cache not written", "err", err)
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
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

package build

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/internal/poster"
)

// keySize is the length of a cache key, in bytes, as logos.DefaultCacheKey makes it.
const keySize = 32

// The poster cache keeps the last build's posters in CacheDir/poster/KEY,
// KEY being a digest of what they show. The cache folder is not trusted:
// a pull request can force-add it, and a planted landscape.svg would be
// served from the site's origin. So each entry has a manifest sealed with
// an HMAC under a key kept outside the checkout (in the user's cache
// folder), naming each file with its SHA-256 and its identity on disk
// (device, inode, size, modification time). A warm build checks the seal
// and stats the files: a file that is still the one the manifest names is
// linked into the site without being read; any other is hashed, and used
// only if its hash is the sealed one. Nothing is read but the manifest.

// posterCache is the cache folder for posters and its sealing key; a zero
// one caches nothing.
type posterCache struct {
	dir string
	key []byte
}

// posterEntry is a sealed manifest.
type posterEntry struct {
	Key       string           `json:"key"`
	Files     []posterFile     `json:"files"`
	Fallbacks []storedFallback `json:"fallbacks,omitempty"` // so that a warm build warns as the cold one did
	MAC       []byte           `json:"mac,omitempty"`
}

// storedFallback is a poster.Fallback by the item's ID.
type storedFallback struct {
	Item   string `json:"item"`
	Reason string `json:"reason"`
	Raster bool   `json:"raster,omitempty"`
}

type posterFile struct {
	Name   string `json:"name"`
	SHA256 []byte `json:"sha256"`
	Size   int64  `json:"size"`
	Dev    uint64 `json:"dev"`
	Ino    uint64 `json:"ino"`
	MTime  int64  `json:"mtime"`
}

func (o *Builder) posterCache() posterCache {
	if o.CacheDir == "" {
		return posterCache{}
	}
	key := o.CacheKey
	if key == nil {
		k, err := logos.DefaultCacheKey() // the key that seals the logo caches too
		if err != nil {
			o.logger().Warn("poster cache disabled", "err", err)
			return posterCache{}
		}
		key = k
	}
	return posterCache{dir: filepath.Join(o.CacheDir, "poster"), key: key}
}

func (c posterCache) mac(e posterEntry) []byte {
	e.MAC = nil
	data, _ := json.Marshal(e)
	m := hmac.New(sha256.New, c.key)
	m.Write(data)
	return m.Sum(nil)
}

// reuse links the cached posters for key into dir, when there are any
// that can be trusted.
func (c posterCache) reuse(key, dir string) (int, []storedFallback, bool) {
	if c.dir == "" || !validKey(key) {
		return 0, nil, false
	}
	entry := filepath.Join(c.dir, key)
	data, err := os.ReadFile(filepath.Join(entry, "manifest.json"))
	if err != nil || len(data) > 16<<20 {
		return 0, nil, false
	}
	var e posterEntry
	if json.Unmarshal(data, &e) != nil || e.Key != key || len(e.Files) == 0 || !hmac.Equal(e.MAC, c.mac(e)) {
		return 0, nil, false
	}
	for _, f := range e.Files {
		if f.Name != filepath.Base(f.Name) || !strings.HasPrefix(f.Name, "landscape") || !sameFile(filepath.Join(entry, f.Name), f) {
			return 0, nil, false
		}
	}
	for _, f := range e.Files {
		if err := linkOrCopy(filepath.Join(entry, f.Name), filepath.Join(dir, f.Name)); err != nil {
			return 0, nil, false
		}
	}
	return len(e.Files), e.Fallbacks, true
}

// sameFile says whether path is the file f describes: the same file on
// disk, unchanged since it was sealed, or else one with the sealed hash.
func sameFile(path string, f posterFile) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != f.Size {
		return false
	}
	if dev, ino, ok := fileID(fi); ok && dev == f.Dev && ino == f.Ino && fi.ModTime().UnixNano() == f.MTime {
		return true
	}
	file, err := os.Open(path)
	if err != nil {
		return false
	}
	defer file.Close()
	h := sha256.New()
	_, err = io.Copy(h, file)
	return err == nil && bytes.Equal(h.Sum(nil), f.SHA256)
}

// store keeps the posters just written into dir (named with their hashes)
// as the cache's one entry, replacing the last build's.
func (c posterCache) store(key, dir string, sums map[string][]byte, fallbacks []poster.Fallback) error {
	if c.dir == "" || !validKey(key) {
		return nil
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(c.dir, ".new-")
	if err != nil {
		return err
	}
	e := posterEntry{Key: key}
	for _, f := range fallbacks {
		e.Fallbacks = append(e.Fallbacks, storedFallback{Item: f.Item.ID, Reason: f.Reason, Raster: f.Raster})
	}
	for _, name := range slices.Sorted(maps.Keys(sums)) {
		path := filepath.Join(tmp, name)
		if err := linkOrCopy(filepath.Join(dir, name), path); err != nil {
			os.RemoveAll(tmp)
			return err
		}
		fi, err := os.Lstat(path)
		if err != nil {
			os.RemoveAll(tmp)
			return err
		}
		dev, ino, _ := fileID(fi)
		e.Files = append(e.Files, posterFile{Name: name, SHA256: sums[name], Size: fi.Size(), Dev: dev, Ino: ino, MTime: fi.ModTime().UnixNano()})
	}
	e.MAC = c.mac(e)
	data, _ := json.Marshal(e)
	if err := os.WriteFile(filepath.Join(tmp, "manifest.json"), data, 0o644); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if old, err := os.ReadDir(c.dir); err == nil { // one entry is kept: the last build's
		for _, d := range old {
			if d.Name() != filepath.Base(tmp) {
				os.RemoveAll(filepath.Join(c.dir, d.Name()))
			}
		}
	}
	if err := os.Rename(tmp, filepath.Join(c.dir, key)); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return nil
}

func validKey(key string) bool {
	return key != "" && strings.Trim(key, "0123456789abcdef") == ""
}

// linkOrCopy makes dst the file src: a hard link, or a copy across file
// systems.
func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// preparedPath is the pack of prepared logos: every logo of the last
// build's posters, made ready to draw (its SVG symbol, PDF forms and
// rasters), by the SHA-256 of its bytes. It lives beside the poster
// entries, which store replaces.
func (c posterCache) preparedPath() string { return c.dir + "-logos.pack" }

// loadPrepared reads the pack of prepared logos (pack.go); nil when
// there is none that can be trusted.
func (c posterCache) loadPrepared() map[[32]byte]*poster.Prepared {
	if c.dir == "" {
		return nil
	}
	return loadPack[[32]byte, poster.Prepared](c.preparedPath(), c.key)
}

// storePrepared writes the pack of prepared logos, sealed, in place of
// the last one.
func (c posterCache) storePrepared(p map[[32]byte]*poster.Prepared) error {
	if c.dir == "" {
		return nil
	}
	return storePack(c.preparedPath(), c.key, p, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
}

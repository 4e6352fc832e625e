package logos

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// The disk caches live in a folder that a pull request can write: .cache
// is ignored by git, but a change can force-add it, and the pull-request
// check and the preview build then run with it. A forged processed-logo
// entry was enough to serve a script-bearing logo, since its key (the hash
// of the clean input) was all that was checked, or to drop a logo's errors.
// So everything the caches write is sealed with an HMAC under a key kept
// outside the checkout, in the user's cache folder, and whatever is read
// back without a valid seal is ignored, as if it were not there.
//
// Sealing rather than checking what is read back (sanitizing it again)
// because the seal also covers what sanitizing cannot judge: the problems
// reported, the crop and the file name. It costs one HMAC over a few
// hundred bytes per logo, where sanitizing again would cost more than the
// whole warm build. The price is that a cache made on another machine (a
// CI runner's restored cache) is recomputed once, on first use.

// keySize is the length of the cache key, in bytes.
const keySize = 32

// DefaultCacheKey returns the key that seals this user's logo caches,
// making it the first time: 32 random bytes in landscape/cache-key under
// os.UserCacheDir, readable by the user alone.
func DefaultCacheKey() ([]byte, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil, fmt.Errorf("no folder for the cache key: %w", err)
	}
	return loadOrCreateKey(filepath.Join(dir, "landscape", "cache-key"))
}

// loadOrCreateKey reads the key at path, or makes one there. Two builds
// making it at once agree on one: the key is written aside and linked into
// place, which fails for the second, who then reads the first's.
func loadOrCreateKey(path string) ([]byte, error) {
	if k, err := readKey(path); !errors.Is(err, fs.ErrNotExist) {
		return k, err
	}
	key := make([]byte, keySize)
	rand.Read(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".cache-key-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(key)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o600)
	}
	if err == nil {
		if err = os.Link(f.Name(), path); errors.Is(err, fs.ErrExist) {
			err = nil
		}
	}
	if err != nil {
		return nil, err
	}
	return readKey(path)
}

func readKey(path string) ([]byte, error) {
	k, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(k) != keySize {
		return nil, fmt.Errorf("%s is not a cache key (%d bytes; remove it and a new one is made)", path, len(k))
	}
	return k, nil
}

// sealer signs what a cache writes and checks what it reads back. With no
// key, nothing it reads is valid.
type sealer struct{ key []byte }

// seal is the HMAC of parts, each length-prefixed so that no two lists of
// parts seal alike.
func (s sealer) seal(parts ...[]byte) []byte {
	m := hmac.New(sha256.New, s.key)
	var n [8]byte
	for _, p := range parts {
		binary.BigEndian.PutUint64(n[:], uint64(len(p)))
		m.Write(n[:])
		m.Write(p)
	}
	return m.Sum(nil)
}

// valid says whether mac seals parts under the key.
func (s sealer) valid(mac []byte, parts ...[]byte) bool {
	return len(s.key) == keySize && hmac.Equal(mac, s.seal(parts...))
}

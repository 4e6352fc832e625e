package build

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/gob"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// maxPackBytes bounds what is read of a pack, which is not trusted
// before its seal is checked (cncf-full's prepared logos are under 100 MB).
const maxPackBytes = 1 << 30

// A pack is a cache file of values by key that this machine's builds
// wrote: the HMAC of the rest, then one gob stream of the number of
// entries and each entry's key and value. A pack with any byte changed,
// or sealed with another key, reads as none.

// loadPack reads the pack at path; nil when there is none to trust.
func loadPack[K comparable, V any](path string, key []byte) map[K]*V {
	if st, err := os.Stat(path); err != nil || st.Size() > maxPackBytes {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil || len(data) < sha256.Size {
		return nil
	}
	m := hmac.New(sha256.New, key)
	m.Write(data[sha256.Size:])
	if !hmac.Equal(m.Sum(nil), data[:sha256.Size]) {
		return nil
	}
	dec := gob.NewDecoder(bytes.NewReader(data[sha256.Size:]))
	var n int
	if dec.Decode(&n) != nil || n < 0 || n > len(data) {
		return nil
	}
	out := make(map[K]*V, n)
	for range n {
		var k K
		var v V
		if dec.Decode(&k) != nil || dec.Decode(&v) != nil {
			return nil
		}
		out[k] = &v
	}
	return out
}

// storePack writes a pack at path in place of the last one, its entries
// in the order of less. Entries are encoded one at a time, straight to
// the file: gob encodes a value whole in memory before writing it, so a
// pack encoded as one map would be built and grown in memory (50 MB for
// cncf-full's prepared logos, a fifth of a cold poster stage's CPU).
func storePack[K comparable, V any](path string, key []byte, entries map[K]*V, less func(a, b K) int) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pack-")
	if err != nil {
		return err
	}
	m := hmac.New(sha256.New, key)
	w := bufio.NewWriterSize(tmp, 1<<16)
	_, err = w.Write(make([]byte, sha256.Size)) // the seal, written last
	enc := gob.NewEncoder(io.MultiWriter(w, m))
	if err == nil {
		err = enc.Encode(len(entries))
	}
	for _, k := range slices.SortedFunc(maps.Keys(entries), less) {
		if err != nil {
			break
		}
		if err = enc.Encode(k); err == nil {
			err = enc.Encode(entries[k])
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		_, err = tmp.WriteAt(m.Sum(nil), 0)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

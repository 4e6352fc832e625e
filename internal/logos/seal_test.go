package logos

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestDefaultCacheKey checks that the key is made once, outside the
// checkout (the user's cache folder), readable by the user alone, and the
// same for builds that start together.
func TestDefaultCacheKey(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home) // os.UserCacheDir on Linux and BSDs
	t.Setenv("HOME", home)           // and on macOS, under Library/Caches
	keys := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Go(func() {
			k, err := DefaultCacheKey()
			if err != nil {
				t.Error(err)
			}
			keys[i] = k
		})
	}
	wg.Wait()
	for _, k := range keys {
		if len(k) != keySize || !bytes.Equal(k, keys[0]) {
			t.Fatalf("got keys %x, want one key of %d bytes", keys, keySize)
		}
	}
	dir, _ := os.UserCacheDir()
	fi, err := os.Stat(filepath.Join(dir, "landscape", "cache-key"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v, mode %v; want it readable by its owner alone", err, fi.Mode())
	}
	os.WriteFile(filepath.Join(dir, "landscape", "cache-key"), []byte("short"), 0o600)
	if _, err := DefaultCacheKey(); err == nil {
		t.Error("a damaged key was accepted")
	}
}

func TestSeal(t *testing.T) {
	s := sealer{testKey}
	mac := s.seal([]byte("ab"), []byte("c"))
	for _, tc := range []struct {
		name  string
		s     sealer
		parts [][]byte
		want  bool
	}{
		{"same parts", s, [][]byte{[]byte("ab"), []byte("c")}, true},
		{"parts split elsewhere", s, [][]byte{[]byte("a"), []byte("bc")}, false},
		{"another key", sealer{bytes.Repeat([]byte{1}, keySize)}, [][]byte{[]byte("ab"), []byte("c")}, false},
		{"no key", sealer{}, [][]byte{[]byte("ab"), []byte("c")}, false},
	} {
		if got := tc.s.valid(mac, tc.parts...); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

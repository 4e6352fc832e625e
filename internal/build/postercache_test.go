package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/serverless-landscape/landscape/internal/poster"
	"github.com/serverless-landscape/landscape/templates"
)

// TestPosterCache builds the hand-made site three times with one cache: the
// second build links the first's posters, and a cached poster changed in
// place (as a pull request could plant one) is drawn again, not served.
func TestPosterCache(t *testing.T) {
	fixture := filepath.Join("..", "render", "testdata", "site")
	cache := filepath.Join(t.TempDir(), "cache")
	build := func(key []byte) (string, string) {
		t.Helper()
		var log bytes.Buffer
		o := Options{DataFile: filepath.Join(fixture, "landscape.yml"), SettingsFile: filepath.Join(fixture, "settings.yml"),
			LogosDir: filepath.Join(fixture, "logos"), OutDir: filepath.Join(t.TempDir(), "public"), CacheDir: cache, CacheKey: key,
			Offline: true, Templates: templates.FS, Log: &log}
		if _, err := Build(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(log.String(), "\n") {
			if strings.HasPrefix(l, "poster: ") {
				return o.OutDir, l
			}
		}
		t.Fatalf("no poster stage in the log:\n%s", log.String())
		return "", ""
	}
	key := bytes.Repeat([]byte{7}, keySize)
	first, line := build(key)
	if strings.Contains(line, "unchanged") {
		t.Fatalf("first build: %s", line)
	}
	second, line := build(key)
	if !strings.Contains(line, "unchanged") {
		t.Fatalf("second build drew the posters again: %s", line)
	}
	// A cold poster stage with the logos prepared by an earlier build
	// draws none again.
	os.RemoveAll(filepath.Join(cache, "poster"))
	third, line := build(key)
	if m := regexp.MustCompile(`(\d+) logos \((\d+) drawn before\)`).FindStringSubmatch(line); m == nil || m[1] != m[2] || m[1] == "0" {
		t.Fatalf("third build: %s, want every logo taken from the cache", line)
	}
	for _, name := range []string{"landscape.svg", "landscape.pdf", "landscape.png"} {
		a, err1 := os.ReadFile(filepath.Join(first, name))
		for _, other := range []string{second, third} {
			b, err2 := os.ReadFile(filepath.Join(other, name))
			if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
				t.Errorf("%s: the cached poster differs from the drawn one (%v, %v)", name, err1, err2)
			}
		}
	}

	// Another key (another machine's cache) is not trusted.
	if _, line := build(bytes.Repeat([]byte{8}, keySize)); strings.Contains(line, "unchanged") {
		t.Errorf("a cache sealed with another key was used: %s", line)
	}
	// The entry is now sealed with key 8 again; change a cached file in place,
	// keeping its size.
	entries, _ := filepath.Glob(filepath.Join(cache, "poster", "*", "landscape.svg"))
	if len(entries) != 1 {
		t.Fatalf("got cache entries %v, want one", entries)
	}
	svg, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	planted := append([]byte(`<svg><script>alert(1)</script>`), bytes.Repeat([]byte(" "), len(svg)-37)...)
	planted = append(planted, "</svg>"...)
	if err := os.WriteFile(entries[0], planted, 0o644); err != nil {
		t.Fatal(err)
	}
	out, line := build(bytes.Repeat([]byte{8}, keySize))
	if strings.Contains(line, "unchanged") {
		t.Errorf("a changed cache entry was used: %s", line)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "landscape.svg")); bytes.Contains(got, []byte("<script")) {
		t.Error("the planted poster was served")
	}
}

// TestPreparedPack round-trips the pack of prepared logos, written logo by
// logo, and refuses one with any byte changed or missing.
func TestPreparedPack(t *testing.T) {
	c := posterCache{dir: filepath.Join(t.TempDir(), "poster"), key: bytes.Repeat([]byte{7}, keySize)}
	in := map[[32]byte]*poster.Prepared{
		{1}: {Drawn: true, Symbol: []byte("<symbol>\x00</symbol>"), Stamps: []poster.Stamp{{Pix: []byte{1, 2, 3}}}},
		{2}: {Why: "filter"},
	}
	if err := c.storePrepared(in); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, c.loadPrepared(), cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("loaded pack (-stored +loaded):\n%s", diff)
	}
	data, err := os.ReadFile(c.preparedPath())
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{
		append(bytes.Clone(data[:len(data)-40]), data[len(data)-39:]...),              // a byte missing
		append(bytes.Clone(data[:40]), append([]byte{data[40] ^ 1}, data[41:]...)...), // a byte flipped
		data[:len(data)/2],
	} {
		if err := os.WriteFile(c.preparedPath(), bad, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := c.loadPrepared(); got != nil {
			t.Errorf("a changed pack was read: %d logos", len(got))
		}
	}
}

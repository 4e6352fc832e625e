package links

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestFixRewritesOnlyMovedValues fixes the fixture and checks that the
// result is the input with exactly the two same-site moves replaced: the
// multi-byte text before the value on its line, the quotes around it and
// every other byte are untouched, and the move to another host is not
// written.
func TestFixRewritesOnlyMovedValues(t *testing.T) {
	w := newFakeWeb(t)
	uses, err := Collect([]byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	cache, _ := OpenCache("", 0)
	rep, err := Check(context.Background(), uses, cache, testOptions(w, t), true)
	if err != nil {
		t.Fatal(err)
	}
	out, fixed, left := Fix([]byte(fixture), rep)
	want := strings.Replace(fixture, `homepage_url: "http://moved.test/old"`, `homepage_url: "http://moved.test/new"`, 1)
	want = strings.Replace(want, `url: http://www.moved.test/docs}`, `url: http://moved.test/docs}`, 1)
	if diff := cmp.Diff(want, string(out)); diff != "" {
		t.Errorf("fixed file (-want +got):\n%s", diff)
	}
	if len(fixed) != 2 || len(left) != 0 {
		t.Errorf("fixed %d, left %d; want 2 and 0", len(fixed), len(left))
	}
	again, _, _ := Fix(out, &Report{Uses: mustCollect(t, out), Results: rep.Results, Fresh: rep.Fresh})
	if string(again) != string(out) {
		t.Error("fixing the fixed file changed it again")
	}
}

func mustCollect(t *testing.T, data []byte) []Use {
	t.Helper()
	u, err := Collect(data)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestFixTrustsNoCache: a cache file is writable by a pull request, so a
// move read from it is never written; --fix asks again.
func TestFixTrustsNoCache(t *testing.T) {
	uses := mustCollect(t, []byte(fixture))
	rep := &Report{Uses: uses, Results: map[string]Result{"http://moved.test/old": {Kind: Moved, Location: "http://moved.test/evil"}}, Fresh: map[string]bool{}}
	if out, fixed, _ := Fix([]byte(fixture), rep); string(out) != fixture || len(fixed) != 0 {
		t.Errorf("a move from the cache was written: %d fixed", len(fixed))
	}
	w := newFakeWeb(t)
	file := filepath.Join(t.TempDir(), "links.json")
	poisoned := &Cache{File: file, Results: map[string]Result{"http://moved.test/old": {Kind: Moved, Location: "http://moved.test/evil", Checked: time.Now()}}}
	if err := poisoned.Save(); err != nil {
		t.Fatal(err)
	}
	cache, _ := OpenCache(file, time.Hour)
	rep, err := Check(context.Background(), uses, cache, testOptions(w, t), true)
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Results["http://moved.test/old"].Location; got != "http://moved.test/new" {
		t.Errorf("with --fix, the cached move was not asked again: location %q", got)
	}
}

// TestFixForms covers the ways a value can be written.
func TestFixForms(t *testing.T) {
	tests := []struct{ line, want string }{
		{"homepage_url: http://a.test/x\n", "homepage_url: https://a.test/x\n"},
		{"homepage_url: 'http://a.test/x'  # comment\n", "homepage_url: 'https://a.test/x'  # comment\n"},
		{"homepage_url: \"http://a.test/x\"\r\n", "homepage_url: \"https://a.test/x\"\r\n"},
		{"homepage_url: >-\n              http://a.test/x\n", "homepage_url: >-\n              http://a.test/x\n"}, // a block scalar: left
	}
	for _, tt := range tests {
		data := "landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n          - name: A\n            logo: a.svg\n            " + tt.line
		uses := mustCollect(t, []byte(data))
		if len(uses) != 1 {
			t.Fatalf("%q: got %d uses", tt.line, len(uses))
		}
		rep := &Report{Uses: uses, Results: map[string]Result{"http://a.test/x": {Kind: Moved, Location: "https://a.test/x"}}, Fresh: map[string]bool{"http://a.test/x": true}}
		out, _, _ := Fix([]byte(data), rep)
		if got := strings.TrimPrefix(string(out), data[:len(data)-len(tt.line)]); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestSameSite(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"http://a.test/x", "https://a.test/x", true},
		{"https://a.test/x", "https://www.a.test/y", true},
		{"https://www.a.test/", "https://a.test/", true},
		{"https://a.test/", "http://a.test/", false},
		{"https://a.test/", "https://b.test/", false},
		{"https://a.test/", "https://a.test.evil/", false},
	}
	for _, tt := range tests {
		if got := SameSite(tt.a, tt.b); got != tt.want {
			t.Errorf("SameSite(%q, %q): got %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"": 0, "3": 3 * time.Second, "soon": 0,
		now.Add(90 * time.Second).Format(time.RFC1123): 90 * time.Second,
	} {
		if got := retryAfter(strings.Replace(v, "UTC", "GMT", 1), now); got != want {
			t.Errorf("retryAfter(%q): got %v, want %v", v, got, want)
		}
	}
}

// TestConcurrencyBounds checks the per-host and overall limits under load.
func TestConcurrencyBounds(t *testing.T) {
	w := newFakeWeb(t)
	var uses []Use
	for i := range 24 {
		uses = append(uses, Use{URL: fmt.Sprintf("http://many.test/%d", i), Line: i + 1, Col: 1})
	}
	var mu sync.Mutex
	peak := 0
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			w.mu.Lock()
			mu.Lock()
			peak = max(peak, w.busy)
			mu.Unlock()
			w.mu.Unlock()
			time.Sleep(time.Millisecond)
		}
	}()
	o := testOptions(w, t)
	o.PerHost, o.Timeout = 3, time.Second
	cache, _ := OpenCache("", 0)
	rep, err := Check(context.Background(), uses, cache, o, false)
	close(stop)
	if err != nil {
		t.Fatal(err)
	}
	if n := rep.Counts()[OK]; n != 24 {
		t.Errorf("got %d ok, want 24", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if peak > 3 {
		t.Errorf("peak of %d requests at once to one host, want at most 3", peak)
	}
}

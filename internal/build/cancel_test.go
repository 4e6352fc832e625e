package build

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLoadStopsWhenCancelled checks that loading returns once its context
// ends, in the middle of parsing a large file: yaml.v3 cannot be
// interrupted, and a cancelled build waited for the whole parse (seconds for
// a 70 MB file) before any stage looked at the context.
func TestLoadStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n")
	for i := range 20000 { // about 0.5 s to parse on this machine, far more than the 50 ms below
		fmt.Fprintf(&b, "          - item:\n            name: Item %d\n            homepage_url: https://%d.example\n            logo: a.svg\n", i, i)
	}
	o := Options{DataFile: filepath.Join(dir, "landscape.yml"), LogosDir: filepath.Join(dir, "hosted_logos")}
	if err := os.WriteFile(o.DataFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		after time.Duration
	}{{"cancelled before", 0}, {"cancelled while parsing", 50 * time.Millisecond}} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.after == 0 {
				cancel()
			} else {
				time.AfterFunc(tt.after, cancel)
			}
			in, err := New(o).Load(ctx)
			if !errors.Is(err, context.Canceled) || in.Landscape != nil {
				t.Errorf("got error %v and data %v, want context.Canceled and nothing", err, in.Landscape != nil)
			}
		})
	}
	if in, err := New(o).Load(context.Background()); err != nil || len(in.Landscape.Items) != 20000 {
		t.Fatalf("uncancelled load: %v", err)
	}
}

// TestUntilDone checks that untilDone returns at cancellation while its
// function still runs, and returns the function's value otherwise.
func TestUntilDone(t *testing.T) {
	release := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	if _, err := untilDone(ctx, func() int { <-release; return 1 }); !errors.Is(err, context.Canceled) {
		t.Errorf("blocked function: got %v, want context.Canceled", err)
	}
	close(release)
	if v, err := untilDone(context.Background(), func() int { return 7 }); v != 7 || err != nil {
		t.Errorf("got %d, %v; want 7, nil", v, err)
	}
}

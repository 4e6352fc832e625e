package serve

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestNotifier(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "landscape.yml")
	logos := filepath.Join(dir, "logos")
	write(t, data, "a")
	write(t, filepath.Join(logos, "a.svg"), "<svg/>")
	n, err := newNotifier([]string{data, logos, filepath.Join(dir, "guide.yml")})
	if err != nil {
		t.Skipf("file events unavailable here (the server polls instead): %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := make(chan []string, 100)
	go n.run(ctx, out, make(chan error, 1))

	tests := []struct {
		name   string
		change func()
		want   string
	}{
		{"save by rename", func() { write(t, data, "b") }, data},
		{"save in place", func() { _ = os.WriteFile(data, []byte("c"), 0o644) }, data},
		{"logo replaced", func() { _ = os.WriteFile(filepath.Join(logos, "a.svg"), []byte("<svg></svg>"), 0o644) }, filepath.Join(logos, "a.svg")},
		{"logo in a new folder", func() {
			_ = os.Mkdir(filepath.Join(logos, "new"), 0o755)
			time.Sleep(50 * time.Millisecond) // let the new folder be watched
			_ = os.WriteFile(filepath.Join(logos, "new", "b.svg"), []byte("<svg/>"), 0o644)
		}, filepath.Join(logos, "new", "b.svg")},
		{"optional file created", func() { write(t, filepath.Join(dir, "guide.yml"), "g") }, filepath.Join(dir, "guide.yml")},
		{"logo removed", func() { _ = os.Remove(filepath.Join(logos, "a.svg")) }, filepath.Join(logos, "a.svg")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.change()
			seen := map[string]bool{}
			timeout := time.After(5 * time.Second)
			for !seen[tt.want] {
				select {
				case paths := <-out:
					for _, p := range paths {
						seen[p] = true
					}
				case <-timeout:
					t.Fatalf("no event for %s; saw %v", tt.want, seen)
				}
			}
		})
	}
	// Nothing else in the folder is reported: not the editor's droppings,
	// not unwatched files next to the data file.
	write(t, filepath.Join(dir, "notes.txt"), "x")
	write(t, filepath.Join(logos, ".a.svg.swp"), "x")
	drain := time.After(200 * time.Millisecond)
	var extra []string
	for done := false; !done; {
		select {
		case paths := <-out:
			for _, p := range paths {
				if p != data && p != filepath.Join(logos, "new", "b.svg") && p != filepath.Join(dir, "guide.yml") {
					extra = append(extra, p)
				}
			}
		case <-drain:
			done = true
		}
	}
	if diff := cmp.Diff([]string(nil), extra); diff != "" {
		t.Errorf("unwatched paths reported (-want +got):\n%s", diff)
	}
}

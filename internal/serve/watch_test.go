package serve

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// write replaces a file whole, as most editors save, so that a poll never
// sees it half written.
func write(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(filepath.Dir(name), ".tmp-"+filepath.Base(name))
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}

func TestChanges(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "landscape.yml")
	logos := filepath.Join(dir, "logos")
	write(t, data, "a")
	write(t, filepath.Join(logos, "a.svg"), "<svg/>")
	write(t, filepath.Join(logos, "b.svg"), "<svg/>")
	paths := []string{data, logos, filepath.Join(dir, "guide.yml")}

	tests := []struct {
		name   string
		change func()
		want   []string
	}{
		{"nothing", func() {}, nil},
		{"edit", func() { write(t, data, "ab") }, []string{data}},
		{"same size, new time", func() {
			write(t, data, "xy")
			future := time.Now().Add(time.Hour)
			_ = os.Chtimes(data, future, future)
		}, []string{data}},
		{"new logo", func() { write(t, filepath.Join(logos, "c.svg"), "<svg/>") }, []string{filepath.Join(logos, "c.svg")}},
		{"removed logo", func() { _ = os.Remove(filepath.Join(logos, "a.svg")) }, []string{filepath.Join(logos, "a.svg")}},
		{"optional file appears", func() { write(t, filepath.Join(dir, "guide.yml"), "g") }, []string{filepath.Join(dir, "guide.yml")}},
		{"editor swap file ignored", func() { write(t, filepath.Join(logos, ".b.svg.swp"), "x") }, nil},
		{"backup file ignored", func() { write(t, filepath.Join(logos, "b.svg~"), "x") }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(paths)
			tt.change()
			got := changes(before, snapshot(paths))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWatchSendsChanges(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "landscape.yml")
	write(t, data, "a")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := make(chan []string)
	go watch(ctx, []string{data}, snapshot([]string{data}), 5*time.Millisecond, out)
	write(t, data, "abc")
	select {
	case got := <-out:
		if diff := cmp.Diff([]string{data}, got); diff != "" {
			t.Errorf("changed paths (-want +got):\n%s", diff)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no change seen")
	}
}

func TestDebounceMergesBursts(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in, out := make(chan []string), make(chan []string)
	go debounce(ctx, in, 200*time.Millisecond, out)
	in <- []string{"b"}
	in <- []string{"a", "b"}
	in <- []string{"c"}
	select {
	case got := <-out:
		if diff := cmp.Diff([]string{"a", "b", "c"}, got); diff != "" {
			t.Errorf("batch (-want +got):\n%s", diff)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no batch")
	}
	in <- []string{"d"}
	select {
	case got := <-out:
		if diff := cmp.Diff([]string{"d"}, got); diff != "" {
			t.Errorf("second batch (-want +got):\n%s", diff)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no second batch")
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"a"}, "a"},
		{[]string{"a", "b", "c"}, "a, b, c"},
		{[]string{"a", "b", "c", "d"}, "a, b and 2 more"},
	}
	for _, tt := range tests {
		if got := summary(tt.in); got != tt.want {
			t.Errorf("summary(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

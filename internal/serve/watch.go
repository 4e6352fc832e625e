package serve

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"time"
)

// fileState is what polling compares: a save changes the size or the
// modification time, a rename or delete changes the set of paths.
type fileState struct {
	size int64
	mod  time.Time
	dir  bool
}

// snapshot records every file under paths (folders are walked). A path that
// does not exist is simply absent, so creating it later counts as a change.
func snapshot(paths []string) map[string]fileState {
	snap := make(map[string]fileState)
	for _, p := range paths {
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // vanished between listing and stat: the next poll sees it
			}
			if path != p && hidden(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			snap[path] = fileState{size: info.Size(), mod: info.ModTime(), dir: d.IsDir()}
			return nil
		})
	}
	return snap
}

// hidden skips editor and VCS droppings such as .foo.swp and .git.
func hidden(name string) bool {
	return len(name) > 0 && (name[0] == '.' || name[len(name)-1] == '~')
}

// changes lists, sorted, the files that were added, removed or modified
// between two snapshots. Folders count only when added or removed.
func changes(old, cur map[string]fileState) []string {
	var out []string
	for p, s := range cur {
		o, ok := old[p]
		if !ok || (!s.dir && (o.size != s.size || !o.mod.Equal(s.mod))) || o.dir != s.dir {
			out = append(out, p)
		}
	}
	for p := range old {
		if _, ok := cur[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// watch polls paths every interval and sends the paths that changed. Polling
// needs no operating system support, sees files replaced by rename (as many
// editors save), and costs a few milliseconds per poll even for thousands of
// logos. It returns when ctx is done.
func watch(ctx context.Context, paths []string, interval time.Duration, out chan<- []string) {
	prev := snapshot(paths)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cur := snapshot(paths)
		if ch := changes(prev, cur); len(ch) > 0 {
			select {
			case out <- ch:
			case <-ctx.Done():
				return
			}
		}
		prev = cur
	}
}

// debounce merges bursts of changes: it waits until no change has arrived
// for quiet, then sends every path seen, once and sorted. A save that writes
// several files, or a checkout, so costs one rebuild.
func debounce(ctx context.Context, in <-chan []string, quiet time.Duration, out chan<- []string) {
	pending := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case paths := <-in:
			for _, p := range paths {
				pending[p] = true
			}
			timer = time.After(quiet)
		case <-timer:
			timer = nil
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			slices.Sort(batch)
			clear(pending)
			select {
			case out <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}

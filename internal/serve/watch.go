package serve

import (
	"context"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// fileState is what polling compares: a save changes the size or the
// modification time, a rename or delete changes the set of paths.
// Modification times are only as fine as the kernel's clock tick, so two
// saves of the same size a few milliseconds apart can share one; files
// modified within the last recent interval are therefore also hashed.
type fileState struct {
	size int64
	mod  time.Time
	dir  bool
	sum  uint64 // FNV-1a of the content of a recently modified file; 0 otherwise
}

// recent is how long after its last modification a file is also hashed.
const recent = 2 * time.Second

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
			st := fileState{size: info.Size(), mod: info.ModTime(), dir: d.IsDir()}
			if !st.dir && time.Since(st.mod) < recent {
				st.sum = hashFile(path)
			}
			snap[path] = st
			return nil
		})
	}
	return snap
}

func hashFile(path string) uint64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	h := fnv.New64a()
	_, _ = io.Copy(h, f)
	return h.Sum64()
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
		if !ok || o.dir != s.dir || (!s.dir && modified(o, s)) {
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

func modified(old, cur fileState) bool {
	return old.size != cur.size || !old.mod.Equal(cur.mod) || (old.sum != 0 && cur.sum != 0 && old.sum != cur.sum)
}

// watch polls paths every interval and sends the paths that changed. Polling
// needs no operating system support, sees files replaced by rename (as many
// editors save), and costs a few milliseconds per poll even for thousands of
// logos. prev is the snapshot taken before the first build, so that no
// change made during it is missed. It returns when ctx is done.
func watch(ctx context.Context, paths []string, prev map[string]fileState, interval time.Duration, out chan<- []string) {
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

package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// notifier reports changes to watched paths from the operating system's
// file events (inotify, kqueue, ReadDirectoryChangesW), which cost nothing
// while idle and arrive at once. A watched file is followed through its
// folder, so that editors that save by writing a new file and renaming it
// over the old one are seen; a watched folder is followed with its
// subfolders, including those created later.
type notifier struct {
	w     *fsnotify.Watcher
	files map[string]bool // watched files
	trees []string        // watched folders
}

// newNotifier starts watching paths. It fails when the system cannot watch
// them (no support, or no watches left); the caller then polls.
func newNotifier(paths []string) (*notifier, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	n := &notifier{w: w, files: map[string]bool{}}
	for _, p := range paths {
		p = filepath.Clean(p)
		info, err := os.Stat(p)
		if err == nil && info.IsDir() {
			n.trees = append(n.trees, p)
			err = n.addTree(p)
		} else {
			n.files[p] = true
			err = w.Add(filepath.Dir(p))
		}
		if err != nil {
			w.Close()
			return nil, err
		}
	}
	return n, nil
}

// addTree watches dir and every folder below it but hidden ones.
func (n *notifier) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if p != dir && hidden(d.Name()) {
			return filepath.SkipDir
		}
		return n.w.Add(p)
	})
}

// relevant reports whether an event on name concerns a watched path.
func (n *notifier) relevant(name string) bool {
	if n.files[name] {
		return true
	}
	for _, t := range n.trees {
		if strings.HasPrefix(name, t+string(filepath.Separator)) {
			rel, _ := filepath.Rel(t, name)
			for _, part := range strings.Split(rel, string(filepath.Separator)) {
				if hidden(part) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// run sends the paths of relevant events until ctx is done, then closes
// the watcher. Attribute-only changes (a touch) are ignored.
func (n *notifier) run(ctx context.Context, out chan<- []string, errs chan<- error) {
	defer n.w.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-n.w.Errors:
			if !ok {
				return
			}
			select {
			case errs <- err:
			default:
			}
		case ev, ok := <-n.w.Events:
			if !ok {
				return
			}
			name := filepath.Clean(ev.Name)
			if ev.Op == fsnotify.Chmod || !n.relevant(name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(name); err == nil && info.IsDir() {
					_ = n.addTree(name) // a new folder of logos
				}
			}
			select {
			case out <- []string{name}:
			case <-ctx.Done():
				return
			}
		}
	}
}

package logos

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// ErrOutside is returned for logo names that would leave hosted_logos,
// by their path or through a symbolic link: the folder is the boundary of
// what a pull request's logo may read.
var ErrOutside = errors.New("leaves hosted_logos")

// localName turns a `logo:` value into a path inside hosted_logos:
// "knative.svg" and "./knative.svg" both name knative.svg; names may hold
// spaces and parentheses but may not climb out of the folder.
func localName(ref string) (string, error) {
	if ref == "" || strings.HasPrefix(ref, "/") || strings.ContainsAny(ref, "\\\x00") ||
		len(ref) > 1 && ref[1] == ':' {
		return "", ErrOutside
	}
	name := path.Clean(ref)
	if !fs.ValidPath(name) || name == "." {
		return "", ErrOutside
	}
	return name, nil
}

// checkSymlinks follows every symbolic link on the way to name and refuses
// those that point outside the folder. File systems that cannot report
// links (fstest.MapFS, embed.FS) have none to follow.
func checkSymlinks(fsys fs.FS, name string) error {
	lfs, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return nil
	}
	for hops := 0; hops < 40; hops++ {
		link, target, err := firstLink(lfs, name)
		if err != nil || link == "" {
			return err
		}
		if path.IsAbs(target) || strings.HasPrefix(target, "\\") || len(target) > 1 && target[1] == ':' {
			return ErrOutside
		}
		resolved := path.Join(path.Dir(link), target)
		if !fs.ValidPath(resolved) {
			return ErrOutside
		}
		name = resolved + strings.TrimPrefix(name, link)
	}
	return errors.New("is reached through too many symbolic links")
}

// firstLink finds the first symbolic link among name's path prefixes.
func firstLink(lfs fs.ReadLinkFS, name string) (link, target string, err error) {
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, err := lfs.Lstat(p)
		if err != nil {
			return "", "", nil // a missing file is reported when opened
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			t, err := lfs.ReadLink(p)
			return p, t, err
		}
	}
	return "", "", nil
}

// readLocal reads a logo from hosted_logos, up to maxBytes.
func readLocal(fsys fs.FS, ref string, maxBytes int64) ([]byte, Problem, bool) {
	if ref == "" {
		return nil, errorf("logo is empty (name a file in hosted_logos or an https URL)"), false
	}
	name, err := localName(ref)
	if err != nil {
		return nil, errorf("%q %v (name a file inside hosted_logos)", ref, err), false
	}
	if fsys == nil {
		return nil, errorf("file %s not found in hosted_logos (there is no hosted_logos folder)", name), false
	}
	if err := StatLocal(fsys, name); errors.Is(err, fs.ErrNotExist) {
		return nil, errorf("file %s not found in hosted_logos (add it, or fix the name)", name), false
	} else if errors.Is(err, ErrOutside) {
		return nil, errorf("%q %v (name a file inside hosted_logos)", ref, err), false
	} else if err != nil {
		return nil, errorf("%s %v", name, err), false
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, errorf("cannot read %s: %v", name, err), false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, errorf("%s is not a regular file (logos must be files)", name), false // replaced since StatLocal looked
	}
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, errorf("cannot read %s: %v", name, err), false
	}
	if int64(len(data)) > maxBytes {
		return nil, tooBig(maxBytes), false
	}
	return data, Problem{}, true
}

// StatLocal says whether name (a clean path, see localName) can be read as
// a logo from the folder fsys: a regular file, not reached through a
// symbolic link that leaves the folder. It never opens the file, because
// opening a named pipe blocks until something writes to it; the error
// says what the file is instead (a folder, a named pipe, a socket, a
// device), and wraps fs.ErrNotExist when there is none.
func StatLocal(fsys fs.FS, name string) error {
	if err := checkSymlinks(fsys, name); err != nil {
		return err
	}
	if _, ok := fsys.(fs.StatFS); !ok {
		return nil // opening is stat-ing: such file systems (embed, zip) hold only files and folders
	}
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fs.ErrNotExist
		}
		return fmt.Errorf("cannot be read: %w", err)
	}
	switch m := fi.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a folder, not a logo file")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("is a named pipe (FIFO), not a logo file (logos must be regular files)")
	case m&fs.ModeSocket != 0:
		return errors.New("is a socket, not a logo file (logos must be regular files)")
	case m&fs.ModeDevice != 0:
		return errors.New("is a device, not a logo file (logos must be regular files)")
	}
	return errors.New("is not a regular file (logos must be regular files)")
}

func tooBig(maxBytes int64) Problem {
	return errorf("is larger than %s, the limit for one logo (simplify it or remove embedded images)", humanBytes(maxBytes))
}

// isRemote says whether a logo value is a URL rather than a file name.
func isRemote(ref string) bool {
	l := strings.ToLower(ref)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}

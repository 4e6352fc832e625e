package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/build"
)

// inputPaths are the files a check reads, as the flags name them.
type inputPaths struct {
	data, settings, guide, logos, cache string
}

func (c *common) paths() inputPaths {
	return inputPaths{data: c.data, settings: c.settings, guide: c.guide, logos: c.logos, cache: c.cacheDir}
}

// loadBase reads the base landscape.yml (and its settings) from git or
// from files.
func loadBase(f checkFlags, p inputPaths) (*build.Base, error) {
	switch {
	case f.baseFile != "":
		data, err := os.ReadFile(f.baseFile)
		if err != nil {
			return nil, fmt.Errorf("base: %w", err)
		}
		b := &build.Base{Name: f.baseFile, Data: data, SettingsFile: p.settings}
		if f.baseSettings != "" {
			if b.Settings, err = os.ReadFile(f.baseSettings); err != nil {
				return nil, fmt.Errorf("base settings: %w", err)
			}
		}
		return b, nil
	case f.base != "":
		return gitBase(f.base, p)
	}
	return nil, nil
}

// gitBase reads landscape.yml and settings.yml at rev, and lists the files
// changed since rev, committed or not: logo files, and files outside the
// landscape's inputs.
func gitBase(rev string, p inputPaths) (*build.Base, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("base: %q is not a revision", rev)
	}
	data, err := gitShow(rev, p.data)
	if err != nil {
		return nil, fmt.Errorf("base: landscape.yml at %s: %w", rev, err)
	}
	b := &build.Base{Name: rev, Data: data, ChangedLogos: map[string]bool{}, SettingsFile: p.settings}
	top, err := gitTop(p.data)
	if err != nil {
		return nil, fmt.Errorf("base: %w", err)
	}
	if p.settings == "" {
		// No settings file named: the working settings (the defaults) apply.
	} else if t, err := gitTop(p.settings); err == nil && t == top {
		// Absent at rev (or unreadable): the default rules, the strictest.
		b.Settings, err = gitShow(rev, p.settings)
		b.NoSettings = err != nil
	}
	changed, err := git(top, "diff", "-z", "--name-only", "--no-renames", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("base: files changed since %s: %w", rev, err)
	}
	sortChanged(b, top, p, strings.Split(string(changed), "\x00"))
	return b, nil
}

// sortChanged files each changed name (relative to the repository's top)
// as a logo, a cache file, an input, or another file.
func sortChanged(b *build.Base, top string, p inputPaths, names []string) {
	rel := func(path string) string {
		if path == "" {
			return ""
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			return ""
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		} else if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
			abs = filepath.Join(real, filepath.Base(abs)) // a file the change removed
		}
		r, err := filepath.Rel(top, abs)
		if err != nil || r == ".." || strings.HasPrefix(r, "../") {
			return ""
		}
		return filepath.ToSlash(r)
	}
	inputs := map[string]bool{rel(p.data): true, rel(p.settings): true, rel(p.guide): true}
	logos := rel(p.logos)
	// The cache folder in use, and .cache (the default) beside the data and
	// at the top, where a pull request would force-add one for our builds.
	caches := []string{rel(p.cache), rel(filepath.Join(filepath.Dir(p.data), ".cache")), ".cache"}
	for _, n := range names {
		switch {
		case n == "":
		case inputs[n]:
		case under(n, logos):
			b.ChangedLogos[strings.TrimPrefix(n, logos+"/")] = true
		case slices.ContainsFunc(caches, func(dir string) bool { return under(n, dir) }):
			b.CacheFiles = append(b.CacheFiles, n)
		default:
			b.OtherFiles = append(b.OtherFiles, n)
		}
	}
}

// under reports whether name is inside dir ("" and "." are no folder here:
// a logos or cache folder at the top of the repository would hold it all).
func under(name, dir string) bool {
	return dir != "" && dir != "." && strings.HasPrefix(name, dir+"/")
}

// gitShow reads file as it is at rev.
func gitShow(rev, file string) ([]byte, error) {
	return git(filepath.Dir(file), "show", rev+":./"+filepath.Base(file))
}

// gitTop is the top folder of the repository that holds path, with
// symbolic links resolved.
func gitTop(path string) (string, error) {
	out, err := git(filepath.Dir(path), "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	top := strings.TrimSpace(string(out))
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	return top, nil
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return out, nil
}

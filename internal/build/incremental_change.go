package build

import (
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Change says which inputs changed since the last build.
type Change struct {
	Data, Settings, Guide bool
	Templates             bool
	Logos                 []string // changed files, relative to LogosDir, slash-separated
	Other                 bool     // unknown: rebuild everything, logos included
}

// Classify maps changed paths, as a watcher reports them, to inputs.
func (inc *Incremental) Classify(paths []string) Change {
	var ch Change
	o := inc.b.Options
	for _, p := range paths {
		switch {
		case same(p, o.DataFile):
			ch.Data = true
		case o.SettingsFile != "" && same(p, o.SettingsFile):
			ch.Settings = true
		case o.GuideFile != "" && same(p, o.GuideFile):
			ch.Guide = true
		case o.LogosDir != "" && same(p, o.LogosDir):
			ch.Other = true // the whole folder: events were lost, or it was replaced
		case o.LogosDir != "" && within(o.LogosDir, p) != "":
			ch.Logos = append(ch.Logos, within(o.LogosDir, p))
		default:
			ch.Templates = true
		}
	}
	return ch
}

func same(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// within returns p relative to dir, slash-separated, or "" when p is not in
// dir (or is dir itself).
func within(dir, p string) string {
	rel, err := filepath.Rel(dir, p)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// logoFile is the file of the logos folder a reference names, "" for a URL.
func logoFile(ref string) string {
	if strings.Contains(ref, "://") {
		return ""
	}
	return path.Clean(strings.TrimPrefix(ref, "./"))
}

func (c Change) merge(d Change) Change {
	return Change{Data: c.Data || d.Data, Settings: c.Settings || d.Settings, Guide: c.Guide || d.Guide,
		Templates: c.Templates || d.Templates, Other: c.Other || d.Other, Logos: append(slices.Clip(c.Logos), d.Logos...)}
}

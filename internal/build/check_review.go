package build

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/serverless-landscape/landscape/internal/change"
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// RuleReview names the diagnostics of what a maintainer must review.
const RuleReview = "review"

// baseRules returns the working settings with the base's inclusion rules
// and exemptions, and a review warning for each edit of them.
func baseRules(base *Base, head *landscape.Settings) (*landscape.Settings, diag.List) {
	var from *landscape.Settings
	switch {
	case base.Settings != nil:
		from, _ = landscape.ParseSettings(base.SettingsFile, base.Settings) // its problems are the base's
	case base.NoSettings:
		from = landscape.DefaultSettings()
	default:
		return head, nil
	}
	s := *head
	s.Rules = from.Rules
	file := head.File
	if file == "" {
		file = base.SettingsFile
	}
	return &s, reviewRules(from.Rules, head, file)
}

// ruleEntry is one entry of a list of the rules (an exemption, an ignored
// category), keyed by what it is about.
type ruleEntry struct{ key, label, value string }

// reviewRules reports every edit of the rules between base and head, at
// its line in the working settings (the list's line for a removal).
func reviewRules(base landscape.Rules, head *landscape.Settings, file string) diag.List {
	var out diag.List
	add := func(path []string, field, format string, args ...any) {
		p := head.Pos(path...)
		out.Add(diag.Diagnostic{File: file, Line: p.Line, Col: p.Col, Severity: diag.Warning, Field: field, Rule: RuleReview,
			Message: fmt.Sprintf(format, args...) + ": needs a maintainer's review (this change is judged by the base revision's rules; the edit applies once merged)"})
	}
	h := head.Rules
	if base.MinStars != h.MinStars {
		add([]string{"rules", "min_stars"}, "rules.min_stars", "changed from %d to %d", base.MinStars, h.MinStars)
	}
	lists := []struct {
		path       []string
		what       string
		base, head []ruleEntry
	}{
		{[]string{"rules", "star_exemptions"}, "exemption", starExemptions(base), starExemptions(h)},
		{[]string{"rules", "one_box", "ignore_categories"}, "ignored category", ignored(base), ignored(h)},
		{[]string{"rules", "one_box", "exceptions"}, "exception", exceptions(base), exceptions(h)},
	}
	for _, l := range lists {
		field := strings.Join(l.path, ".")
		inBase := map[string]string{}
		for _, e := range l.base {
			inBase[e.key] = e.value
		}
		inHead := map[string]bool{}
		for i, e := range l.head {
			inHead[e.key] = true
			at := append(l.path[:len(l.path):len(l.path)], strconv.Itoa(i))
			switch v, ok := inBase[e.key]; {
			case !ok:
				add(at, field, "%s for %q added", l.what, e.label)
			case v != e.value:
				add(at, field, "%s for %q changed", l.what, e.label)
			}
		}
		for _, e := range l.base {
			if !inHead[e.key] {
				add(l.path, field, "%s for %q removed", l.what, e.label)
			}
		}
	}
	return out
}

func starExemptions(r landscape.Rules) []ruleEntry {
	var out []ruleEntry
	for _, e := range r.StarExemptions {
		out = append(out, ruleEntry{e.Item, e.Item, e.Reason})
	}
	return out
}

func ignored(r landscape.Rules) []ruleEntry {
	var out []ruleEntry
	for _, c := range r.OneBox.IgnoreCategories {
		out = append(out, ruleEntry{c, c, ""})
	}
	return out
}

func exceptions(r landscape.Rules) []ruleEntry {
	var out []ruleEntry
	for _, e := range r.OneBox.Exceptions {
		label := e.Organization
		if label == "" {
			label = e.Crunchbase
		}
		out = append(out, ruleEntry{e.Organization + "\x00" + e.Crunchbase, label, e.Reason})
	}
	return out
}

// selfExemptions reports the items the change takes out of the star rule
// by their own data: project: (a foundation project) or open_source: false
// on an item with a GitHub repository. Only a maintainer can tell whether
// that is true.
func selfExemptions(d *change.Diff) diag.List {
	var out diag.List
	add := func(it *landscape.Item, field, format string, args ...any) {
		p := it.FieldPos(field)
		out.Add(diag.Diagnostic{File: d.Head.File, Line: p.Line, Col: p.Col, Severity: diag.Warning, Item: it.Name,
			Field: field, Rule: RuleReview, Message: fmt.Sprintf(format, args...)})
	}
	for _, c := range d.Changes {
		h, b := c.Head, c.Base
		if h == nil || !onGitHub(h) {
			continue
		}
		if h.Project != "" && h.IsOpenSource() && (b == nil || b.Project != h.Project) {
			add(h, "project", "project: %q exempts the item from the star rule: needs a maintainer's review (only the foundation's own projects say project:)", h.Project)
		}
		if !h.IsOpenSource() && (b == nil || b.IsOpenSource()) {
			add(h, "open_source", "open_source: false takes an item with a GitHub repository out of the star rule: needs a maintainer's review (say it of a product that is not open source only)")
		}
	}
	return out
}

func onGitHub(it *landscape.Item) bool {
	_, _, ok := gh.ParseRepoURL(it.RepoURL)
	return ok
}

// otherFiles reports the files the change touched outside the landscape's
// data and logos, which the check does not judge.
func otherFiles(base *Base) diag.List {
	var out diag.List
	if len(base.CacheFiles) > 0 {
		out.Add(diag.Diagnostic{Severity: diag.Warning, Rule: RuleReview, Message: fmt.Sprintf(
			"the change adds or modifies %s in the cache folder, which git ignores (%s): needs a maintainer's review (the check never reads them, but a build shows what they say; remove them unless a maintainer commits a cache on purpose)",
			files(len(base.CacheFiles)), someNames(base.CacheFiles))})
	}
	if len(base.OtherFiles) > 0 {
		out.Add(diag.Diagnostic{Severity: diag.Warning, Rule: RuleReview, Message: fmt.Sprintf(
			"the change also modifies %s outside the landscape's data, settings, guide and logos (%s): needs a maintainer's review as code (the check judges the data only)",
			files(len(base.OtherFiles)), someNames(base.OtherFiles))})
	}
	return out
}

func files(n int) string {
	if n == 1 {
		return "1 file"
	}
	return strconv.Itoa(n) + " files"
}

// someNames lists the first few names, so that a change of a thousand files
// stays one readable line.
func someNames(names []string) string {
	const shown = 5
	if len(names) <= shown {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:shown], ", ") + fmt.Sprintf(" and %d more", len(names)-shown)
}

package change

import (
	"regexp"
	"strconv"

	"github.com/serverless-landscape/landscape/internal/check"
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Split sorts the problems of the head landscape into those the change
// introduced and those that were already there: a problem existed when the
// base landscape had the same problem on the same item (matched by
// identity), whatever its line. For an inclusion rule, the same rule
// failing on the same item is the same problem, even with other numbers
// (the item still has too few stars). A logo problem on an item whose logo
// and logo file did not change existed before too, even when the base was
// not checked for it; changedLogos holds the logo files the change touched.
//
// Existing problems become warnings; introduced ones keep their severity.
// Problems in other files than the landscape (settings) count as introduced.
func (d *Diff) Split(head, base diag.List, changedLogos map[string]bool) (introduced, existing diag.List) {
	seen := make(map[string]bool, len(base))
	for _, p := range base {
		if p.File == d.Base.File {
			seen[d.key(p, d.Base)] = true
		}
	}
	for _, p := range head {
		if p.File == d.Head.File && (seen[d.key(p, d.Head)] || d.sameLogo(p, changedLogos)) {
			p.Severity = diag.Warning
			existing = append(existing, p)
			continue
		}
		introduced = append(introduced, p)
	}
	return introduced, existing
}

// key identifies a problem independently of where its item sits.
func (d *Diff) key(p diag.Diagnostic, l *landscape.Landscape) string {
	id := "-"
	if it := ItemAt(l, p.Line); it != nil {
		id = d.pairID(it, l == d.Head)
	}
	if p.Rule != "" {
		return "rule\x00" + p.Rule + "\x00" + id + "\x00" + digits.ReplaceAllString(p.Message, "#")
	}
	return "diag\x00" + id + "\x00" + p.Field + "\x00" + lineRefs.ReplaceAllString(p.Message, "line #")
}

var (
	digits   = regexp.MustCompile(`[0-9][0-9,]*`)
	lineRefs = regexp.MustCompile(`\blines? [0-9]+(, [0-9]+)*`)
)

// pairID names an item so that the two versions of a matched item share a
// name and unmatched items share none.
func (d *Diff) pairID(it *landscape.Item, inHead bool) string {
	if inHead {
		if b := d.baseOf[it]; b != nil {
			return "pair:" + strconv.Itoa(b.Pos.Line)
		}
		return "head:" + strconv.Itoa(it.Pos.Line)
	}
	if d.headOf[it] != nil {
		return "pair:" + strconv.Itoa(it.Pos.Line)
	}
	return "base:" + strconv.Itoa(it.Pos.Line)
}

// sameLogo reports a logo problem of an item whose logo the change left alone.
func (d *Diff) sameLogo(p diag.Diagnostic, changedLogos map[string]bool) bool {
	if p.Field != "logo" || p.Rule != "" {
		return false
	}
	h := ItemAt(d.Head, p.Line)
	if h == nil || d.baseOf[h] == nil || d.baseOf[h].Logo != h.Logo {
		return false
	}
	name, err := check.LogoPath(h.Logo)
	return err == nil && (name == "" || !changedLogos[name])
}

// Unchanged reports whether a problem is on an item the change did not
// touch: for facts fetched for the head only (a repository that moved on
// GitHub), which the base cannot be compared with.
func (d *Diff) Unchanged(p diag.Diagnostic) bool {
	if p.File != d.Head.File {
		return false
	}
	h := ItemAt(d.Head, p.Line)
	return h != nil && d.baseOf[h] != nil && !d.Touched(h)
}

// Package change compares the landscape of a base revision with the working
// one, so that a pull request is judged by what it changes rather than by
// the problems the landscape already had.
//
// Items are matched by identity, not by position, so that moving an item to
// another box reads as a move and not as a removal and an addition. An
// item's identity is its GitHub repository (owner/name, case-insensitive),
// else its repo_url, else its homepage_url, else its name (see Identity).
// Items that share an identity (two products on one homepage) are paired by
// name first; an item whose identity changed (a new repo_url) is still
// paired with its namesake when the name is unique on both sides; what is
// left is paired in file order within an identity, which reads a rename as
// a change of name.
package change

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Kind is what happened to an item.
type Kind int

const (
	Added Kind = iota
	Removed
	Changed
	Moved // to another box; Fields may name other changes as well
)

func (k Kind) String() string { return [...]string{"added", "removed", "changed", "moved"}[k] }

// Change is one item added, removed, changed or moved.
type Change struct {
	Kind Kind
	Base *landscape.Item // nil when added
	Head *landscape.Item // nil when removed
	// Fields are the YAML keys whose values differ, for Changed and Moved.
	Fields []string
}

// Diff is the comparison of two landscapes.
type Diff struct {
	Base, Head *landscape.Landscape
	// Changes are in the head file's order, removed items last in the base
	// file's order. Unchanged items are not listed.
	Changes []Change

	baseOf map[*landscape.Item]*landscape.Item // head -> base
	headOf map[*landscape.Item]*landscape.Item // base -> head
	kind   map[*landscape.Item]Kind            // head items that changed
}

// Identity is the key an item is matched by across revisions.
func Identity(it *landscape.Item) string {
	if owner, name, ok := gh.ParseRepoURL(it.RepoURL); ok {
		return "repo:github.com/" + strings.ToLower(owner+"/"+name)
	}
	if it.RepoURL != "" {
		return "repo:" + landscape.URLKey(it.RepoURL)
	}
	if it.HomepageURL != "" {
		return "homepage:" + landscape.URLKey(it.HomepageURL)
	}
	return "name:" + strings.ToLower(strings.TrimSpace(it.Name))
}

// Compare matches the items of base and head and lists what changed.
func Compare(base, head *landscape.Landscape) *Diff {
	d := &Diff{Base: base, Head: head, baseOf: map[*landscape.Item]*landscape.Item{},
		headOf: map[*landscape.Item]*landscape.Item{}, kind: map[*landscape.Item]Kind{}}
	d.match()
	for _, h := range head.Items {
		b := d.baseOf[h]
		if b == nil {
			d.add(Change{Kind: Added, Head: h})
			continue
		}
		fields := Fields(b, h)
		switch {
		case b.Path() != h.Path():
			d.add(Change{Kind: Moved, Base: b, Head: h, Fields: fields})
		case len(fields) > 0:
			d.add(Change{Kind: Changed, Base: b, Head: h, Fields: fields})
		}
	}
	for _, b := range base.Items {
		if d.headOf[b] == nil {
			d.Changes = append(d.Changes, Change{Kind: Removed, Base: b})
		}
	}
	return d
}

func (d *Diff) add(c Change) {
	d.Changes = append(d.Changes, c)
	d.kind[c.Head] = c.Kind
}

func (d *Diff) pair(b, h *landscape.Item) {
	d.baseOf[h], d.headOf[b] = b, h
}

// match pairs items: same identity and name, then same name alone when it
// is unique on both sides, then same identity in file order.
func (d *Diff) match() {
	baseByID := groupBy(d.Base.Items, Identity)
	// By identity and name, so that 8,000 items of one repository are not
	// each looked for among the 8,000.
	baseByIDName := groupBy(d.Base.Items, idName)
	for _, h := range d.Head.Items {
		k := idName(h)
		if bs := baseByIDName[k]; len(bs) > 0 {
			d.pair(bs[0], h)
			baseByIDName[k] = bs[1:]
		}
	}
	baseNames := groupBy(slices.DeleteFunc(slices.Clone(d.Base.Items), d.pairedBase), itemName)
	headNames := groupBy(slices.DeleteFunc(slices.Clone(d.Head.Items), d.pairedHead), itemName)
	for n, hs := range headNames {
		if bs := baseNames[n]; len(hs) == 1 && len(bs) == 1 {
			d.pair(bs[0], hs[0])
		}
	}
	for id, hs := range groupBy(d.Head.Items, Identity) {
		bs := slices.DeleteFunc(slices.Clone(baseByID[id]), d.pairedBase)
		for _, h := range slices.DeleteFunc(hs, d.pairedHead) {
			if len(bs) == 0 {
				break
			}
			d.pair(bs[0], h)
			bs = bs[1:]
		}
	}
}

func (d *Diff) pairedBase(b *landscape.Item) bool { return d.headOf[b] != nil }
func (d *Diff) pairedHead(h *landscape.Item) bool { return d.baseOf[h] != nil }

func idName(it *landscape.Item) string { return Identity(it) + "\x00" + itemName(it) }

func itemName(it *landscape.Item) string { return strings.ToLower(strings.TrimSpace(it.Name)) }

// groupBy lists items by key, each group in file order.
func groupBy(items []*landscape.Item, key func(*landscape.Item) string) map[string][]*landscape.Item {
	m := map[string][]*landscape.Item{}
	for _, it := range items {
		m[key(it)] = append(m[key(it)], it)
	}
	return m
}

// BaseOf returns the base item a head item was matched with, or nil for an
// added item.
func (d *Diff) BaseOf(head *landscape.Item) *landscape.Item { return d.baseOf[head] }

// Touched reports whether the change added, changed or moved a head item.
func (d *Diff) Touched(head *landscape.Item) bool {
	_, ok := d.kind[head]
	return ok
}

// Count returns how many changes are of kind k.
func (d *Diff) Count(k Kind) int {
	n := 0
	for _, c := range d.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// String sums the diff up in one line: "2 added, 1 removed, 0 changed, 1 moved".
func (d *Diff) String() string {
	return fmt.Sprintf("%d added, %d removed, %d changed, %d moved", d.Count(Added), d.Count(Removed), d.Count(Changed), d.Count(Moved))
}

// ItemAt returns the item of l whose values span line, nested ones
// included, or nil.
func ItemAt(l *landscape.Landscape, line int) *landscape.Item {
	i, _ := slices.BinarySearchFunc(l.Items, line, func(it *landscape.Item, line int) int {
		return cmp.Compare(it.Pos.Line, line+1)
	})
	if i == 0 || line <= 0 {
		return nil
	}
	if it := l.Items[i-1]; line <= max(it.Pos.Line, it.EndLine) {
		return it
	}
	return nil
}

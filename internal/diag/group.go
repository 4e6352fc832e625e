package diag

import (
	"fmt"
	"strings"
)

// GroupAt is how many diagnostics of the same kind on the same key make a
// group: fewer are printed one by one.
const GroupAt = 4

// groupShown is how many positions a group's line names.
const groupShown = 5

// Grouped folds repeated diagnostics into one line each: those of the same
// file, severity, field, message and rule, whatever their item and position
// (lfenergy's 697 "extra.topics: unknown key" warnings). A group of GroupAt
// or more becomes its first diagnostic, without the item, saying how many
// there are and where the first few are; smaller groups stay as they are.
// Order is kept, a group standing where its first member stood. GitHub
// shows only a few annotations per step, so grouping is what lets the
// other problems be seen at all.
func (l List) Grouped() List {
	members := map[string][]int{}
	for i, d := range l {
		k := d.groupKey()
		members[k] = append(members[k], i)
	}
	out := make(List, 0, len(l))
	for i, d := range l {
		idx := members[d.groupKey()]
		if len(idx) < GroupAt {
			out = append(out, d)
			continue
		}
		if idx[0] != i {
			continue
		}
		g := d
		g.Item = ""
		g.Message = d.Message + " " + l.groupNote(idx)
		out = append(out, g)
	}
	return out
}

func (d Diagnostic) groupKey() string {
	return strings.Join([]string{d.File, d.Severity.String(), d.Field, d.Message, d.Rule}, "\x00")
}

// groupNote says how many and where: "(697 times, at lines 12, 40, 77, 102,
// 130 and 692 more; --verbose lists each)".
func (l List) groupNote(idx []int) string {
	var at []string
	for _, i := range idx[:min(groupShown, len(idx))] {
		if l[i].Line > 0 {
			at = append(at, fmt.Sprint(l[i].Line))
		}
	}
	where := ""
	if len(at) > 0 {
		where = ", at lines " + strings.Join(at, ", ")
		if more := len(idx) - len(at); more > 0 {
			where += fmt.Sprintf(" and %d more", more)
		}
	}
	return fmt.Sprintf("(%d times%s; --verbose lists each)", len(idx), where)
}

package landscape

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// decoder walks YAML nodes, recording problems against one file.
type decoder struct {
	file  string
	diags diag.List
}

func pos(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

func (d *decoder) errorf(n *yaml.Node, item, field, format string, args ...any) {
	d.diags.Errorf(d.file, n.Line, n.Column, item, field, format, args...)
}

func (d *decoder) warnf(n *yaml.Node, item, field, format string, args ...any) {
	d.diags.Warnf(d.file, n.Line, n.Column, item, field, format, args...)
}

// pair is one key and value of a YAML mapping.
type pair struct {
	key   string
	kNode *yaml.Node
	value *yaml.Node
}

// pairs returns a mapping's entries, reporting repeated keys (YAML forbids
// them, and silently keeping one would lose data).
func (d *decoder) pairs(m *yaml.Node, item, where string) []pair {
	seen := make(map[string]bool, len(m.Content)/2)
	ps := make([]pair, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, item, where, "key is %s, not a plain name (write key: value)", kindName(k))
			continue
		}
		if seen[k.Value] {
			d.errorf(k, item, where, "key %q repeated (keep one)", k.Value)
			continue
		}
		seen[k.Value] = true
		ps = append(ps, pair{key: k.Value, kNode: k, value: resolve(v)})
	}
	return ps
}

// mappings calls fn with every entry of the list n, which must each be a
// mapping; any other entry is an error naming the shape expected.
func (d *decoder) mappings(n *yaml.Node, item, field, shape string, fn func(e *yaml.Node)) {
	entries, _ := d.list(n, item, field)
	for _, e := range entries {
		e = resolve(e)
		if e.Kind != yaml.MappingNode {
			d.errorf(e, item, field, "expected %s, found %s", shape, kindName(e))
			continue
		}
		fn(e)
	}
}

// unknownKey warns about a key of a nested mapping that the loader does not
// read, suggesting the nearest of the known ones.
func (d *decoder) unknownKey(p pair, item, where string, known ...string) {
	d.warnf(p.kNode, item, where+"."+p.key, "unknown key, ignored%s", suggest(p.key, known))
}

// resolve follows YAML aliases so that anchors in real files load.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "empty"
		case "!!bool":
			return "a boolean"
		case "!!int", "!!float":
			return "a number"
		}
		return "text"
	}
	return "an unexpected value"
}

// str decodes a scalar as text. Numbers and dates are text too (a version or
// date written without quotes is still what the author meant); lists and
// mappings are not.
func (d *decoder) str(n *yaml.Node, item, field string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Tag == "!!bool" {
		d.errorf(n, item, field, "expected text, found %s", kindName(n))
		return "", false
	}
	return d.clean(n, item, field, strings.TrimSpace(n.Value), textLimit(field)), true
}

// boolean decodes true or false.
func (d *decoder) boolean(n *yaml.Node, item, field string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, item, field, "expected true or false, found %s", kindName(n))
		return false, false
	}
	var b bool
	if err := n.Decode(&b); err != nil {
		d.errorf(n, item, field, "expected true or false: %v", err)
		return false, false
	}
	return b, true
}

// link decodes an absolute http(s) URL. Anything else (javascript:, data:,
// relative paths) is an error and the value is dropped, so that no stage can
// render it as a link.
func (d *decoder) link(n *yaml.Node, item, field string) (string, bool) {
	s, ok := d.str(n, item, field)
	if !ok || len(s) < len(strings.TrimSpace(n.Value)) { // cut: a part of a URL leads elsewhere
		return "", false
	}
	if err := CheckURL(s); err != nil {
		d.errorf(n, item, field, "%v", err)
		return "", false
	}
	return s, true
}

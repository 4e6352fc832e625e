package landscape

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// nodeAt returns the value at a path of mapping keys and list indexes, or
// the deepest node found on the way, so a problem points as near to its
// value as it can.
func nodeAt(n *yaml.Node, path ...string) *yaml.Node {
	for _, step := range path {
		next := child(resolve(n), step)
		if next == nil {
			return n
		}
		n = resolve(next)
	}
	return n
}

// child is the value of key step in a mapping, or entry number step of a
// list; nil when there is none.
func child(n *yaml.Node, step string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == step {
				return n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(step); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i]
		}
	}
	return nil
}

// valueIndex finds the values that yaml.v3 names in decoding errors by
// line, tag and (possibly shortened) text only, with the dotted keys
// leading to each ("rules.min_stars"): the first in document order, an
// enclosing value before the values inside it. It is built once, so that
// each of many errors costs a lookup rather than a walk of the file.
type valueIndex map[valueKey]located

type valueKey struct {
	line       int
	tag, shown string // shown as yaml.v3's errors show it; "" matches any text
}

type located struct {
	n    *yaml.Node
	path string
}

func newValueIndex(root *yaml.Node) valueIndex {
	x := valueIndex{}
	var walk func(n *yaml.Node, path string)
	visit := func(v *yaml.Node, path string) {
		for _, k := range []valueKey{{v.Line, v.Tag, shownText(v.Value)}, {v.Line, v.Tag, ""}} {
			if _, ok := x[k]; !ok {
				x[k] = located{v, path}
			}
		}
		walk(v, path)
	}
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				visit(n.Content[i+1], strings.TrimPrefix(path+"."+n.Content[i].Value, "."))
			}
		case yaml.SequenceNode:
			for _, e := range n.Content {
				visit(e, path)
			}
		}
	}
	walk(root, "")
	return x
}

// at returns the value an error names, or nil.
func (x valueIndex) at(line int, tag, shown string) (*yaml.Node, string) {
	l := x[valueKey{line, tag, shown}]
	return l.n, l.path
}

// shownText is a scalar as yaml.v3 shows it in an error: text longer than
// ten bytes cut to seven and "...".
func shownText(value string) string {
	if len(value) > 10 {
		return value[:7] + "..."
	}
	return value
}

var (
	yamlLine      = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	yamlMismatch  = regexp.MustCompile("^cannot unmarshal !!(\\w+) (?:`(.*)` )?into (\\S+)$")
	yamlKindNames = map[string]string{"str": "text", "int": "a number", "float": "a number",
		"bool": "a boolean", "null": "empty", "map": "a mapping", "seq": "a list", "timestamp": "a date"}
)

// yamlErrorLine pulls the line number out of a yaml.v3 error message.
func yamlErrorLine(msg string) (int, string) {
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 0, msg
}

// decodeErrors reports every value that a Decode into a struct could not
// take, at the value, in the words the rest of the loader uses; hint says
// where the expected shape is described.
func (d *decoder) decodeErrors(root *yaml.Node, err error, hint string) {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		line, msg := yamlErrorLine(err.Error())
		d.diags.Errorf(d.file, line, 0, "", "", "%s (%s)", msg, hint)
		return
	}
	values := newValueIndex(root)
	for _, e := range te.Errors {
		line, msg := yamlErrorLine(e)
		var n *yaml.Node
		var field string
		if m := yamlMismatch.FindStringSubmatch(msg); m != nil {
			msg = "expected " + goTypeName(m[3]) + ", found " + yamlKindNames[m[1]]
			n, field = values.at(line, "!!"+m[1], m[2])
		}
		if n == nil {
			d.diags.Errorf(d.file, line, 0, "", "", "%s (%s)", msg, hint)
			continue
		}
		d.errorf(n, "", field, "%s (%s)", msg, hint)
	}
}

// goTypeName says what a Go type of a settings or guide field holds.
func goTypeName(t string) string {
	switch {
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "float"):
		return "a number"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	}
	return "a mapping"
}

package landscape

import (
	"bytes"
	"fmt"
	"io/fs"

	"gopkg.in/yaml.v3"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// Load reads and decodes a landscape file from fsys. The error is for a file
// that cannot be read; everything wrong inside the file, including YAML
// syntax, is a diagnostic, and the landscape holds what could be loaded.
func Load(fsys fs.FS, name string) (*Landscape, diag.List, error) {
	data, err := readInput(fsys, name, maxDataBytes)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	l, diags := Parse(name, data)
	return l, diags, nil
}

// Parse decodes landscape data; file names it in diagnostics.
func Parse(file string, data []byte) (*Landscape, diag.List) {
	d := &decoder{file: file}
	l := &Landscape{File: file}
	root, ok := d.document(trimBOM(data), `"landscape:" and a list of categories`)
	if !ok {
		return l, d.diags
	}
	at := root // where a missing or empty landscape is reported
	for _, p := range d.pairs(root, "", "") {
		if p.key != "landscape" {
			d.warnf(p.kNode, "", p.key, "unknown top-level key, ignored (expected only \"landscape\")")
			continue
		}
		at = p.value
		d.categories(l, p.value)
	}
	switch {
	case l.Categories != nil || d.diags.HasErrors():
	case at == root:
		d.errorf(root, "", "landscape", "missing (the file must start with \"landscape:\" and a list of categories)")
	default:
		d.errorf(at, "", "landscape", "no categories (list them under \"landscape:\")")
	}
	assignSlugs(l.Items)
	return l, d.diags
}

// document parses YAML into its root mapping, reporting syntax errors with
// their line; expected says what the file should hold, for the problems of
// an empty file or one that is not a mapping.
func (d *decoder) document(data []byte, expected string) (*yaml.Node, bool) {
	if !d.checkBytes(data) {
		return nil, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		d.syntaxError(data, err)
		return nil, false
	}
	if len(doc.Content) == 0 {
		d.diags.Errorf(d.file, 1, 1, "", "", "file is empty (expected %s)", expected)
		return nil, false
	}
	if !d.checkAliases(&doc, len(data)) {
		return nil, false
	}
	root := resolve(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "", "", "expected %s, found %s", expected, kindName(root))
		return nil, false
	}
	return root, true
}

// list returns a sequence's entries; null means an empty list.
func (d *decoder) list(n *yaml.Node, item, field string) ([]*yaml.Node, bool) {
	if isNull(n) {
		return nil, true
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, item, field, "expected a list, found %s", kindName(n))
		return nil, false
	}
	return n.Content, true
}

func (d *decoder) categories(l *Landscape, n *yaml.Node) {
	d.mappings(n, "", "landscape", `a category ("- category:" with name and subcategories)`, func(e *yaml.Node) {
		c := &Category{Pos: pos(e)}
		var subs *yaml.Node
		for _, p := range d.pairs(e, "", "category") {
			switch p.key {
			case "category":
			case "name":
				c.Name, _ = d.str(p.value, "", "category.name")
			case "subcategories":
				subs = p.value
			default:
				d.unknownKey(p, "", "category", nestedKeys["category"]...)
			}
		}
		if c.Name == "" {
			d.errorf(e, "", "category", "missing name (add name: with the category's title)")
		}
		if subs != nil {
			d.subcategories(l, c, subs)
		}
		l.Categories = append(l.Categories, c)
	})
}

func (d *decoder) subcategories(l *Landscape, c *Category, n *yaml.Node) {
	d.mappings(n, "", "subcategories", `a subcategory ("- subcategory:" with name and items)`, func(e *yaml.Node) {
		s := &Subcategory{Pos: pos(e), Category: c}
		var items *yaml.Node
		for _, p := range d.pairs(e, "", "subcategory") {
			switch p.key {
			case "subcategory":
			case "name":
				s.Name, _ = d.str(p.value, "", "subcategory.name")
			case "items":
				items = p.value
			default:
				d.unknownKey(p, "", "subcategory", nestedKeys["subcategory"]...)
			}
		}
		if s.Name == "" {
			d.errorf(e, "", "subcategory", "missing name (add name: with the subcategory's title)")
		}
		if items != nil {
			entries, _ := d.list(items, "", "items")
			for _, ie := range entries {
				if it := d.item(resolve(ie), s); it != nil {
					s.Items = append(s.Items, it)
					l.Items = append(l.Items, it)
				}
			}
		}
		c.Subcategories = append(c.Subcategories, s)
	})
}

// trimBOM drops a UTF-8 byte order mark, which some editors write.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) }

package landscape

import (
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// settings.yml and guide.yml are decoded into structs, and yaml.v3 drops a
// key no field names without a word: rules: {min_star: 100} would turn the
// star rule's minimum back to its default silently. nestedKeys walks the
// file beside the struct type it decodes into and warns about each such key.
// The same struct types are what the JSON schemas are made from
// (internal/schema), so the two cannot disagree about which keys exist.

// ignoredNested are landscape2 keys inside keys this tool reads, accepted
// without effect (dotted paths without list indexes).
var ignoredNested = []string{"featured_items.exclude"}

// IgnoredNestedSettings lists the landscape2 keys nested in settings this
// tool reads that are accepted without effect.
func IgnoredNestedSettings() []string { return slices.Clone(ignoredNested) }

// YAMLKeys returns the keys a struct type decodes, by yaml tag, each with
// its field's type: the table both the loader and the schemas read.
func YAMLKeys(t reflect.Type) ([]string, map[string]reflect.Type) {
	var keys []string
	types := map[string]reflect.Type{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		keys = append(keys, name)
		types[name] = f.Type
	}
	return keys, types
}

// nestedKeys warns about every key under n that type t does not decode;
// path is n's dotted path.
func (d *decoder) nestedKeys(n *yaml.Node, t reflect.Type, path string) {
	n = resolve(n)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		keys, types := YAMLKeys(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			p := strings.TrimPrefix(path+"."+k.Value, ".")
			if ft, ok := types[k.Value]; ok {
				d.nestedKeys(n.Content[i+1], ft, p)
			} else if k.Kind == yaml.ScalarNode && !slices.Contains(ignoredNested, p) {
				d.warnf(k, "", p, "unknown key, ignored%s", suggest(k.Value, keys))
			}
		}
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && n.Kind == yaml.SequenceNode:
		for _, e := range n.Content {
			d.nestedKeys(e, t.Elem(), path)
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			d.nestedKeys(n.Content[i], t.Elem(), path)
		}
	}
}

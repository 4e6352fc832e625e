package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// input is one generated landscape to measure.
type input struct {
	dir, data, settings, logos string
	items                      int
}

// makeInput writes the corpus repeated n times: each copy of an item gets a
// new name and its own copy of the logo, with bytes that differ, so that
// content-hash caching cannot make the larger inputs look cheaper than they
// are.
func makeInput(corpus, dir string, n int) (input, error) {
	in := input{dir: dir, data: filepath.Join(dir, "landscape.yml"), logos: filepath.Join(dir, "hosted_logos"),
		settings: filepath.Join(corpus, "landscape2-sites", "settings.yml")}
	if err := os.MkdirAll(in.logos, 0o755); err != nil {
		return in, err
	}
	raw, err := os.ReadFile(filepath.Join(corpus, "landscape.yml"))
	if err != nil {
		return in, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return in, err
	}
	logos := map[string]bool{}
	forEachItem(&doc, func(item *yaml.Node) {
		if v := field(item, "logo"); v != nil && !strings.Contains(v.Value, "://") {
			logos[strings.TrimPrefix(v.Value, "./")] = true
		}
		in.items++
	})
	items := in.items
	var out bytes.Buffer
	out.Write(raw)
	for k := 2; k <= n; k++ {
		if err := appendCopy(&out, raw, k); err != nil {
			return in, err
		}
	}
	in.items = items * n
	if err := os.WriteFile(in.data, out.Bytes(), 0o644); err != nil {
		return in, err
	}
	for name := range logos {
		data, err := os.ReadFile(filepath.Join(corpus, "hosted_logos", name))
		if err != nil {
			continue // a missing logo stays missing in every copy, as in the corpus
		}
		for k := 1; k <= n; k++ {
			if err := writeLogo(in.logos, copyName(name, k), data, k); err != nil {
				return in, err
			}
		}
	}
	return in, nil
}

// appendCopy appends copy k of every category, with names and logos renamed,
// as more categories of the same file.
func appendCopy(out *bytes.Buffer, raw []byte, k int) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return err
	}
	forEachItem(&doc, func(item *yaml.Node) {
		if v := field(item, "name"); v != nil {
			v.Value = fmt.Sprintf("%s (copy %d)", v.Value, k)
		}
		if v := field(item, "logo"); v != nil && !strings.Contains(v.Value, "://") {
			v.Value = copyName(strings.TrimPrefix(v.Value, "./"), k)
		}
		if v := field(item, "second_path"); v != nil {
			v.Kind, v.Tag, v.Value, v.Content = yaml.ScalarNode, "!!null", "", nil
		}
	})
	for _, c := range categories(&doc) {
		if v := field(c, "name"); v != nil {
			v.Value = fmt.Sprintf("%s (copy %d)", v.Value, k)
		}
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Content: categories(&doc)}
	b, err := yaml.Marshal(seq)
	if err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if line != "" {
			out.WriteString("  " + line)
		}
	}
	return nil
}

func copyName(name string, k int) string {
	if k == 1 {
		return name
	}
	ext := filepath.Ext(name)
	return fmt.Sprintf("%s-copy%d%s", strings.TrimSuffix(name, ext), k, ext)
}

// writeLogo writes copy k of a logo; copies after the first end with a
// distinct comment, so their bytes (and content hashes) differ.
func writeLogo(dir, name string, data []byte, k int) error {
	if k > 1 {
		data = append(bytes.Clone(data), fmt.Sprintf("\n<!-- copy %d -->\n", k)...)
	}
	return os.WriteFile(filepath.Join(dir, name), data, 0o644)
}

func categories(doc *yaml.Node) []*yaml.Node {
	if len(doc.Content) == 0 {
		return nil
	}
	if l := field(doc.Content[0], "landscape"); l != nil {
		return l.Content
	}
	return nil
}

func forEachItem(doc *yaml.Node, f func(*yaml.Node)) {
	for _, c := range categories(doc) {
		subs := field(c, "subcategories")
		if subs == nil {
			continue
		}
		for _, s := range subs.Content {
			if items := field(s, "items"); items != nil {
				for _, it := range items.Content {
					f(it)
				}
			}
		}
	}
}

func field(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

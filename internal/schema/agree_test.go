package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"gopkg.in/yaml.v3"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/scaffold"
)

// compile compiles the schema of name with the validator.
func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	b, err := For(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(BaseURL+name+".json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(BaseURL + name + ".json")
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// loaderLines are the lines at which the loader reports an error or an
// unknown key: what the schema must reject, and nothing else.
func loaderLines(kind string, file string, data []byte) ([]int, []string) {
	var diags diag.List
	switch kind {
	case "landscape":
		_, diags = landscape.Parse(file, data)
	case "settings":
		_, diags = landscape.ParseSettings(file, data)
	case "guide":
		_, diags, _ = landscape.LoadGuide(fstest.MapFS{"g.yml": {Data: data}}, "g.yml")
	}
	set := map[int]bool{}
	var texts []string
	for _, d := range diags {
		if d.Severity == diag.Error || strings.Contains(d.Message, "unknown") || strings.Contains(d.Message, "is an item field, not an extra") {
			set[d.Line] = true
			texts = append(texts, d.String())
		}
	}
	return sortedLines(set), texts
}

// schemaLines validates data against the schema and returns the lines of
// its complaints, by the positions of the YAML nodes they are about.
func schemaLines(t *testing.T, s *jsonschema.Schema, data []byte) ([]int, []string) {
	t.Helper()
	inst, at := instance(t, data)
	err := s.Validate(inst)
	if err == nil {
		return nil, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		t.Fatal(err)
	}
	set := map[int]bool{}
	var texts []string
	for _, e := range leaves(ve) {
		loc := "/" + strings.Join(e.InstanceLocation, "/")
		if ap, ok := e.ErrorKind.(*kind.AdditionalProperties); ok {
			for _, p := range ap.Properties {
				set[at[strings.TrimSuffix(loc, "/")+"/"+p].key] = true
			}
		} else {
			set[at[strings.TrimSuffix(loc, "/")].value] = true
		}
		texts = append(texts, fmt.Sprintf("%s: %v", loc, e.ErrorKind))
	}
	return sortedLines(set), texts
}

// leaves are the errors under e that say what is wrong. Of the branches of
// an anyOf, the one that went deepest into the value is the one meant.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	causes := e.Causes
	if _, ok := e.ErrorKind.(*kind.AnyOf); ok {
		deepest := -1
		for _, c := range causes {
			deepest = max(deepest, depth(c))
		}
		causes = slices.DeleteFunc(slices.Clone(causes), func(c *jsonschema.ValidationError) bool { return depth(c) < deepest })
	}
	var out []*jsonschema.ValidationError
	for _, c := range causes {
		out = append(out, leaves(c)...)
	}
	return out
}

func depth(e *jsonschema.ValidationError) int {
	d := len(e.InstanceLocation)
	if _, ok := e.ErrorKind.(*kind.AdditionalProperties); ok {
		d++
	}
	for _, c := range e.Causes {
		d = max(d, depth(c))
	}
	return d
}

type nodeLines struct{ key, value int }

// instance turns YAML into the value a JSON Schema validator reads, as
// yaml.v3 types its scalars, and records the lines of every key and value
// by JSON pointer.
func instance(t *testing.T, data []byte) (any, map[string]nodeLines) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		t.Fatalf("not YAML: %v", err)
	}
	at := map[string]nodeLines{}
	var walk func(n *yaml.Node, path string, keyLine int) any
	walk = func(n *yaml.Node, path string, keyLine int) any {
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		at[path] = nodeLines{keyLine, n.Line}
		switch n.Kind {
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i].Value
				m[k] = walk(n.Content[i+1], path+"/"+k, n.Content[i].Line)
			}
			return m
		case yaml.SequenceNode:
			l := make([]any, len(n.Content))
			for i, e := range n.Content {
				l[i] = walk(e, path+"/"+strconv.Itoa(i), e.Line)
			}
			return l
		}
		switch n.Tag {
		case "!!null":
			return nil
		case "!!bool":
			return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
		case "!!int", "!!float":
			var f float64
			if err := n.Decode(&f); err == nil {
				return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
			}
		}
		return n.Value
	}
	return walk(doc.Content[0], "", 0), at
}

func sortedLines(set map[int]bool) []int {
	var out []int
	for l := range set {
		out = append(out, l)
	}
	sort.Ints(out)
	return out
}

// agree checks the rule: the schema rejects exactly the lines the loader
// reports an error or an unknown key at.
func agree(t *testing.T, s *jsonschema.Schema, kind, file string, data []byte) {
	t.Helper()
	want, loader := loaderLines(kind, file, data)
	got, schema := schemaLines(t, s, data)
	t.Logf("%s: %d lines the loader reports, %d the schema rejects", file, len(want), len(got))
	if !slices.Equal(want, got) {
		t.Errorf("%s: the loader reports lines %v, the schema rejects lines %v\nloader:\n\t%s\nschema:\n\t%s\n%s",
			file, want, got, strings.Join(loader, "\n\t"), strings.Join(schema, "\n\t"), driftHint(kind))
	}
}

// driftHint says where a key goes when the loader and the schema part.
func driftHint(kind string) string {
	if kind == "landscape" {
		return "a key of landscape.yml gets its kind in internal/landscape/fields.go (itemKind, extraFieldKind) and its schema in kindSchema, internal/schema/landscape.go"
	}
	return "a key of settings.yml or guide.yml is a yaml-tagged field of landscape.Settings or landscape.Guide, listed in settingsFields (internal/landscape/settings.go), described in internal/schema/docs.go; a check made in code after decoding goes in constraints, internal/schema/settings.go"
}

// landscape2Clean fails on any unknown key in a real landscape2 settings or
// guide file: each would be a false warning for every landscape that moves
// over. A struct added for a landscape2 key must name all its keys.
func landscape2Clean(t *testing.T, kind, file string, data []byte) {
	t.Helper()
	_, reported := loaderLines(kind, file, data)
	for _, r := range reported {
		t.Errorf("a landscape2 file gets a warning: %s\n(add the key to the struct that decodes it in internal/landscape, or to ignoredNested in internal/landscape/nested.go if it is accepted without effect)", r)
	}
}

// TestRealFilesAgree validates every real file we have against the schemas
// and holds the rule on each.
func TestRealFilesAgree(t *testing.T) {
	root := filepath.Join("..", "..")
	corpora := filepath.Join(root, "..", "shared", "corpora")
	files := map[string][]string{
		"landscape": {filepath.Join(root, "landscape.yml"), filepath.Join(corpora, "cncf-full", "landscape.yml"), filepath.Join(corpora, "serverless", "landscape.yml")},
		"settings":  {filepath.Join(root, "settings.yml"), filepath.Join(corpora, "cncf-full", "landscape2-sites", "settings.yml")},
		"guide":     {filepath.Join(root, "guide.yml"), filepath.Join(corpora, "cncf-full", "landscape2-sites", "guide.yml"), filepath.Join(corpora, "serverless", "landscape2-sites", "guide.yml")},
	}
	scaffolded := filepath.Join(t.TempDir(), "new")
	if _, err := scaffold.Write(scaffolded, scaffold.Options{Name: "New"}); err != nil {
		t.Fatal(err)
	}
	for _, k := range Names {
		files[k] = append(files[k], filepath.Join(scaffolded, k+".yml"))
	}
	for _, k := range Names {
		s := compile(t, k)
		for _, f := range files[k] {
			data, err := os.ReadFile(f)
			if err != nil {
				if strings.Contains(f, "corpora") {
					t.Logf("skipping %s: %v (the shared corpora are not here)", f, err)
					continue
				}
				t.Fatal(err)
			}
			t.Run(k+"/"+f, func(t *testing.T) {
				agree(t, s, k, f, data)
				if k != "landscape" && strings.Contains(f, "landscape2-sites") {
					landscape2Clean(t, k, f, data)
				}
			})
		}
	}
}

// Package schema makes the JSON Schemas (draft 2020-12) of landscape.yml,
// settings.yml and guide.yml, which editors use to complete and check the
// files (a yaml-language-server modeline names them), and which the build
// publishes under schema/ on the site.
//
// Nothing here is written by hand that the loader already knows: the keys
// of landscape.yml and their kinds come from the loader's own tables
// (landscape.ItemFields, ExtraFields, NestedKeys), and those of settings.yml
// and guide.yml from the structs the loader decodes them into, walked by
// reflection exactly as the loader walks them for unknown keys. What is
// written here is each key's description and the few value checks the
// loader makes in code (a URL, a colour, a reason that must be given). The
// rule, tested on every real file we have: the schema rejects exactly what
// the loader reports as an error or an unknown key.
package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Names are the schemas, by the file they describe.
var Names = []string{"landscape", "settings", "guide"}

// BaseURL is where the published schemas live: the modelines of the files
// that `landscape new` writes point here.
const BaseURL = "https://serverless-landscape.github.io/schema/"

// For returns the schema of the file name (landscape, settings or guide),
// indented.
func For(name string) ([]byte, error) {
	var s map[string]any
	g := &builder{}
	switch name {
	case "landscape":
		s = g.Landscape()
	case "settings":
		s = g.Settings()
	case "guide":
		s = g.Guide()
	default:
		return nil, fmt.Errorf("no schema %q (use landscape, settings or guide)", name)
	}
	if len(g.gaps) > 0 {
		return nil, errors.New(strings.Join(g.gaps, "\n"))
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Write writes every schema into dir as NAME.json.
func Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, n := range Names {
		b, err := For(n)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, n+".json"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// builder makes one schema, collecting what the tables lack (a key without
// a description, a kind without a schema), so that a test names every gap
// and where to fill it.
type builder struct {
	gaps []string
	docs string // the table of descriptions of the struct fields being walked
}

func (b *builder) fail(msg string) { b.gaps = append(b.gaps, msg) }

// document wraps a root schema with the draft, its id and title.
func document(name, title string, root map[string]any) map[string]any {
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = BaseURL + name + ".json"
	root["title"] = title
	return root
}

// The building blocks. YAML scalars reach the schema typed as yaml.v3 reads
// them: a number is a number, an unquoted date is text.

func types(t ...string) map[string]any {
	if len(t) == 1 {
		return map[string]any{"type": t[0]}
	}
	return map[string]any{"type": t}
}

func with(s map[string]any, kv ...any) map[string]any {
	for i := 0; i+1 < len(kv); i += 2 {
		s[kv[i].(string)] = kv[i+1]
	}
	return s
}

func anyOf(ss ...map[string]any) map[string]any { return map[string]any{"anyOf": ss} }

// object is a mapping with the given properties and no others.
func object(props map[string]any, required ...string) map[string]any {
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

func described(s map[string]any, desc string) map[string]any {
	s["description"] = desc
	return s
}

package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Settings is the schema of settings.yml: the keys the loader reads, from
// the struct it decodes them into, and landscape2's keys it accepts without
// effect, which may hold anything.
func (b *builder) Settings() map[string]any {
	b.docs = "settingsDocs"
	read, accepted := landscape.SettingsKeys()
	_, fields := landscape.YAMLKeys(reflect.TypeFor[landscape.Settings]())
	props := map[string]any{}
	for _, k := range read {
		t, ok := fields[k]
		if !ok {
			b.fail(fmt.Sprintf("schema: settings key %q is read (settingsFields in internal/landscape/settings.go) but no field of landscape.Settings has the yaml tag %q: add the field, or remove the key", k, k))
			continue
		}
		props[k] = described(b.typeSchema(t, k), b.docOf("settingsDocs", k))
	}
	for _, k := range accepted {
		if _, ok := props[k]; ok {
			continue
		}
		if t, ok := fields[k]; ok { // read now, but still listed as landscape2's
			props[k] = described(b.typeSchema(t, k), b.docOf("settingsDocs", k))
			continue
		}
		props[k] = described(suggest(map[string]any{}, suggestions[k]), b.docOf("settingsDocs", k))
	}
	for k := range fields {
		if _, ok := props[k]; !ok {
			b.fail(fmt.Sprintf("schema: landscape.Settings decodes %q, which the loader warns about as unknown: add %q to settingsFields in internal/landscape/settings.go", k, k))
		}
	}
	root := object(props)
	return document("settings", "settings.yml: the settings of a landscape (the landscape2 format and this tool's keys)", root)
}

// Guide is the schema of guide.yml, from the struct the loader decodes.
func (b *builder) Guide() map[string]any {
	b.docs = "guideDocs"
	root := b.typeSchema(reflect.TypeFor[landscape.Guide](), "")
	root["type"] = "object" // an empty file is an error
	return document("guide", "guide.yml: the guide of a landscape (landscape2 format)", root)
}

// typeSchema is the schema of what yaml.v3 decodes into a value of type t
// at path (dotted keys, no list indexes) without an error. Structs take no
// keys but their fields' (the loader warns about others), plus landscape2's
// accepted without effect.
func (b *builder) typeSchema(t reflect.Type, path string) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var s map[string]any
	switch t.Kind() {
	case reflect.String:
		s = types("string", "number", "boolean", "null")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s = types("integer", "null")
	case reflect.Float32, reflect.Float64:
		s = types("number", "null")
	case reflect.Bool:
		s = types("boolean", "null")
	case reflect.Slice, reflect.Array:
		return with(types("array", "null"), "items", b.typeSchema(t.Elem(), path))
	case reflect.Map:
		s = with(types("object", "null"), "additionalProperties", b.typeSchema(t.Elem(), path+".*"))
	case reflect.Struct:
		s = b.structSchema(t, path)
	default:
		b.fail(fmt.Sprintf("schema: %s: no schema for Go type %s: add it to typeSchema in internal/schema/settings.go", path, t))
		s = map[string]any{}
	}
	if c, ok := constraints[path]; ok {
		for k, v := range c {
			s[k] = v
		}
	}
	return suggest(s, suggestions[path])
}

func (b *builder) structSchema(t reflect.Type, path string) map[string]any {
	keys, fields := landscape.YAMLKeys(t)
	props := map[string]any{}
	for _, k := range keys {
		p := strings.TrimPrefix(path+"."+k, ".")
		props[k] = described(b.typeSchema(fields[k], p), b.docOf(b.docs, p))
	}
	for _, p := range landscape.IgnoredNestedSettings() {
		if parent, k, _ := cutLast(p); parent == path && !slices.Contains(keys, k) {
			props[k] = described(map[string]any{}, b.docOf("settingsDocs", p))
		}
	}
	return with(object(props), "type", []string{"object", "null"})
}

func cutLast(p string) (parent, key string, ok bool) {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return "", p, false
	}
	return p[:i], p[i+1:], true
}

// suggestions are the values a key takes, offered by editors; the loader
// reports any other at its line.
var suggestions = map[string][]string{
	"featured_items.field": {"maturity", "subcategory"},
	"grid_items_size":      {"small", "medium", "large"},
	"view_mode":            {"grid", "card"},
}

// suggest offers values to complete in editors without rejecting others:
// anyOf an enum and s itself.
func suggest(s map[string]any, values []string) map[string]any {
	if len(values) == 0 {
		return s
	}
	return anyOf(map[string]any{"enum": values}, s)
}

// siteURLPattern is landscape.CheckSiteURL: a link without user, query or
// fragment; basePathPattern is landscape.CheckBasePath.
const (
	siteURLPattern  = `^[hH][tT][tT][pP][sS]?://[^\s<>"/?#@\\]+(/[^\s<>"?#@\\]*)?$`
	basePathPattern = `^/$|^(/[A-Za-z0-9._~-]+)+/?$`
)

// constraints are the checks the loader makes in code after decoding
// (landscape.checkSettings), by path; each path must be one the structs
// have (a test checks).
var constraints = map[string]map[string]any{
	"url":                             {"type": []string{"string", "null"}, "pattern": "^$|" + siteURLPattern},
	"base_path":                       {"type": "string", "pattern": basePathPattern, "not": map[string]any{"pattern": `\.\.|/\.(/|$)`}},
	"colors.*":                        {"type": "string", "pattern": `^\s*(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\(\s*[0-9.%,\s/]+\)|[a-zA-Z]+)\s*$`},
	"groups.alias":                    {"type": []string{"string", "null"}, "pattern": `^$|^[a-z0-9][a-z0-9-]*$`},
	"rules.min_stars":                 {"minimum": 0},
	"rules.star_exemptions":           {"required": []string{"reason"}},
	"rules.star_exemptions.reason":    {"type": []string{"string", "number", "boolean"}, "minLength": 1},
	"rules.one_box.exceptions":        {"required": []string{"reason"}},
	"rules.one_box.exceptions.reason": {"type": []string{"string", "number", "boolean"}, "minLength": 1},
}

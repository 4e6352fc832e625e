package schema

import (
	"fmt"
	"strings"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// linkPattern is landscape.CheckURL as a pattern: an absolute http(s) URL
// with a host and without spaces, quotes or angle brackets (the loader trims
// the value first).
const linkPattern = `^\s*[hH][tT][tT][pP][sS]?://[^\s<>"/?#]+([/?#][^\s<>"]*)?\s*$`

const datePattern = `^\s*\d{4}-\d{2}-\d{2}\s*$`

func text() map[string]any         { return types("string", "number", "null") }
func requiredText() map[string]any { return with(types("string", "number"), "pattern", `\S`) }
func someText() map[string]any     { return types("string", "number") } // text that may be blank, not null
func link() map[string]any         { return with(types("string"), "pattern", linkPattern) }

// emptyOr accepts what the loader calls empty, null or blank text, which it
// ignores with a warning, beside s.
func emptyOr(s map[string]any) map[string]any {
	return anyOf(types("null"), with(types("string"), "pattern", `^\s*$`), s)
}

func textOrList() map[string]any {
	return anyOf(text(), with(types("array"), "items", someText()))
}

// Landscape is the schema of landscape.yml.
func (b *builder) Landscape() map[string]any {
	item := b.itemSchema()
	sub := object(b.nested("subcategory", map[string]any{
		"subcategory": map[string]any{},
		"name":        requiredText(),
		"items":       with(types("array", "null"), "items", item),
	}), "name")
	cat := object(b.nested("category", map[string]any{
		"category":      map[string]any{},
		"name":          requiredText(),
		"subcategories": with(types("array", "null"), "items", sub),
	}), "name")
	root := object(map[string]any{
		"landscape": described(with(types("array"), "minItems", 1, "items", cat), "The categories of the landscape, in the order the site shows them unless settings order them."),
	}, "landscape")
	return document("landscape", "landscape.yml: the data of a landscape in the CNCF format", root)
}

// nested describes the keys of the mapping at where, checking that they are
// the loader's.
func (b *builder) nested(where string, props map[string]any) map[string]any {
	for _, k := range landscape.NestedKeys(where) {
		s, ok := props[k]
		if !ok {
			b.fail(fmt.Sprintf("schema: the loader reads %s.%s, which the schema lacks: add it in internal/schema/landscape.go", where, k))
			continue
		}
		described(s.(map[string]any), b.docOf("nestedDocs", where+"."+k))
	}
	if len(props) != len(landscape.NestedKeys(where)) {
		b.fail(fmt.Sprintf("schema: %s has keys the loader does not read: remove them from internal/schema/landscape.go", where))
	}
	return props
}

func (b *builder) itemSchema() map[string]any {
	props := map[string]any{}
	var required []string
	for _, f := range landscape.ItemFields() {
		s := b.kindSchema(f.Kind, true)
		if f.Key == "project" { // the usual levels, to complete; a landscape's own are accepted too
			s = suggest(s, landscape.DefaultSettings().Maturity)
		}
		props[f.Key] = described(s, b.docOf("itemDocs", f.Key))
		if f.Kind == landscape.KindRequired || f.Kind == landscape.KindRequiredLink {
			required = append(required, f.Key)
		}
	}
	return described(object(props, required...), "An item: a project, product or member.")
}

func (b *builder) extraSchema() map[string]any {
	props := map[string]any{}
	for _, f := range landscape.ExtraFields() {
		props[f.Key] = described(b.kindSchema(f.Kind, true), b.extraDoc(f))
	}
	return anyOf(types("null"), object(props))
}

// kindSchema is the schema of a value of kind k; top says the key is one
// of an item or of extra:, where empty values are warnings.
func (b *builder) kindSchema(k landscape.Kind, top bool) map[string]any {
	orEmpty := func(s map[string]any) map[string]any {
		if top {
			return emptyOr(s)
		}
		return s
	}
	switch k {
	case landscape.KindMarker:
		return map[string]any{}
	case landscape.KindText, landscape.KindLooseLink:
		return text()
	case landscape.KindRequired:
		return requiredText()
	case landscape.KindRequiredLink:
		return link()
	case landscape.KindLink:
		return orEmpty(link())
	case landscape.KindBool:
		return orEmpty(types("boolean"))
	case landscape.KindDate:
		return orEmpty(with(types("string"), "pattern", datePattern))
	case landscape.KindTextOrList:
		return textOrList()
	case landscape.KindTextMap:
		return orEmpty(with(types("object"), "additionalProperties", someText()))
	case landscape.KindOrganization:
		return anyOf(types("string", "null"), object(b.nested("organization", map[string]any{"name": someText()})))
	case landscape.KindRepos:
		return orEmpty(with(types("array"), "items", object(b.nested("additional_repos", map[string]any{"repo_url": link(), "branch": someText()}))))
	case landscape.KindPaths:
		return orEmpty(anyOf(someText(), with(types("array"), "items", someText())))
	case landscape.KindExtra:
		return b.extraSchema()
	case landscape.KindLinks:
		return with(types("array", "null"), "items", object(b.nested("extra.other_links", map[string]any{"name": someText(), "url": link()})))
	case landscape.KindAudits:
		return with(types("array", "null"), "items", object(b.nested("extra.audits", map[string]any{
			"date": someText(), "type": someText(), "url": link(), "vendor": someText()})))
	}
	b.fail(fmt.Sprintf("schema: no schema for kind %d: add it to kindSchema in internal/schema/landscape.go", k))
	return map[string]any{}
}

// extraDoc is an extra key's description: written out where there is more
// to say, else said from its kind.
func (b *builder) extraDoc(f landscape.Field) string {
	if d, ok := docTables["extraDocs"][f.Key]; ok {
		return d
	}
	name := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(f.Key, "summary_"), "_url"), "_", " ")
	switch f.Kind {
	case landscape.KindLink:
		return "A link shown with the item's details: " + name + "."
	case landscape.KindLooseLink:
		return "A link shown with the item's details: " + name + ". A value that is not a URL is a warning and not shown."
	case landscape.KindDate:
		return "The date the project " + name + " (YYYY-MM-DD)."
	case landscape.KindBool:
		return "Marks the item as " + name + " (true or false)."
	}
	if strings.HasPrefix(f.Key, "summary_") {
		return "The project summary's " + name + ", shown with the item's details (text, or a list joined with commas)."
	}
	return "Shown with the item's details: " + name + " (text, or a list joined with commas)."
}

// docOf is key's description in the table of that name (docTables).
func (b *builder) docOf(table, key string) string {
	d, ok := docTables[table][key]
	if !ok {
		b.fail(fmt.Sprintf("schema: key %q has no description: add %q to %s in internal/schema/docs.go", key, key, table))
	}
	return d
}

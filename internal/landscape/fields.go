package landscape

import (
	"maps"
	"slices"
	"strings"
)

// The tables below are what the loader reads landscape.yml with; they are
// exported, read-only, for the JSON schema (internal/schema), so that the
// schema and the loader cannot come to disagree about a key.

// Kind says what a key of landscape.yml holds and how the loader reads it.
type Kind int

// The kinds of values. A key whose value is empty (null or blank) is a
// warning, never an error, except for the required ones.
const (
	KindUnknown      Kind = iota
	KindMarker            // "item:", "category:": any value, ignored
	KindText              // a scalar: text, or a number or date read as text
	KindRequired          // text that must be there (name, logo)
	KindLink              // an absolute http(s) URL; anything else is an error
	KindRequiredLink      // homepage_url
	KindLooseLink         // a URL where landscape2 takes any text: anything else is a warning
	KindBool              // true or false
	KindDate              // YYYY-MM-DD
	KindTextOrList        // text, or a list of text joined with commas
	KindTextMap           // a mapping of names to text (extra.annotations)
	KindOrganization      // {name: ...}, or the name alone (a warning)
	KindRepos             // additional_repos: [{repo_url, branch}]
	KindPaths             // second_path: one "Category / Subcategory" or a list
	KindExtra             // the extra: mapping
	KindLinks             // extra.other_links: [{name, url}]
	KindAudits            // extra.audits: [{date, type, url, vendor}]
)

// Field is one key of an item or of its extra: mapping.
type Field struct {
	Key  string
	Kind Kind
}

// NestedKeys are the keys of the mappings inside landscape.yml, by where
// they are: category, subcategory, organization, additional_repos,
// extra.other_links, extra.audits.
var nestedKeys = map[string][]string{
	"category":          {"category", "name", "subcategories"},
	"subcategory":       {"subcategory", "name", "items"},
	"organization":      {"name"},
	"additional_repos":  {"repo_url", "branch"},
	"extra.other_links": {"name", "url"},
	"extra.audits":      {"date", "type", "url", "vendor"},
}

// NestedKeys returns the keys the mapping at where may have.
func NestedKeys(where string) []string { return slices.Clone(nestedKeys[where]) }

// ItemFields lists the keys an item may have, in the order of itemKeys.
func ItemFields() []Field {
	fields := make([]Field, 0, len(itemKeys))
	for _, k := range itemKeys {
		fields = append(fields, Field{k, itemKind(k)})
	}
	return fields
}

func itemKind(k string) Kind {
	switch {
	case k == "name" || k == "logo":
		return KindRequired
	case k == "homepage_url":
		return KindRequiredLink
	case textFields[k] != nil:
		return KindText
	case linkFields[k] != nil:
		return KindLink
	case boolFields[k] != nil:
		return KindBool
	}
	return map[string]Kind{"item": KindMarker, "open_source": KindBool, "organization": KindOrganization,
		"additional_repos": KindRepos, "second_path": KindPaths, "extra": KindExtra}[k]
}

// ExtraFields lists the keys of extra:, sorted.
func ExtraFields() []Field {
	fields := []Field{{"audits", KindAudits}, {"other_links", KindLinks}}
	for _, k := range slices.Sorted(maps.Keys(extraKeys)) {
		fields = append(fields, Field{k, extraFieldKind(k)})
	}
	slices.SortFunc(fields, func(a, b Field) int { return strings.Compare(a.Key, b.Key) })
	return fields
}

func extraFieldKind(k string) Kind {
	switch extraKeys[k] {
	case extraLink:
		if strictLinks[k] {
			return KindLink
		}
		return KindLooseLink
	case extraDate:
		return KindDate
	case extraFlag:
		return KindBool
	case extraMap:
		return KindTextMap
	}
	return KindTextOrList
}

// SettingsKeys returns the top-level keys of settings.yml: those this tool
// reads, and landscape2's that it accepts without effect. Any other is
// warned about.
func SettingsKeys() (read, accepted []string) {
	return slices.Sorted(maps.Keys(settingsFields())), slices.Sorted(slices.Values(knownSettings))
}

package render

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/serverless-landscape/landscape/internal/site"
)

// searchIndex is the search index of the landscape page, built here so the
// browser only looks words up. It is a separate hashed file
// (assets/search.HASH.json), fetched when the page is idle or on the first
// keystroke: the first paint does not need it.
//
// Terms are sorted in the order JavaScript compares strings (UTF-16 code
// units), so the page finds every term a prefix starts by binary search.
// Postings[i] lists the items holding Terms[i] in any field, as gaps
// between ascending item indexes. Which field matched does not matter:
// ranking looks at the name only, which the page already has.
type searchIndex struct {
	Terms    []string  `json:"terms"`
	Postings [][]int32 `json:"postings"`
}

// searchTexts are the fields of an item that search reads: the name, the
// description (GitHub's when the item has none), the organization, the
// repositories (owner/name and the URL as typed), the GitHub topics, the
// category and subcategory names, and the extra tag and summary texts.
func searchTexts(it *site.Item) []string {
	out := []string{it.Name, it.Organization, it.Category, it.Subcategory, it.Maturity}
	desc := it.Description
	for _, r := range it.Repos {
		out = append(out, r.URL, host(r.URL), strings.TrimPrefix(host(r.URL), "github.com/"))
		if r.GitHub != nil {
			if desc == "" {
				desc = r.GitHub.Description
			}
			out = append(out, r.GitHub.Topics...)
		}
	}
	out = append(out, desc, host(it.HomepageURL))
	for _, p := range it.Paths {
		out = append(out, p)
	}
	for k, v := range it.Extra.Text {
		if k == "tag" || k == "cncf_tags" || strings.HasPrefix(k, "summary_") {
			out = append(out, v)
		}
	}
	return out
}

// maxTermLen bounds a term: a longer run of letters is not a word anyone
// types, and it would only weigh on the index.
const maxTermLen = 40

// terms splits text into the lower-cased terms search matches a typed word
// against: each run of letters and digits, and each chunk between spaces
// that holds punctuation as typed ("github.com/cncf/foo", "k8s.io") and
// without it ("open-telemetry" gives "opentelemetry" too). The page splits
// what is typed the same way (templates/js/search.js).
func terms(text string, add func(string)) {
	for _, chunk := range strings.Fields(strings.ToLower(text)) {
		chunk = strings.TrimFunc(chunk, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if chunk == "" {
			continue
		}
		parts := strings.FieldsFunc(chunk, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		for _, p := range parts {
			add(p)
		}
		if len(parts) > 1 {
			add(chunk)
			add(strings.Join(parts, ""))
		}
	}
}

func newSearchIndex(items []*site.Item) *searchIndex {
	posting := map[string][]int32{}
	seen := map[string]bool{} // the terms of one item, cleared for the next
	for i, it := range items {
		clear(seen)
		add := func(t string) {
			if len(t) > maxTermLen || seen[t] {
				return
			}
			seen[t] = true
			posting[t] = append(posting[t], int32(i))
		}
		for _, text := range searchTexts(it) {
			terms(text, add)
		}
	}
	x := &searchIndex{Terms: make([]string, 0, len(posting))}
	for t := range posting {
		x.Terms = append(x.Terms, t)
	}
	slices.SortFunc(x.Terms, compareUTF16)
	x.Postings = make([][]int32, len(x.Terms))
	for i, t := range x.Terms {
		ids, prev := posting[t], int32(0)
		gaps := make([]int32, len(ids))
		for k, id := range ids { // ascending: items are added in order
			gaps[k], prev = id-prev, id
		}
		x.Postings[i] = gaps
	}
	return x
}

// compareUTF16 orders strings as JavaScript's < does, by UTF-16 code units,
// without encoding them: sorting a large landscape's terms compares them
// tens of millions of times.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return cmp.Compare(utf16Order(ra), utf16Order(rb))
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// utf16Order maps a rune to a value that orders as its UTF-16 encoding
// does. Code order and UTF-16 order differ only in that runes above U+FFFF
// start with a surrogate (0xD800-0xDBFF) and so come before U+E000-U+FFFF.
// (A surrogate is never a decoded rune: invalid UTF-8 decodes as U+FFFD.)
func utf16Order(r rune) rune {
	if r >= 0xE000 && r <= 0xFFFF {
		return r + 0x110000 // after every rune above U+FFFF
	}
	return r
}

// writeSearchIndex writes the index under a name from its content and
// returns that name.
func (r *Renderer) writeSearchIndex(dir string, items []*site.Item) (string, error) {
	data, err := json.Marshal(newSearchIndex(items))
	if err != nil {
		return "", fmt.Errorf("search index: %w", err)
	}
	name := hashedName("search", ".json", data)
	return name, r.writeRaw(dir, name, data)
}

package render

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"

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
	Terms    []string `json:"terms"`
	Postings [][]int  `json:"postings"`
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
	posting := map[string][]int{}
	for i, it := range items {
		seen := map[string]bool{}
		add := func(t string) {
			if len(t) > maxTermLen || seen[t] {
				return
			}
			seen[t] = true
			posting[t] = append(posting[t], i)
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
	x.Postings = make([][]int, len(x.Terms))
	for i, t := range x.Terms {
		ids, prev := posting[t], 0
		gaps := make([]int, len(ids))
		for k, id := range ids { // ascending: items are added in order
			gaps[k], prev = id-prev, id
		}
		x.Postings[i] = gaps
	}
	return x
}

// compareUTF16 orders strings as JavaScript's < does.
func compareUTF16(a, b string) int {
	return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
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

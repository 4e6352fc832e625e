package links

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Fix rewrites, in data, each URL that moved permanently within the same
// site, as this run found (never from the cache alone): only the bytes of
// those values change, quotes and everything else stay as they are. It
// returns the new data, the uses it rewrote and those it left because
// their value is written in a form it does not rewrite (a block scalar, an
// escape).
func Fix(data []byte, rep *Report) (out []byte, fixed, left []Use) {
	type edit struct {
		at, n int
		to    string
	}
	var edits []edit
	starts := lineStarts(data)
	for _, u := range rep.Uses {
		r := rep.Results[u.URL]
		if r.Kind != Moved || !rep.Fresh[u.URL] || !SameSite(u.URL, r.Location) {
			continue
		}
		at, ok := valueAt(data, starts, u)
		if !ok {
			left = append(left, u)
			continue
		}
		edits = append(edits, edit{at, len(u.URL), r.Location})
		fixed = append(fixed, u)
	}
	slices.SortFunc(edits, func(a, b edit) int { return b.at - a.at }) // from the end: earlier offsets stay right
	out = slices.Clone(data)
	for _, e := range edits {
		out = slices.Concat(out[:e.at], []byte(e.to), out[e.at+e.n:])
	}
	return out, fixed, left
}

// lineStarts are the byte offsets at which each line begins.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// valueAt finds the byte offset of u's URL in data. yaml.v3 counts columns
// in characters, so the column is walked rune by rune from the line's
// start; the bytes found there must be exactly the URL, in its quotes.
func valueAt(data []byte, starts []int, u Use) (int, bool) {
	if u.Line < 1 || u.Line > len(starts) {
		return 0, false
	}
	at := starts[u.Line-1]
	for range u.Col - 1 {
		if at >= len(data) || data[at] == '\n' {
			return 0, false
		}
		_, n := utf8.DecodeRune(data[at:])
		at += n
	}
	rest := data[at:]
	switch u.Style {
	case 0:
		if bytes.HasPrefix(rest, []byte(u.URL)) && ends(rest[len(u.URL):]) {
			return at, true
		}
	case yaml.SingleQuotedStyle, yaml.DoubleQuotedStyle:
		q := byte('\'')
		if u.Style == yaml.DoubleQuotedStyle {
			q = '"'
		}
		if len(rest) > len(u.URL)+1 && rest[0] == q && bytes.HasPrefix(rest[1:], []byte(u.URL)) && rest[1+len(u.URL)] == q {
			return at + 1, true
		}
	}
	return 0, false
}

// ends reports whether the URL of a plain scalar ends where rest begins:
// at the end of the scalar, or at white space the loader trims (real data
// has URLs followed by a no-break space).
func ends(rest []byte) bool {
	if len(rest) == 0 {
		return true
	}
	switch rest[0] {
	case ',', '}', ']':
		return true
	}
	r, _ := utf8.DecodeRune(rest)
	return unicode.IsSpace(r)
}

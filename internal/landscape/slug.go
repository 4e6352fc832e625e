package landscape

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
)

// assignSlugs gives every item a URL-safe identifier that depends on the item
// alone, not on its category, so that its page keeps its URL when the item
// moves. Names shared by several items get a short hash of their homepage, so
// adding a namesake elsewhere does not rename the first one. It returns how
// many slugs it tried, which stays within twice the items: the numbered
// fallback resumes where the last one of the same base stopped, so 20,000
// namesakes cost 20,000 tries, not 200 million.
func assignSlugs(items []*Item) int {
	count := make(map[string]int, len(items))
	for _, it := range items {
		if it.Slug == "" {
			count[Slugify(it.Name)]++
		}
	}
	used := make(map[string]bool, len(items))
	next := map[string]int{} // the next number to try after a base
	tries := 0
	for _, it := range items {
		s := Slugify(it.Slug)
		if it.Slug == "" {
			s = Slugify(it.Name)
			if count[s] > 1 {
				s += "-" + shortHash(it.HomepageURL+"\x00"+it.RepoURL)
			}
		}
		tries++
		if used[s] { // identical name, homepage and box: fall back to order
			// A number skipped once stays taken (used only grows), so
			// resuming gives what counting from 2 again would.
			base, n := s, max(next[s], 2)
			for s = base + "-" + strconv.Itoa(n); used[s]; s = base + "-" + strconv.Itoa(n) {
				n++
				tries++
			}
			tries++
			next[base] = n + 1
		}
		used[s] = true
		it.Slug = s
	}
	return tries
}

// Slugify lower-cases s and keeps letters and digits, joined by single dashes.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "item"
	}
	return b.String()
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:3])
}

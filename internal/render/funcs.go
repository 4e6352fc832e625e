package render

import (
	"github.com/serverless-landscape/landscape/internal/site"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// funcs is the one FuncMap of the template set; every function is tested
// in funcs_test.go.
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"markdown":  r.markdown,
		"compact":   compact,
		"thousands": thousands,
		"date":      date,
		"safeURL":   safeURL,
		"host":      host,
		"label":     label,
		"title":     title,
		"truncate":  truncate,
		"plural":    plural,
		"nameClass": nameClass,
		"tileClass": tileClass,
		"boxClass":  boxClass,
		"filterURL": filterURL,
		"license":   license,
		"language":  language,
		"commit":    latestCommit,
		"contribs":  contributors,
		"stars":     stars,
		"icon":      icon,
		"widthAt":   widthAt,
		"boxQuery":  boxQuery,
	}
}

// boxQuery is the landscape page's query that zooms one box, its
// "Category / Subcategory" path percent-encoded as a query value.
func boxQuery(category, sub string) string {
	return "?" + url.Values{"box": {category + " / " + sub}}.Encode()
}

// widthAt is the width an image shows at when height pixels high, for
// its width attribute: the page keeps its room before it loads.
func widthAt(im site.Image, height int) int {
	if im.Width <= 0 || im.Height <= 0 {
		return height
	}
	return max(1, (im.Width*height+im.Height/2)/im.Height)
}

// compact writes a count the way people read star counts: 950, 1.2k, 34k, 1.2M.
func compact(n int) string {
	switch {
	case n < 1000:
		return strconv.Itoa(n)
	case n < 10_000:
		return trimZero(strconv.FormatFloat(float64(n)/1000, 'f', 1, 64)) + "k"
	case n < 1_000_000:
		return strconv.Itoa((n+500)/1000) + "k"
	}
	return trimZero(strconv.FormatFloat(float64(n)/1_000_000, 'f', 1, 64)) + "M"
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// thousands groups digits with commas: 2413 -> "2,413".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// date formats a time as an ISO date in UTC; nil is "".
func date(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// safeURL passes only absolute http(s) URLs. The loader already drops other
// schemes; this is the second line of defence at the point of output.
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// host shortens a URL for display: "https://github.com/a/b/" -> "github.com/a/b".
func host(u string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
}

// labels names the link keys of `extra:` whose readable form is not simply
// the key without "_url".
var labels = map[string]string{
	"github_discussions_url": "GitHub discussions", "stack_overflow_url": "Stack Overflow",
	"youtube_url": "YouTube", "linkedin_url": "LinkedIn", "clomonitor_url": "CLOMonitor",
	"blog_jp_url": "Blog (Japanese)", "dev_stats_url": "Developer stats", "lfx_slug": "LFX",
	"summary_intro_url": "Introduction", "twitter_url": "X (Twitter)", "cncf_tags": "CNCF tags",
}

// label turns a key of `extra:` into a label: "documentation_url" -> "Documentation".
func label(key string) string {
	if l, ok := labels[key]; ok {
		return l
	}
	k := strings.TrimSuffix(strings.TrimPrefix(key, "summary_"), "_url")
	return title(strings.ReplaceAll(k, "_", " "))
}

// title upper-cases the first letter: "graduated" -> "Graduated".
func title(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}

// truncate shortens s to at most n runes, ending with an ellipsis.
func truncate(n int, s string) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return strings.TrimSpace(string(rs[:n-1])) + "…"
}

// plural writes "1 item", "2 items".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// tileClass gives a tile its look: featured tiles (featured_items, never
// by a fixed rule) are larger, with a class by their rule's order (f1, f2,
// ...) so that each label has its own colour; archived tiles are grey,
// closed-source ones dashed.
func tileClass(t tileView) string {
	c := "t"
	if t.Featured {
		c += " f f" + strconv.Itoa(min(max(t.Item.FeaturedOrder, 1), 4))
	}
	if t.Item.Archived {
		c += " a"
	}
	if !t.Item.OpenSource {
		c += " c"
	}
	return c
}

// nameClass sizes the name on a tile without a logo by its longest word,
// so that a word is made smaller rather than broken ("OpenFunct ion"):
// "nm nmK" for a longest word of K runes (10 to 24), "" for shorter words,
// which fit at the usual size. The CSS derives the font size from K and
// the tile's width at each zoom level.
func nameClass(name string) string {
	longest := 0
	for _, w := range strings.Fields(name) {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	if longest < 5 {
		return ""
	}
	return "nm nm" + strconv.Itoa(min(longest, 24))
}

// boxClass sizes a subcategory box by how many tiles it holds, so boxes
// share a band in proportion to their content (classes w1..w12 in the CSS).
func boxClass(b boxView) string {
	weight := 0
	for _, t := range b.Tiles {
		weight++
		if t.Featured {
			weight += 3
		}
	}
	cols := 1
	for cols*cols < weight && cols < 12 {
		cols++
	}
	return "box w" + strconv.Itoa(cols)
}

// filterURL links to the landscape page filtered by one key.
func filterURL(base, key, value string) string {
	return base + "?" + url.Values{key: {value}}.Encode()
}

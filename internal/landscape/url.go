package landscape

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// CheckURL reports whether s is an absolute http or https URL with a host,
// the only kind of link the site renders. A backslash, a control or bidi
// formatting character is refused too: browsers read a backslash as a slash
// and drop tabs and line breaks, so such a URL goes elsewhere than it reads.
func CheckURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%q is not a valid URL (write an absolute https:// URL)", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q is not an http(s) URL (write an absolute https:// URL)", s)
	}
	if u.Host == "" || strings.ContainsAny(s, " \t\n<>\"\\") || hasControl(s) {
		return fmt.Errorf("%q is not a valid URL (write an absolute https:// URL without spaces)", s)
	}
	return nil
}

// CheckSiteURL reports whether s can be the site's own address (settings
// url:, written into canonical links and the posters): a link as CheckURL
// wants it, without user name, query or fragment, which would make the
// address read as one host and lead to another or carry a payload.
func CheckSiteURL(s string) error {
	if err := CheckURL(s); err != nil {
		return err
	}
	u, _ := url.Parse(s)
	if u.User != nil || strings.ContainsAny(s, "@?#") {
		return fmt.Errorf("%q is not a site address (write https://host or https://host/path, without @, ? or #)", s)
	}
	return nil
}

// CheckBasePath reports whether s is a path on the site's own host, fit to
// prefix every stylesheet, script, logo and link of the site: it starts with
// a single slash, and its segments are ASCII letters, digits and - . _ ~,
// never "." or "..". That leaves out a second host (//host/), a scheme, a
// backslash (a slash to browsers), percent-escapes (%2e%2e is ".." to them),
// and control characters (which browsers drop, joining what they split).
func CheckBasePath(s string) error {
	const how = "write / or a sub-path such as /landscape/"
	switch {
	case !strings.HasPrefix(s, "/"):
		return fmt.Errorf("%q is not a path: it must start with / (%s)", s, how)
	case strings.HasPrefix(s, "//"):
		return fmt.Errorf("%q names another host: a path starts with a single / (%s)", s, how)
	case strings.Contains(s, ".."):
		return fmt.Errorf("%q leaves the site with .. (%s)", s, how)
	case strings.Contains(s, "//"):
		return fmt.Errorf("%q has an empty segment // (%s)", s, how)
	case strings.Contains(s+"/", "/./"):
		return fmt.Errorf("%q has a segment . (%s)", s, how)
	}
	for _, r := range s {
		if !pathRune(r) {
			return fmt.Errorf("%q has %q, which a base path may not hold (%s, with letters, digits and - . _ ~ between slashes)", s, r, how)
		}
	}
	return nil
}

func pathRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/-._~", r)
}

// hasControl reports a control character or a bidi formatting character,
// which would make text display otherwise than it is stored.
func hasControl(s string) bool {
	return strings.IndexFunc(s, isControl) >= 0
}

func isControl(r rune) bool {
	return unicode.IsControl(r) || isBidi(r)
}

// isBidi reports the characters that reorder the text around them (LRE,
// RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) and the marks LRM, RLM and ALM.
func isBidi(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' ||
		r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// URLKey makes URLs comparable, for finding the same repository or page
// written twice: case, scheme, "www.", a trailing slash and ".git" do not
// make another one.
func URLKey(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimSuffix(strings.TrimSuffix(u, "/"), ".git")
}

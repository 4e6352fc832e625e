package landscape

import (
	"fmt"
	"net/url"
	"strings"
)

// CheckURL reports whether s is an absolute http or https URL with a host,
// the only kind of link the site renders.
func CheckURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%q is not a valid URL (write an absolute https:// URL)", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q is not an http(s) URL (write an absolute https:// URL)", s)
	}
	if u.Host == "" || strings.ContainsAny(s, " \t\n<>\"") {
		return fmt.Errorf("%q is not a valid URL (write an absolute https:// URL without spaces)", s)
	}
	return nil
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

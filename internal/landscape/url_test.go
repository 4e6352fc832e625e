package landscape

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzBasePath checks that a base path CheckBasePath accepts keeps every
// URL the site makes from it on the site: resolved against the page's
// address, the stylesheet's URL has the page's scheme and host, and a path
// under the base path, however a browser might read the characters. The
// loader must leave only such a base path, whatever the settings say.
func FuzzBasePath(f *testing.F) {
	for _, s := range []string{"/", "/landscape/", "//evil.example/", "/\\evil.example", "/\t/evil.example",
		"/%2e%2e/", "/a/../../b", "https://evil.example", "/.", "/a./", "/~x/"} {
		f.Add(s)
	}
	page, _ := url.Parse("https://site.example/landscape/items/x.html")
	f.Fuzz(func(t *testing.T, bp string) {
		s, _ := ParseSettings("settings.yml", []byte("base_path: "+yamlQuote(bp)+"\n"))
		if err := CheckBasePath(s.BasePath); err != nil || !strings.HasSuffix(s.BasePath, "/") {
			t.Fatalf("base_path %q: the loader kept %q (%v)", bp, s.BasePath, err)
		}
		if CheckBasePath(bp) != nil {
			return
		}
		if strings.ContainsAny(bp, "\\%:@?#") || hasControl(bp) || strings.Contains(bp, "//") {
			t.Fatalf("accepted %q, which a browser may read otherwise", bp)
		}
		ref, err := url.Parse(s.BasePath + "style.css")
		if err != nil {
			t.Fatalf("accepted %q, which does not parse: %v", bp, err)
		}
		u := page.ResolveReference(ref)
		if u.Scheme != page.Scheme || u.Host != page.Host || !strings.HasPrefix(u.Path, s.BasePath) {
			t.Fatalf("accepted %q, which leads to %s", bp, u)
		}
	})
}

// FuzzCheckURL checks that a link CheckURL accepts is an http(s) URL with a
// host that reads the way it leads: no backslash, control or bidi character.
func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{"https://example.org/", "//evil.example", "https://a\\@b/", "javascript:alert(1)",
		"https://a.example/\u202e", "HTTPS://A.example", "https://a.example@b.example/?q#f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CheckURL(s) != nil {
			if CheckSiteURL(s) == nil {
				t.Fatalf("CheckSiteURL accepted %q, which CheckURL refuses", s)
			}
			return
		}
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			t.Fatalf("accepted %q: %v", s, err)
		}
		if strings.ContainsAny(s, "\\ \t\r\n") || hasControl(s) {
			t.Fatalf("accepted %q, which a browser may read otherwise", s)
		}
		if CheckSiteURL(s) == nil && (u.User != nil || u.RawQuery != "" || u.Fragment != "") {
			t.Fatalf("CheckSiteURL accepted %q, with user, query or fragment", s)
		}
	})
}

// yamlQuote writes s as a YAML double-quoted scalar that reads back as s.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0xfeff || r == 0xfffd:
			b.WriteString(`\u` + hex4(r))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hex4(r rune) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[r>>12&15], digits[r>>8&15], digits[r>>4&15], digits[r&15]})
}

package gh

import (
	"strings"
	"testing"
)

var parseTests = []struct {
	url         string
	owner, name string
	ok          bool
}{
	{"https://github.com/kubernetes/kubernetes", "kubernetes", "kubernetes", true},
	{"https://github.com/kubernetes/kubernetes/", "kubernetes", "kubernetes", true},
	{"https://github.com/kubernetes/kubernetes.git", "kubernetes", "kubernetes", true},
	{"http://github.com/drasi-project/drasi-platform", "drasi-project", "drasi-platform", true},
	{"https://www.github.com/Org/Repo", "Org", "Repo", true},
	{"https://GitHub.com/o/.github", "o", ".github", true},
	{"  https://github.com/o/r_x.y  ", "o", "r_x.y", true},
	{"https://github.com/tensorflow", "", "", false},
	{"https://github.com/o/r/tree/main", "", "", false},
	{"https://github.com/o/..", "", "", false},
	{"https://github.com/o/r?tab=readme", "", "", false},
	{"https://github.com/o/r#readme", "", "", false},
	{"https://user:pw@github.com/o/r", "", "", false},
	{"https://github.com/-o/r", "", "", false},
	{"https://github.com/o/r%2Fx", "", "", false},
	{"https://gitlab.com/o/r", "", "", false},
	{"https://github.com.evil.example/o/r", "", "", false},
	{"git@github.com:o/r.git", "", "", false},
	{"ftp://github.com/o/r", "", "", false},
	{"", "", "", false},
}

func TestParseRepoURL(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.url, func(t *testing.T) {
			owner, name, ok := ParseRepoURL(tt.url)
			if owner != tt.owner || name != tt.name || ok != tt.ok {
				t.Errorf("got %q, %q, %v; want %q, %q, %v", owner, name, ok, tt.owner, tt.name, tt.ok)
			}
		})
	}
}

// Repository URLs come from landscape.yml, untrusted; whatever passes must
// be safe in an API path and a cache file name.
func FuzzParseRepoURL(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.url)
	}
	f.Fuzz(func(t *testing.T, u string) {
		owner, name, ok := ParseRepoURL(u)
		if !ok {
			if owner != "" || name != "" {
				t.Errorf("got %q, %q with ok false", owner, name)
			}
			return
		}
		if !validOwner(owner) || !validName(name) || strings.ContainsAny(owner+name, "/\\%?#") {
			t.Errorf("ParseRepoURL(%q) = %q, %q: unsafe", u, owner, name)
		}
		o2, n2, ok2 := ParseRepoURL(canonicalURL(owner + "/" + name))
		if !ok2 || o2 != owner || n2 != name {
			t.Errorf("canonical URL of %q does not parse back: %q, %q, %v", u, o2, n2, ok2)
		}
	})
}

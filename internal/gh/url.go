package gh

import (
	"net/url"
	"strings"
)

// RepoRef names one repository the landscape refers to: an item's repo_url
// with its branch, or one of its additional_repos. URL is kept as written so
// that results can be looked up by the same string.
type RepoRef struct {
	URL    string
	Branch string
}

// ParseRepoURL splits a GitHub repository URL into owner and name. It accepts
// the forms people paste into landscape.yml (http or https, www., a trailing
// slash or .git) and rejects anything that is not exactly a repository on
// github.com, so that a typo never becomes a request to another path.
func ParseRepoURL(u string) (owner, name string, ok bool) {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") {
		return "", "", false
	}
	host := strings.ToLower(p.Host)
	if host != "github.com" && host != "www.github.com" {
		return "", "", false
	}
	if p.User != nil || p.RawQuery != "" || p.Fragment != "" {
		return "", "", false
	}
	path := strings.TrimSuffix(strings.Trim(p.Path, "/"), ".git")
	parts := strings.Split(path, "/")
	if len(parts) != 2 || !validOwner(parts[0]) || !validName(parts[1]) {
		return "", "", false
	}
	return parts[0], parts[1], true
}

// OnGitHub tells whether u points at github.com at all, so that a URL of an
// organization there is reported while a GitLab repository is just skipped.
func OnGitHub(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return false
	}
	host := strings.ToLower(p.Host)
	return host == "github.com" || host == "www.github.com"
}

// validOwner follows GitHub's rule for user and organization names:
// alphanumerics and single inner hyphens, at most 39 characters.
func validOwner(s string) bool {
	if s == "" || len(s) > 39 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !isAlnum(r) && r != '-' {
			return false
		}
	}
	return true
}

// validName accepts the characters GitHub allows in repository names. The
// check also keeps names safe to use as cache file names.
func validName(s string) bool {
	if s == "" || s == "." || s == ".." || len(s) > 100 {
		return false
	}
	for _, r := range s {
		if !isAlnum(r) && r != '-' && r != '_' && r != '.' {
			return false
		}
	}
	return true
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// repoKey identifies one repository and branch independently of how its URL
// was spelled, since GitHub names are case-insensitive.
type repoKey struct {
	owner, name, branch string
}

func newRepoKey(owner, name, branch string) repoKey {
	return repoKey{strings.ToLower(owner), strings.ToLower(name), branch}
}

func (k repoKey) String() string {
	s := k.owner + "/" + k.name
	if k.branch != "" {
		s += "@" + k.branch
	}
	return s
}

// canonicalURL is the URL GitHub itself uses for a repository.
func canonicalURL(nameWithOwner string) string {
	return "https://github.com/" + nameWithOwner
}

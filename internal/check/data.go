package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

func emptyBoxes(l *landscape.Landscape, diags *diag.List) {
	for _, c := range l.Categories {
		if len(c.Subcategories) == 0 {
			warnAt(diags, l.File, c.Pos, "", "category", "%q has no subcategories (add one or remove the category)", c.Name)
		}
		for _, s := range c.Subcategories {
			if len(s.Items) == 0 {
				warnAt(diags, l.File, s.Pos, "", "subcategory", "%q in %q has no items (add items or remove the subcategory)", s.Name, c.Name)
			}
		}
	}
}

// duplicateBoxes reports categories, and subcategories of one category,
// whose names differ only in case or punctuation: they would share a
// second_path and the site's identifiers.
func duplicateBoxes(l *landscape.Landscape, diags *diag.List) {
	cats := map[string]*landscape.Category{}
	for _, c := range l.Categories {
		if prev, ok := firstNamed(cats, c.Name, c); ok {
			errorAt(diags, l.File, c.Pos, "", "category", "%q repeats the category %q at line %d (merge them or rename one)", c.Name, prev.Name, prev.Pos.Line)
		}
		subs := map[string]*landscape.Subcategory{}
		for _, s := range c.Subcategories {
			if prev, ok := firstNamed(subs, s.Name, s); ok {
				errorAt(diags, l.File, s.Pos, "", "subcategory", "%q repeats the subcategory %q at line %d in %q (merge them or rename one)", s.Name, prev.Name, prev.Pos.Line, c.Name)
			}
		}
	}
}

// firstNamed records v under name, unless a value of a name with the same
// slug came first: then it returns that one. Nameless values (reported by
// the loader) are left out.
func firstNamed[V any](seen map[string]V, name string, v V) (V, bool) {
	if name == "" {
		return v, false
	}
	k := landscape.Slugify(name)
	if prev, ok := seen[k]; ok {
		return prev, true
	}
	seen[k] = v
	return v, false
}

// duplicateNames: the same name twice in a box is an error (one of them is a
// mistake); in different boxes it is a warning, since real landscapes list
// namesakes on purpose (a member and its product).
func duplicateNames(l *landscape.Landscape, diags *diag.List) {
	first := make(map[string]*landscape.Item, len(l.Items))
	for _, it := range l.Items {
		key := strings.ToLower(it.Name)
		if it.Name == "" {
			continue
		}
		prev, ok := first[key]
		if !ok {
			first[key] = it
			continue
		}
		if prev.Subcategory == it.Subcategory {
			errorAt(diags, l.File, it.FieldPos("name"), it.Name, "name", "duplicate of the item at line %d in the same subcategory (remove one or rename it)", prev.Pos.Line)
		} else {
			warnAt(diags, l.File, it.FieldPos("name"), it.Name, "name", "same name as the item at line %d in %q (rename one if they are different things)", prev.Pos.Line, prev.Path())
		}
	}
}

// duplicateRepos reports items that repeat the repository of an item listed
// before them, unless they say allow_duplicate_repo: true. A warning:
// landscape2 builds such data, and the CNCF's has nine such groups.
func duplicateRepos(l *landscape.Landscape, diags *diag.List) {
	byRepo := make(map[string][]*landscape.Item)
	var order []string
	for _, it := range l.Items {
		if it.RepoURL == "" {
			continue
		}
		key := landscape.URLKey(it.RepoURL)
		if byRepo[key] == nil {
			order = append(order, key)
		}
		byRepo[key] = append(byRepo[key], it)
	}
	for _, key := range order {
		group := byRepo[key]
		if len(group) < 2 {
			continue
		}
		for _, it := range group[1:] { // the first listed is the original
			if it.AllowDuplicateRepo {
				continue
			}
			others := lines(group, it)
			warnAt(diags, l.File, it.FieldPos("repo_url"), it.Name, "repo_url", "same repository as the item(s) at line %s (set allow_duplicate_repo: true on each if intended)", others)
		}
	}
}

// linesShown is how many other places a diagnostic names: 8,000 items of
// one repository each naming the 7,999 others printed 431 MB.
const linesShown = 5

// lines names the lines of group's items but except, the first linesShown
// of them, and how many more there are.
func lines(group []*landscape.Item, except *landscape.Item) string {
	var ls []string
	for _, o := range group {
		if len(ls) == linesShown {
			break
		}
		if o != except {
			ls = append(ls, fmt.Sprint(o.Pos.Line))
		}
	}
	s := strings.Join(ls, ", ")
	if more := len(group) - 1 - len(ls); more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

// githubURLs warns about URLs on github.com that name no repository (an
// organization, a file): no facts can be fetched for them.
func githubURLs(l *landscape.Landscape, diags *diag.List) {
	for _, it := range l.Items {
		for i, r := range it.Repos() {
			if _, _, ok := gh.ParseRepoURL(r.URL); ok || !gh.OnGitHub(r.URL) {
				continue
			}
			field := "additional_repos.repo_url"
			if i == 0 && it.RepoURL != "" {
				field = "repo_url"
			}
			warnAt(diags, l.File, r.Pos, it.Name, field, "%q is not a GitHub repository URL, so it has no stars or other facts (write https://github.com/owner/name)", r.URL)
		}
	}
}

func secondPaths(l *landscape.Landscape, diags *diag.List) {
	known := newPathIndex(l)
	for _, it := range l.Items {
		for i, p := range it.SecondPaths {
			at := it.FieldPos("second_path")
			if q, ok := it.Fields["second_path."+strconv.Itoa(i)]; ok {
				at = q
			}
			np := normalizePath(p)
			if !strings.Contains(p, "/") {
				errorAt(diags, l.File, at, it.Name, "second_path", "%q is not a path (write \"Category / Subcategory\")", p)
			} else if !known.boxes[np] { // a warning: landscape2 builds it, showing the item in its own box only
				warnAt(diags, l.File, at, it.Name, "second_path", "%q is not a subcategory of this landscape%s", p, known.nearest(np))
			} else if np == it.Path() {
				warnAt(diags, l.File, at, it.Name, "second_path", "%q is the item's own subcategory (remove it)", p)
			}
		}
	}
}

// normalizePath spaces "Category/Subcategory" as the landscape does. The
// spaced separator is looked for first, since names may hold a slash
// ("Platform / PaaS/Container Service").
func normalizePath(p string) string {
	cat, sub, ok := strings.Cut(p, " / ")
	if !ok {
		cat, sub, _ = strings.Cut(p, "/")
	}
	return strings.TrimSpace(cat) + " / " + strings.TrimSpace(sub)
}

// pathIndex holds the landscape's "Category / Subcategory" paths, and
// indexes them by case-folded path and subcategory, so that suggesting one
// for each of N wrong second paths costs N lookups, not N times the boxes.
type pathIndex struct {
	boxes  map[string]bool
	folded map[string]string   // the first path of each case-folded path
	bySub  map[string][]string // the first suggestShown paths of each case-folded subcategory
	nSub   map[string]int      // and how many there are
}

// suggestShown is how many paths a suggestion names.
const suggestShown = 3

func newPathIndex(l *landscape.Landscape) pathIndex {
	x := pathIndex{boxes: map[string]bool{}, folded: map[string]string{}, bySub: map[string][]string{}, nSub: map[string]int{}}
	for _, c := range l.Categories {
		for _, s := range c.Subcategories {
			p := c.Name + " / " + s.Name
			x.boxes[p] = true
			if _, ok := x.folded[strings.ToLower(p)]; !ok {
				x.folded[strings.ToLower(p)] = p
			}
			k := strings.ToLower(s.Name)
			if x.nSub[k]++; len(x.bySub[k]) < suggestShown {
				x.bySub[k] = append(x.bySub[k], fmt.Sprintf("%q", p))
			}
		}
	}
	return x
}

// nearest suggests the known path closest to p, ignoring case: the same
// path, else those with the same subcategory.
func (x pathIndex) nearest(p string) string {
	if k, ok := x.folded[strings.ToLower(p)]; ok {
		return fmt.Sprintf(" (did you mean %q?)", k)
	}
	_, sub, _ := strings.Cut(p, " / ")
	k := strings.ToLower(sub)
	if hits := x.bySub[k]; len(hits) > 0 {
		s := strings.Join(hits, " or ")
		if more := x.nSub[k] - len(hits); more > 0 {
			s = strings.Join(hits, ", ") + fmt.Sprintf(" or one of %d more", more)
		}
		return " (did you mean " + s + "?)"
	}
	return " (write an existing \"Category / Subcategory\")"
}

// maturity checks `project:` values. When settings list the maturity
// levels (our `maturity` key), a value outside them is an error. Without
// that key, as in every landscape2 settings file, landscape2 takes any value
// (lfenergy's earlyadoption and sig): the data's own values are the levels,
// and only a value that looks like a typo of a more common one is warned
// about.
func maturity(l *landscape.Landscape, s *landscape.Settings, diags *diag.List) {
	if !s.MaturityGiven() {
		typos, counts := landscape.MaturityTypos(l), landscape.MaturityCounts(l)
		for _, it := range l.Items {
			if w, ok := typos[it.Project]; ok {
				warnAt(diags, l.File, it.FieldPos("project"), it.Name, "project", "%q (%s) looks like a typo of %q (%s) (write %q, or list both in maturity in %s)",
					it.Project, plural(counts[it.Project], "item", "items"), w, plural(counts[w], "item", "items"), w, settingsName(s))
			}
		}
		return
	}
	allowed := map[string]bool{}
	for _, m := range s.Maturity {
		allowed[m] = true
	}
	for _, it := range l.Items {
		if it.Project != "" && !allowed[it.Project] {
			errorAt(diags, l.File, it.FieldPos("project"), it.Name, "project", "%q is not an allowed maturity (use one of %s, or add it to maturity in %s)", it.Project, strings.Join(s.Maturity, ", "), settingsName(s))
		}
	}
}

func settingsName(s *landscape.Settings) string {
	if s.File == "" {
		return "settings.yml"
	}
	return s.File
}

package landscape

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// itemKeys are the fields an item may have, for suggestions on typos.
var itemKeys = []string{
	"item", "name", "homepage_url", "logo", "description", "repo_url", "branch",
	"additional_repos", "project", "crunchbase", "organization", "unnamed_organization",
	"twitter", "bluesky_url", "license", "open_source", "allow_duplicate_repo", "second_path",
	"enduser", "joined", "url_for_bestpractices", "project_org", "stock_ticker", "slug", "extra",
}

var required = map[string]bool{"name": true, "homepage_url": true, "logo": true}

// isEmpty reports a null or blank scalar, which real files use for "unset".
func isEmpty(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || (n.Tag == "!!str" && strings.TrimSpace(n.Value) == ""))
}

// textFields and linkFields decode straight into an item's string fields.
var (
	textFields = map[string]func(*Item) *string{
		"name":         func(it *Item) *string { return &it.Name },
		"logo":         func(it *Item) *string { return &it.Logo },
		"description":  func(it *Item) *string { return &it.Description },
		"branch":       func(it *Item) *string { return &it.Branch },
		"project":      func(it *Item) *string { return &it.Project },
		"license":      func(it *Item) *string { return &it.License },
		"joined":       func(it *Item) *string { return &it.Joined },
		"project_org":  func(it *Item) *string { return &it.ProjectOrg },
		"stock_ticker": func(it *Item) *string { return &it.StockTicker },
		"slug":         func(it *Item) *string { return &it.Slug },
	}
	linkFields = map[string]func(*Item) *string{
		"homepage_url":          func(it *Item) *string { return &it.HomepageURL },
		"repo_url":              func(it *Item) *string { return &it.RepoURL },
		"crunchbase":            func(it *Item) *string { return &it.Crunchbase },
		"twitter":               func(it *Item) *string { return &it.Twitter },
		"bluesky_url":           func(it *Item) *string { return &it.BlueskyURL },
		"url_for_bestpractices": func(it *Item) *string { return &it.URLForBestPractices },
	}
	boolFields = map[string]func(*Item) *bool{
		"unnamed_organization": func(it *Item) *bool { return &it.UnnamedOrganization },
		"allow_duplicate_repo": func(it *Item) *bool { return &it.AllowDuplicateRepo },
		"enduser":              func(it *Item) *bool { return &it.EndUser },
	}
)

// item decodes one entry of an items list. Real files have items without the
// "item:" marker key; they load the same.
func (d *decoder) item(n *yaml.Node, s *Subcategory) *Item {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "", "items", "expected an item (\"- item:\" with name, homepage_url and logo), found %s", kindName(n))
		return nil
	}
	it := &Item{Subcategory: s, Pos: pos(n), EndLine: lastLine(n), Fields: make(map[string]Pos)}
	for i := 0; i+1 < len(n.Content); i += 2 { // the name first, so every problem can name the item
		if v := resolve(n.Content[i+1]); n.Content[i].Value == "name" && it.Name == "" && !isEmpty(v) {
			it.Name, _ = d.str(v, "", "name")
		}
	}
	ps := d.pairs(n, it.Name, "")
	blank := map[string]bool{}
	for _, p := range ps {
		if isEmpty(p.value) && p.key != "item" && p.key != "extra" {
			if required[p.key] { // at the value, the line to fix
				d.errorf(p.value, it.Name, p.key, "empty (every item needs name, homepage_url and logo)")
				blank[p.key] = true
			} else {
				d.warnf(p.value, it.Name, p.key, "empty value, ignored (remove the key or give it a value)")
			}
			continue
		}
		it.Fields[p.key] = pos(p.value)
		d.itemField(it, p)
	}
	for _, req := range []string{"name", "homepage_url", "logo"} { // in this order, for stable output
		if _, ok := it.Fields[req]; !ok && !blank[req] {
			d.errorf(n, it.Name, req, "missing (every item needs name, homepage_url and logo)")
		}
	}
	return it
}

func (d *decoder) itemField(it *Item, p pair) {
	v, name := p.value, it.Name
	if f, ok := textFields[p.key]; ok {
		if p.key != "name" {
			*f(it), _ = d.str(v, name, p.key)
		}
		return
	}
	if f, ok := linkFields[p.key]; ok {
		*f(it), _ = d.link(v, name, p.key)
		return
	}
	if f, ok := boolFields[p.key]; ok {
		*f(it), _ = d.boolean(v, name, p.key)
		return
	}
	switch p.key {
	case "item":
		if !isNull(v) {
			d.warnf(v, name, "item", "the item marker should have no value (write \"- item:\" alone), value ignored")
		}
	case "open_source":
		if b, ok := d.boolean(v, name, p.key); ok {
			it.OpenSource = &b
		}
	case "organization":
		it.Organization = d.organization(v, name)
	case "additional_repos":
		it.AdditionalRepos = d.additionalRepos(v, name)
	case "second_path":
		it.SecondPaths = d.secondPaths(v, it)
	case "extra":
		it.Extra = d.extra(v, it)
	default:
		d.warnf(p.kNode, name, p.key, "unknown field, not shown on the site%s", suggest(p.key, itemKeys))
	}
}

func (d *decoder) organization(n *yaml.Node, item string) string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" { // keep the name rather than lose it
		name, _ := d.str(n, item, "organization.name")
		d.warnf(n, item, "organization", "expected a mapping (write organization: {name: %s}), read as the name", name)
		return name
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, item, "organization", "expected a mapping with a name (organization: {name: Example}), found %s", kindName(n))
		return ""
	}
	name := ""
	for _, p := range d.pairs(n, item, "organization") {
		if p.key == "name" {
			name, _ = d.str(p.value, item, "organization.name")
			continue
		}
		d.unknownKey(p, item, "organization", nestedKeys["organization"]...)
	}
	return name
}

func (d *decoder) additionalRepos(n *yaml.Node, item string) []Repo {
	var repos []Repo
	d.mappings(n, item, "additional_repos", "{repo_url: ..., branch: ...}", func(e *yaml.Node) {
		r := Repo{Pos: pos(e)}
		for _, p := range d.pairs(e, item, "additional_repos") {
			switch p.key {
			case "repo_url":
				r.URL, _ = d.link(p.value, item, "additional_repos.repo_url")
				r.Pos = pos(p.value)
			case "branch":
				r.Branch, _ = d.str(p.value, item, "additional_repos.branch")
			default:
				d.unknownKey(p, item, "additional_repos", nestedKeys["additional_repos"]...)
			}
		}
		if r.URL != "" {
			repos = append(repos, r)
		}
	})
	return repos
}

// secondPaths accepts one "Category / Subcategory" string or a list of them,
// keeping each one's position as "second_path.N" in Fields, N counting the
// paths kept.
func (d *decoder) secondPaths(n *yaml.Node, it *Item) []string {
	if n.Kind == yaml.ScalarNode {
		if s, ok := d.str(n, it.Name, "second_path"); ok {
			it.Fields["second_path.0"] = pos(n)
			return []string{s}
		}
		return nil
	}
	entries, _ := d.list(n, it.Name, "second_path")
	var paths []string
	for _, e := range entries {
		e = resolve(e)
		if s, ok := d.str(e, it.Name, "second_path"); ok {
			it.Fields["second_path."+strconv.Itoa(len(paths))] = pos(e)
			paths = append(paths, s)
		}
	}
	return paths
}

// lastLine is the last line on which a value of n starts.
func lastLine(n *yaml.Node) int {
	last := n.Line
	for _, c := range n.Content {
		last = max(last, lastLine(c))
	}
	return last
}

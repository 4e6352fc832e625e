package links

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Use is one place a URL is written in landscape.yml.
type Use struct {
	URL   string
	Item  string // the item's name
	Field string // "homepage_url", "extra.blog_url", "extra.other_links.url", ...
	Line  int    // 1-based
	Col   int    // 1-based, in characters (as yaml.v3 counts)
	Style yaml.Style
}

// urlKeys are the keys of an item whose value is a link, by their path.
func urlKeys() map[string]bool {
	keys := map[string]bool{"additional_repos.repo_url": true, "extra.other_links.url": true, "extra.audits.url": true, "logo": true}
	for _, f := range landscape.ItemFields() {
		if f.Kind == landscape.KindLink || f.Kind == landscape.KindRequiredLink {
			keys[f.Key] = true
		}
	}
	for _, f := range landscape.ExtraFields() {
		if f.Kind == landscape.KindLink || f.Kind == landscape.KindLooseLink {
			keys["extra."+f.Key] = true
		}
	}
	return keys
}

// Collect finds every http(s) URL in landscape data, with where it is
// written: the item links (homepage, repositories, crunchbase, social),
// extra links, other_links, audits and logo URLs. Values the loader would
// reject are left out: validate reports them.
func Collect(data []byte) ([]Use, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	c := &collector{keys: urlKeys()}
	if len(doc.Content) > 0 {
		c.walk(doc.Content[0], "", "", false)
	}
	return c.uses, nil
}

type collector struct {
	keys map[string]bool
	uses []Use
}

// walk visits n; inside an item, path is the dotted key path from the
// item (extra.other_links) and item its name.
func (c *collector) walk(n *yaml.Node, path, item string, inItem bool) {
	switch n.Kind {
	case yaml.MappingNode:
		if !inItem && isItem(n) {
			inItem, item, path = true, scalar(n, "name"), ""
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !inItem { // the tree above items: categories, subcategories
				c.walk(v, "", item, false)
				continue
			}
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			if v.Kind == yaml.ScalarNode && c.keys[p] {
				c.add(v, item, p)
				continue
			}
			c.walk(v, p, item, true)
		}
	case yaml.SequenceNode:
		for _, e := range n.Content {
			c.walk(e, path, item, inItem)
		}
	}
}

func (c *collector) add(v *yaml.Node, item, field string) {
	u := strings.TrimSpace(v.Value)
	if landscape.CheckURL(u) != nil || v.Tag != "!!str" {
		return
	}
	c.uses = append(c.uses, Use{URL: u, Item: item, Field: field, Line: v.Line, Col: v.Column, Style: v.Style})
}

// isItem: a mapping with a name and a homepage_url or logo.
func isItem(n *yaml.Node) bool {
	return scalar(n, "name") != "" && (scalar(n, "homepage_url") != "" || scalar(n, "logo") != "")
}

func scalar(n *yaml.Node, key string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1].Value
		}
	}
	return ""
}

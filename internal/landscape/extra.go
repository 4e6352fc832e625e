package landscape

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// extraKind says how a known key of `extra:` is decoded and shown.
type extraKind int

const (
	extraText extraKind = iota
	extraLink
	extraDate
	extraFlag
	extraMap // a mapping of text to text: annotations
)

// extraKeys are the keys of `extra:` that landscape2 reads and those the CNCF
// landscape data uses today. Any other key is kept out of the site and warned
// about, with the nearest known key suggested, because a typo
// (documentation_ul) would otherwise hide a link without anyone noticing.
var extraKeys = map[string]extraKind{
	"accepted": extraDate, "incubating": extraDate, "graduated": extraDate, "archived": extraDate,
	"annual_review_date": extraDate,

	"annual_review_url": extraLink, "artwork_url": extraLink, "blog_url": extraLink,
	"bluesky_url": extraLink, "dev_stats_url": extraLink, "discord_url": extraLink,
	"docker_url": extraLink, "documentation_url": extraLink, "github_discussions_url": extraLink,
	"gitter_url": extraLink, "linkedin_url": extraLink, "mailing_list_url": extraLink,
	"slack_url": extraLink, "stack_overflow_url": extraLink, "youtube_url": extraLink,
	"summary_intro_url": extraLink, "package_manager_url": extraLink, "helm_chart_url": extraLink,
	"operator_chart_url": extraLink, "kubernetes_url": extraLink, "funding_url": extraLink,
	"blog_jp_url": extraLink, "clomonitor_url": extraLink, "twitter_url": extraLink,
	"facebook_url": extraLink, "pinterest_url": extraLink, "reddit_url": extraLink,

	"chat_channel": extraText, "clomonitor_name": extraText, "lfx_slug": extraText,
	"parent_project": extraText, "tag": extraText, "training_type": extraText,
	"training_certifications": extraText, "cncf_tags": extraText,
	"summary_business_use_case": extraText, "summary_integration": extraText,
	"summary_integrations": extraText, "summary_languages": extraText,
	"summary_personas": extraText, "summary_release_rate": extraText,
	"summary_tags": extraText, "summary_use_case": extraText,

	"specification": extraFlag, "ai": extraFlag,

	"annotations": extraMap,
}

// strictLinks are the link keys of `extra:` whose value landscape2 rejects
// when it is not an http(s) URL: a bad one is an error. Any other link key
// (summary_intro_url, which real data fills with prose around URLs, and the
// keys landscape2 does not read) only loses its link, with a warning, so that
// data landscape2 builds is not failed here.
var strictLinks = map[string]bool{
	"annual_review_url": true, "artwork_url": true, "blog_url": true, "bluesky_url": true,
	"dev_stats_url": true, "discord_url": true, "docker_url": true, "documentation_url": true,
	"facebook_url": true, "github_discussions_url": true, "gitter_url": true, "linkedin_url": true,
	"mailing_list_url": true, "package_manager_url": true, "pinterest_url": true, "reddit_url": true,
	"slack_url": true, "stack_overflow_url": true, "youtube_url": true,
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func (d *decoder) extra(n *yaml.Node, it *Item) Extra {
	var x Extra
	if isNull(n) {
		return x
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, it.Name, "extra", "expected a mapping, found %s", kindName(n))
		return x
	}
	for _, p := range d.pairs(n, it.Name, "extra") {
		field := "extra." + p.key
		it.Fields[field] = pos(p.value)
		switch p.key {
		case "other_links":
			x.OtherLinks = d.otherLinks(p.value, it.Name)
			continue
		case "audits":
			x.Audits = d.audits(p.value, it.Name)
			continue
		}
		if isEmpty(p.value) {
			d.warnf(p.value, it.Name, field, "empty value, ignored (remove the key or give it a value)")
			continue
		}
		kind, known := extraKeys[p.key]
		if !known && slices.Contains(itemKeys, p.key) {
			d.warnf(p.kNode, it.Name, field, "is an item field, not an extra: not shown on the site (move it out of extra:)")
			continue
		}
		if !known {
			d.warnf(p.kNode, it.Name, field, "unknown key, not shown on the site%s", suggest(p.key, knownExtraKeys()))
			continue
		}
		d.extraValue(&x, kind, p, it.Name, field)
	}
	return x
}

func (d *decoder) extraValue(x *Extra, kind extraKind, p pair, item, field string) {
	switch kind {
	case extraFlag:
		if b, ok := d.boolean(p.value, item, field); ok {
			setMap(&x.Flags, p.key, b)
		}
	case extraLink:
		if !strictLinks[p.key] {
			if s, ok := d.looseLink(p.value, item, field); ok {
				setMap(&x.Links, p.key, s)
			}
			return
		}
		if s, ok := d.link(p.value, item, field); ok {
			setMap(&x.Links, p.key, s)
		}
	case extraMap:
		x.Annotations = d.textMap(p.value, item, field)
	case extraDate:
		if s, ok := d.str(p.value, item, field); ok {
			if !isoDate.MatchString(s) {
				d.errorf(p.value, item, field, "%q is not a date (write YYYY-MM-DD)", s)
				return
			}
			setMap(&x.Dates, p.key, s)
		}
	default:
		if s, ok := d.text(p.value, item, field); ok {
			setMap(&x.Text, p.key, s)
		}
	}
}

// text accepts a scalar, or a list of scalars joined with commas (some real
// files list summary tags).
func (d *decoder) text(n *yaml.Node, item, field string) (string, bool) {
	if n.Kind != yaml.SequenceNode {
		return d.str(n, item, field)
	}
	if len(n.Content) == 0 {
		d.warnf(n, item, field, "empty value, ignored (remove the key or give it a value)")
		return "", false
	}
	var parts []string
	for _, e := range n.Content {
		if s, ok := d.str(resolve(e), item, field); ok {
			parts = append(parts, s)
		}
	}
	return d.clean(n, item, field, strings.Join(parts, ", "), textLimit(field)), len(parts) > 0
}

// looseLink is link for keys where landscape2 takes any text: a value that
// is not a URL is a warning, and not shown as a link.
func (d *decoder) looseLink(n *yaml.Node, item, field string) (string, bool) {
	s, ok := d.str(n, item, field)
	if !ok || len(s) < len(strings.TrimSpace(n.Value)) {
		return "", false
	}
	if err := CheckURL(s); err != nil {
		d.warnf(n, item, field, "%v; not shown as a link", err)
		return "", false
	}
	return s, true
}

// textMap decodes a mapping of names to text (extra.annotations).
func (d *decoder) textMap(n *yaml.Node, item, field string) map[string]string {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, item, field, "expected a mapping of names to text (annotations: {key: value}), found %s", kindName(n))
		return nil
	}
	var m map[string]string
	for _, p := range d.pairs(n, item, field) {
		if s, ok := d.str(p.value, item, field+"."+p.key); ok {
			setMap(&m, p.key, s)
		}
	}
	return m
}

func setMap[V any](m *map[string]V, k string, v V) {
	if *m == nil {
		*m = make(map[string]V)
	}
	(*m)[k] = v
}

func knownExtraKeys() []string {
	keys := []string{"other_links", "audits"}
	for k := range extraKeys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (d *decoder) otherLinks(n *yaml.Node, item string) []Link {
	var links []Link
	d.mappings(n, item, "extra.other_links", "{name: ..., url: ...}", func(e *yaml.Node) {
		var l Link
		for _, p := range d.pairs(e, item, "extra.other_links") {
			switch p.key {
			case "name":
				l.Name, _ = d.str(p.value, item, "extra.other_links.name")
			case "url":
				l.URL, _ = d.link(p.value, item, "extra.other_links.url")
			default:
				d.unknownKey(p, item, "extra.other_links", nestedKeys["extra.other_links"]...)
			}
		}
		if l.URL != "" {
			l.Name = cmp.Or(l.Name, l.URL)
			links = append(links, l)
		}
	})
	return links
}

func (d *decoder) audits(n *yaml.Node, item string) []Audit {
	var audits []Audit
	d.mappings(n, item, "extra.audits", "{date, type, url, vendor}", func(e *yaml.Node) {
		var a Audit
		for _, p := range d.pairs(e, item, "extra.audits") {
			f := "extra.audits." + p.key
			switch p.key {
			case "date":
				a.Date, _ = d.str(p.value, item, f)
			case "type":
				a.Type, _ = d.str(p.value, item, f)
			case "vendor":
				a.Vendor, _ = d.str(p.value, item, f)
			case "url":
				a.URL, _ = d.link(p.value, item, f)
			default:
				d.unknownKey(p, item, "extra.audits", nestedKeys["extra.audits"]...)
			}
		}
		audits = append(audits, a)
	})
	return audits
}

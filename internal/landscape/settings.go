package landscape

import (
	"cmp"
	"fmt"
	"io/fs"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// Settings is settings.yml: the landscape2 settings format, so that real
// landscape2-sites files load, plus the keys this tool adds (name, base_path,
// maturity, rules). docs/settings.md documents every key.
type Settings struct {
	Name          string            `yaml:"name" json:"name"`
	Foundation    string            `yaml:"foundation" json:"foundation,omitempty"`
	URL           string            `yaml:"url" json:"url,omitempty"`
	BasePath      string            `yaml:"base_path" json:"base_path"`
	Description   string            `yaml:"description" json:"description,omitempty"`
	Colors        map[string]string `yaml:"colors" json:"colors,omitempty"`
	Groups        []Group           `yaml:"groups" json:"groups,omitempty"`
	Categories    []CategoryOrder   `yaml:"categories" json:"-"`
	FeaturedItems []FeaturedRule    `yaml:"featured_items" json:"-"`
	Maturity      []string          `yaml:"maturity" json:"maturity"`
	Rules         Rules             `yaml:"rules" json:"-"`
	Links         LinksSettings     `yaml:"links" json:"-"`
	Poster        PosterSettings    `yaml:"poster" json:"-"`

	// OrganizationNames spell organizations known only by a crunchbase URL,
	// keyed by the URL's slug ("ntt-data": "NTT DATA"); without an entry
	// the slug is made readable.
	OrganizationNames map[string]string `yaml:"organization_names" json:"-"`

	// Footer, Header, UpcomingEvent, GridItemsSize, Tags and EndUser are
	// landscape2's keys of the same names (docs/settings.md).
	Footer        Footer         `yaml:"footer" json:"-"`
	Header        Header         `yaml:"header" json:"-"`
	UpcomingEvent *UpcomingEvent `yaml:"upcoming_event" json:"-"`
	GridItemsSize string         `yaml:"grid_items_size" json:"-"`
	// Tags give the items of some boxes a TAG (by tag name), unless their
	// extra.tag names one; EndUser marks the items of some boxes as end users.
	Tags    map[string][]BoxRule `yaml:"tags" json:"-"`
	EndUser []BoxRule            `yaml:"enduser" json:"-"`
	// Images, and the logos of Header and Footer and the banner of
	// UpcomingEvent, name images by https URL or by a file in the logos
	// folder; the build downloads and cleans them (logos.SiteImage).
	Images Images `yaml:"images" json:"-"`
	// ViewMode is the view the landscape page opens in: grid (the
	// landscape, the default) or card.
	ViewMode string `yaml:"view_mode" json:"-"`

	// ScreenshotWidth is landscape2's width of its landscape picture, the
	// poster's width when poster.width is absent.
	ScreenshotWidth int `yaml:"screenshot_width" json:"-"`

	File string `yaml:"-" json:"-"`

	root *yaml.Node // the file's tree, for Pos
}

// Pos returns where the value at path (mapping keys, and list indexes in
// decimal: "groups", "1", "categories", "0") is in the settings file, or
// the nearest enclosing value that is there, so that checks on the whole
// landscape can point at the setting they are about. Settings not read
// from a file have no positions: the zero Pos.
func (s *Settings) Pos(path ...string) Pos {
	if s == nil || s.root == nil {
		return Pos{}
	}
	return pos(nodeAt(s.root, path...))
}

// Group is a tab of the site showing some categories only.
type Group struct {
	Name       string   `yaml:"name" json:"name"`
	Alias      string   `yaml:"alias" json:"alias"`
	Categories []string `yaml:"categories" json:"categories"`
}

// CategoryOrder is landscape2's override of a category: the subcategories
// the site shows, in that order (the others are not shown). It does not
// move the category: categories keep the data file's order.
type CategoryOrder struct {
	Name          string   `yaml:"name"`
	Subcategories []string `yaml:"subcategories"`
}

// FeaturedRule makes items larger on the landscape view when one of their
// fields (maturity, category or subcategory) has one of the listed values,
// with the option's label on the tile; options of lower order come first
// in their box. Nothing is featured without a rule, as in landscape2.
type FeaturedRule struct {
	Field   string `yaml:"field"`
	Options []struct {
		Value string `yaml:"value"`
		Order int    `yaml:"order"`
		Label string `yaml:"label"`
	} `yaml:"options"`
	// Exclude names the groups (by name or alias) whose tabs do not
	// feature what this rule features.
	Exclude struct {
		Groups []string `yaml:"groups"`
	} `yaml:"exclude"`
}

// Footer is the text (markdown, without raw HTML), links and logo at the
// foot of every page.
type Footer struct {
	Links map[string]string `yaml:"links"` // by network: github, slack, twitter, ...
	Logo  string            `yaml:"logo"`
	Text  string            `yaml:"text"`
}

// Header holds the header's links and logo.
type Header struct {
	Links struct {
		GitHub string `yaml:"github"`
	} `yaml:"links"`
	Logo string `yaml:"logo"`
}

// UpcomingEvent is announced on the landscape page until its end date, as
// the build sees the date, with its banner when it has one.
type UpcomingEvent struct {
	Name       string `yaml:"name"`
	Start      string `yaml:"start"`
	End        string `yaml:"end"`
	BannerURL  string `yaml:"banner_url"`
	DetailsURL string `yaml:"details_url"`
}

// Upcoming tells whether the event is still to be announced on the
// given day: it has a name and a valid end that has not passed.
func (e *UpcomingEvent) Upcoming(today time.Time) bool {
	if e == nil || e.Name == "" {
		return false
	}
	end, err := time.Parse("2006-01-02", e.End)
	return err == nil && today.UTC().Format("2006-01-02") <= end.Format("2006-01-02")
}

// Images are landscape2's favicon and Open Graph picture.
type Images struct {
	Favicon   string `yaml:"favicon"`
	OpenGraph string `yaml:"open_graph"`
}

// BoxRule names a category and, optionally, some of its subcategories.
type BoxRule struct {
	Category      string   `yaml:"category"`
	Subcategories []string `yaml:"subcategories"`
}

// Matches tells whether a box is one the rule names.
func (r BoxRule) Matches(category, subcategory string) bool {
	return r.Category == category && (len(r.Subcategories) == 0 || slices.Contains(r.Subcategories, subcategory))
}

// PosterSettings shape the downloadable posters (landscape.svg, .pdf, .png).
type PosterSettings struct {
	Width        int      `yaml:"width"`         // CSS pixels; the PNG is twice as wide
	GroupFormats []string `yaml:"group_formats"` // formats written per group: svg (default), pdf, png
}

// Rules are the inclusion rules that check enforces.
type Rules struct {
	MinStars       int             `yaml:"min_stars"`
	StarExemptions []StarExemption `yaml:"star_exemptions"`
	OneBox         OneBoxRule      `yaml:"one_box"`
}

// LinksSettings configure `landscape links`.
type LinksSettings struct {
	// SkipHosts are hosts never asked, beside the defaults (x.com,
	// linkedin.com, ...): hosts that refuse automated requests.
	SkipHosts []string `yaml:"skip_hosts"`
}

// StarExemption exempts one item from the star rule, with the reason shown
// to reviewers.
type StarExemption struct {
	Item   string `yaml:"item"`
	Reason string `yaml:"reason"`
}

// OneBoxRule configures the rule that a company's products sit in one box.
type OneBoxRule struct {
	IgnoreCategories []string       `yaml:"ignore_categories"`
	Exceptions       []OrgException `yaml:"exceptions"`
}

// OrgException lets one company have products in several boxes.
type OrgException struct {
	Organization string `yaml:"organization"`
	Crunchbase   string `yaml:"crunchbase"`
	Reason       string `yaml:"reason"`
}

// DefaultSettings are used when there is no settings.yml, and fill what a
// settings file leaves out.
func DefaultSettings() *Settings {
	s := defaults()
	s.Name = "Landscape"
	return s
}

func defaults() *Settings {
	return &Settings{
		BasePath: "/",
		Maturity: []string{"sandbox", "incubating", "graduated", "archived"},
		Rules:    Rules{MinStars: 300},
	}
}

// knownSettings are the landscape2 keys accepted without effect, so that a
// landscape2-sites settings.yml loads without a wall of warnings.
var knownSettings = []string{"analytics", "logos_viewbox", "members_category", "osano"}

// ignoredWhy says why each landscape2 key in knownSettings has no effect;
// a build lists the ones a file has in one notice.
var ignoredWhy = map[string]string{
	"analytics":        "it loads a third-party script, which the site's policy (script-src 'self') forbids by design",
	"osano":            "it loads a third-party script, which the site's policy (script-src 'self') forbids by design",
	"logos_viewbox":    "logos are always cropped to their drawing",
	"members_category": "members are shown as the categories list them",
}

// LoadSettings reads settings.yml from fsys.
func LoadSettings(fsys fs.FS, name string) (*Settings, diag.List, error) {
	data, err := readInput(fsys, name, maxSettingsBytes)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	s, diags := ParseSettings(name, data)
	return s, diags, nil
}

// ParseSettings decodes settings data over the defaults.
func ParseSettings(file string, data []byte) (*Settings, diag.List) {
	d := &decoder{file: file}
	s := defaults()
	s.File = file
	root, ok := d.document(trimBOM(data), "a mapping of settings (see docs/settings.md)")
	if !ok {
		s.Name = "Landscape"
		return s, d.diags
	}
	d.boundMappings(root)
	fields := settingsFields()
	var ignored []string
	var first *yaml.Node
	for _, p := range d.pairs(root, "", "") {
		if fields[p.key] {
			d.limitText(p.value, p.key, p.key)
		} else if !slices.Contains(knownSettings, p.key) {
			d.warnf(p.kNode, "", p.key, "unknown setting, ignored%s", suggest(p.key, slices.Sorted(maps.Keys(fields))))
		} else {
			ignored = append(ignored, p.key+" ("+ignoredWhy[p.key]+")")
			if first == nil {
				first = p.kNode
			}
		}
	}
	if len(ignored) > 0 { // one notice for all of them, rather than silence or a wall of warnings
		d.warnf(first, "", "", "landscape2 settings without effect here: %s", strings.Join(ignored, "; "))
	}
	if err := root.Decode(s); err != nil {
		d.decodeErrors(root, err, "see docs/settings.md")
	}
	_, types := YAMLKeys(reflect.TypeFor[Settings]())
	for _, p := range d.pairs(root, "", "") { // top-level keys are checked above
		if t, ok := types[p.key]; ok {
			d.nestedKeys(p.value, t, p.key)
		}
	}
	s.root = root
	d.checkSettings(s, root)
	return s, d.diags
}

func settingsFields() map[string]bool {
	return map[string]bool{"name": true, "foundation": true, "url": true, "base_path": true,
		"description": true, "colors": true, "groups": true, "categories": true,
		"featured_items": true, "maturity": true, "rules": true, "links": true, "poster": true, "screenshot_width": true,
		"organization_names": true, "footer": true, "header": true, "upcoming_event": true, "grid_items_size": true,
		"tags": true, "enduser": true, "images": true, "view_mode": true}
}

// checkGroups gives every group a valid alias, distinct from the others,
// since the alias names the group's tab in URLs.
func (d *decoder) checkGroups(s *Settings, root *yaml.Node) {
	seen := map[string]int{}
	for i, g := range s.Groups {
		at := nodeAt(root, "groups", strconv.Itoa(i), "alias")
		if g.Alias == "" {
			s.Groups[i].Alias = Slugify(g.Name)
		} else if !aliasRe.MatchString(g.Alias) {
			d.errorf(at, "", "groups.alias", "%q is not a valid alias (use lower-case letters, digits and dashes)", g.Alias)
			s.Groups[i].Alias = Slugify(g.Alias)
		}
		if j, ok := seen[s.Groups[i].Alias]; ok {
			d.errorf(at, "", "groups.alias", "group %q has the alias %q of group %q (give one an alias of its own)", g.Name, s.Groups[i].Alias, s.Groups[j].Name)
			continue
		}
		seen[s.Groups[i].Alias] = i
	}
}

// cssColor accepts the colour syntaxes the settings use; anything else could
// break out of the style sheet the colours are written into.
var cssColor = regexp.MustCompile(`^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\(\s*[0-9.%,\s/]+\)|[a-zA-Z]+)$`)

var aliasRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (d *decoder) checkSettings(s *Settings, root *yaml.Node) {
	at := func(path ...string) *yaml.Node { return nodeAt(root, path...) }
	if s.URL != "" {
		if err := CheckSiteURL(s.URL); err != nil {
			d.errorf(at("url"), "", "url", "%v", err)
			s.URL = ""
		}
	}
	if err := CheckBasePath(s.BasePath); err != nil {
		d.errorf(at("base_path"), "", "base_path", "%v; the build uses /", err)
		s.BasePath = "/"
	}
	if !strings.HasSuffix(s.BasePath, "/") {
		s.BasePath += "/"
	}
	colors := valuesByKey(resolve(at("colors")))
	for k, c := range s.Colors {
		if !cssColor.MatchString(strings.TrimSpace(c)) {
			d.errorf(cmp.Or(colors[k], at("colors")), "", "colors."+k, "%q is not a CSS colour (write #rrggbb or rgba(r, g, b, a))", c)
			delete(s.Colors, k)
		}
	}
	d.checkGroups(s, root)
	if g := s.GridItemsSize; g != "" && g != "small" && g != "medium" && g != "large" {
		d.errorf(at("grid_items_size"), "", "grid_items_size", "%q is not a size (write small, medium or large)", g)
		s.GridItemsSize = ""
	}
	if v := s.ViewMode; v != "" && v != "grid" && v != "card" {
		d.errorf(at("view_mode"), "", "view_mode", "%q is not a view (write grid or card)", v)
		s.ViewMode = ""
	}
	d.checkOrganizationNames(s, root)
	d.checkPoster(s, root)
	if s.Rules.MinStars < 0 {
		d.errorf(at("rules", "min_stars"), "", "rules.min_stars", "%d is negative (write 0 to turn the star rule off)", s.Rules.MinStars)
		s.Rules.MinStars = 0
	}
	if s.Name == "" { // a landscape2 file has no name: call it after the foundation
		s.Name = strings.TrimSpace(s.Foundation + " Landscape")
	}
	for i, e := range s.Rules.StarExemptions {
		if e.Reason == "" {
			d.errorf(at("rules", "star_exemptions", strconv.Itoa(i)), "", "rules.star_exemptions", "exemption for %q has no reason (say why, reviewers see it)", e.Item)
		}
	}
	for i, e := range s.Rules.OneBox.Exceptions {
		if e.Reason == "" {
			d.errorf(at("rules", "one_box", "exceptions", strconv.Itoa(i)), "", "rules.one_box.exceptions", "exception for %q has no reason (say why, reviewers see it)", e.Organization+e.Crunchbase)
		}
	}
}

// checkPoster keeps the poster to sizes a build can draw and formats it knows.
func (d *decoder) checkPoster(s *Settings, root *yaml.Node) {
	if w := s.Poster.Width; w != 0 && (w < 300 || w > 20000) {
		d.errorf(nodeAt(root, "poster", "width"), "", "poster.width", "%d is not a poster width (write a width in CSS pixels between 300 and 20000)", w)
		s.Poster.Width = 0
	}
	if w := s.ScreenshotWidth; w != 0 && (w < 300 || w > 20000) {
		s.ScreenshotWidth = 0
	}
	var formats []string
	for i, f := range s.Poster.GroupFormats {
		if f != "svg" && f != "pdf" && f != "png" {
			d.errorf(nodeAt(root, "poster", "group_formats", strconv.Itoa(i)), "", "poster.group_formats", "%q is not a poster format (write svg, pdf or png)", f)
			continue
		}
		formats = append(formats, f)
	}
	s.Poster.GroupFormats = formats
}

// checkOrganizationNames keys organization_names by slug: a full crunchbase
// URL as the key is read as its slug, and a key that is neither is an error.
func (d *decoder) checkOrganizationNames(s *Settings, root *yaml.Node) {
	if len(s.OrganizationNames) == 0 {
		return
	}
	names := make(map[string]string, len(s.OrganizationNames))
	where := nodeAt(root, "organization_names")
	nodes := valuesByKey(resolve(where))
	at := func(k string) *yaml.Node { return cmp.Or(nodes[k], where) }
	for k, v := range s.OrganizationNames {
		slug := k
		if strings.Contains(k, "/") {
			slug = strings.TrimRight(k, "/")
			slug = slug[strings.LastIndex(slug, "/")+1:]
		}
		if slug == "" || strings.ContainsAny(slug, " ?#") {
			d.errorf(at(k), "", "organization_names", "%q is not a crunchbase slug (write the last part of the organization's crunchbase URL, such as ntt-data)", k)
			continue
		}
		if strings.TrimSpace(v) == "" {
			d.errorf(at(k), "", "organization_names", "%q has an empty name (write the organization's name, or remove the entry)", k)
			continue
		}
		names[slug] = strings.TrimSpace(v)
	}
	s.OrganizationNames = names
}

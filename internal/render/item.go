package render

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

// itemView is an item's page and the content of its dialog: the same
// article, drawn at build time, so that it needs no script.
type itemView struct {
	Page
	Item       *site.Item
	Listed     []string    // the boxes of second_path, after the item's own
	Org        *orgView    // nil when the item names no organization
	Timeline   []milestone // maturity dates in the order they happened
	Repos      []repoView  // the primary repository first
	Links      []linkView  // every link the data has, labelled
	Summary    []fact      // extra summary texts, as paragraphs
	Lists      []listFact  // extra texts that are lists (personas, integrations, tags)
	Texts      []fact      // other known extra texts (chat channel, parent project...)
	Audits     []auditView // extra.audits, newest first
	CLOMonitor string      // the project's CLOMonitor report, when settings give the foundation
	TAG        string      // extra.tag, the foundation's technical advisory group
	FactsAsOf  string      // the date of the newest GitHub facts, "" without any
	Stale      bool        // some GitHub facts are older than the cache lifetime
	Badge      badgeView   // the "listed in" badge for a project's README
	Dates      []fact      // review dates that are not maturity steps
	Annotation []fact      // extra.annotations, named by the landscape
}

type fact struct{ Label, Value string }

type listFact struct {
	Label string
	Items []string
}

// milestone is a step of the maturity timeline.
type milestone struct {
	Step, Date string
	Class      string // the maturity colour: m-graduated...
	Since      string // time since the previous step: "2 years later"
}

// orgView is the item's organization and, when its primary repository is
// owned by a GitHub organization, that organization's profile. The two may
// differ (a foundation's project has its own GitHub organization).
type orgView struct {
	Name string
	// GitHubName is the GitHub organization's display name or login.
	GitHubName, Description, Location, Website, GitHub string
}

type auditView struct {
	Date, Type, Vendor, URL string
}

// maturitySteps are the dates of extra that make up the timeline.
var maturitySteps = []string{"accepted", "incubating", "graduated", "archived"}

func newItemView(p Page, it *site.Item, s *landscape.Settings) *itemView {
	v := &itemView{Page: p, Item: it, TAG: it.Extra.Text["tag"]}
	if len(it.Paths) > 1 {
		v.Listed = it.Paths[1:]
	}
	v.Org = newOrgView(it)
	v.Timeline = timeline(it.Extra.Dates)
	if d := it.Extra.Dates["annual_review_date"]; d != "" {
		v.Dates = append(v.Dates, fact{"Annual review", d})
	}
	v.Repos = repoViews(it)
	var newest time.Time
	for _, r := range v.Repos {
		if f := r.Facts; f != nil {
			v.Stale = v.Stale || f.Stale
			if t := f.Fetched.Facts; t != nil && t.After(newest) {
				newest = *t
			}
		}
	}
	if !newest.IsZero() {
		v.FactsAsOf = newest.UTC().Format("2006-01-02")
	}
	v.Links = itemLinks(it)
	v.Summary, v.Lists, v.Texts = extraTexts(it.Extra.Text)
	for _, k := range sortedKeys(it.Extra.Annotations) {
		v.Annotation = append(v.Annotation, fact{k, it.Extra.Annotations[k]})
	}
	v.Audits = audits(it.Extra.Audits)
	if name := strings.TrimSpace(it.Extra.Text["clomonitor_name"]); name != "" && s.Foundation != "" {
		v.CLOMonitor = "https://clomonitor.io/projects/" + url.PathEscape(strings.ToLower(s.Foundation)) + "/" + url.PathEscape(name)
		v.Links = append(v.Links, linkView{"CLOMonitor report", v.CLOMonitor, "chart"})
	}
	v.Badge = newBadgeView(p, it)
	return v
}

func newOrgView(it *site.Item) *orgView {
	if it.Organization == "" && it.OrgProfile == nil {
		return nil
	}
	o := &orgView{Name: it.Organization}
	if pr := it.OrgProfile; pr != nil {
		o.GitHubName = cmp.Or(pr.Name, pr.Login)
		o.Description, o.Location = pr.Description, pr.Location
		o.Website = safeURL(withScheme(pr.Website))
		o.GitHub = "https://github.com/" + url.PathEscape(pr.Login)
		o.Name = cmp.Or(o.Name, o.GitHubName)
	}
	return o
}

// withScheme gives a bare host name, as GitHub profiles allow, its https.
func withScheme(u string) string {
	if u != "" && !strings.Contains(u, "://") {
		return "https://" + u
	}
	return u
}

// timeline orders the maturity dates as they happened; steps on one date
// (accepted straight into incubating) share it.
func timeline(dates map[string]string) []milestone {
	var out []milestone
	for _, step := range maturitySteps {
		if d := dates[step]; d != "" {
			out = append(out, milestone{Step: title(step), Date: d, Class: "m-" + step})
		}
	}
	slices.SortStableFunc(out, func(a, b milestone) int { return strings.Compare(a.Date, b.Date) })
	for i := 1; i < len(out); i++ {
		out[i].Since = since(out[i-1].Date, out[i].Date)
	}
	return out
}

// since says how long after a the date b is, in years or months.
func since(a, b string) string {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	switch {
	case err1 != nil || err2 != nil || tb.Before(ta):
		return ""
	case tb.Equal(ta):
		return "the same day"
	}
	months := (tb.Year()-ta.Year())*12 + int(tb.Month()-ta.Month())
	if tb.Day() < ta.Day() {
		months--
	}
	switch {
	case months >= 24:
		return plural(months/12, "year", "years") + " later"
	case months >= 1:
		return plural(months, "month", "months") + " later"
	}
	return "the same month"
}

func audits(in []landscape.Audit) []auditView {
	var out []auditView
	for _, a := range in {
		out = append(out, auditView{Date: a.Date, Type: a.Type, Vendor: a.Vendor, URL: safeURL(a.URL)})
	}
	slices.SortStableFunc(out, func(a, b auditView) int { return strings.Compare(b.Date, a.Date) })
	return out
}

package render

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/serverless-landscape/landscape/internal/site"
)

// repoView is one repository of the item with its GitHub facts and charts.
// Repositories hosted elsewhere are links without facts.
type repoView struct {
	ID        string // the element id, repo-0...
	URL, Name string
	Branch    string
	Primary   bool
	OnGitHub  bool
	Facts     *site.RepoFacts
	Activity  *activityChart
	Languages *languageBar
	// Contribute is GitHub's page of the repository's good first issues.
	Contribute string
	AsOf       string // when the facts were fetched
}

func repoViews(it *site.Item) []repoView {
	var out []repoView
	for i, r := range it.Repos {
		u := safeURL(r.URL)
		if u == "" {
			continue
		}
		v := repoView{ID: "repo-" + strconv.Itoa(i), URL: u, Name: repoPath(u), Branch: r.Branch,
			Primary: r.Primary, OnGitHub: onGitHub(u), Facts: r.GitHub}
		if f := r.GitHub; f != nil {
			v.Activity = newActivityChart(v.ID, f.Activity)
			v.Languages = newLanguageBar(v.ID, f.Languages)
			v.AsOf = date(f.Fetched.Facts)
		}
		if v.OnGitHub {
			v.Contribute = strings.TrimSuffix(u, "/") + "/contribute"
		}
		out = append(out, v)
	}
	slices.SortStableFunc(out, func(a, b repoView) int { return cmp.Compare(boolRank(b.Primary), boolRank(a.Primary)) })
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// repoPath is "owner/name" for a GitHub repository, else host and path.
func repoPath(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	path := strings.TrimSuffix(strings.Trim(p.Path, "/"), ".git")
	if onGitHub(u) {
		return path
	}
	return strings.TrimPrefix(p.Host, "www.") + "/" + path
}

func onGitHub(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (strings.EqualFold(p.Host, "github.com") || strings.EqualFold(p.Host, "www.github.com"))
}

// Activity chart geometry: 52 weekly bars under a fixed height.
const (
	weekBarWidth = 5
	weekBarGap   = 1
	activityTop  = 44 // the tallest bar
)

// activityChart is a repository's commits per week over the last year, as
// bars in an inline SVG; every bar's title gives its number.
type activityChart struct {
	ID            string
	Width, Height int
	Axis          float64 // the baseline's y
	Total, Max    int
	Bars          []weekBar
}

type weekBar struct {
	X, Y, H int
	Label   string
}

func newActivityChart(id string, weeks []int) *activityChart {
	if len(weeks) == 0 {
		return nil
	}
	c := &activityChart{ID: id + "-activity", Width: len(weeks) * (weekBarWidth + weekBarGap), Height: activityTop + 1, Axis: activityTop + 0.5}
	for _, n := range weeks {
		c.Total += n
		c.Max = max(c.Max, n)
	}
	for i, n := range weeks {
		h := 0
		if n > 0 {
			h = max(1, n*activityTop/max(c.Max, 1))
		}
		ago := len(weeks) - 1 - i
		when := "this week"
		if ago > 0 {
			when = plural(ago, "week", "weeks") + " ago"
		}
		c.Bars = append(c.Bars, weekBar{X: i * (weekBarWidth + weekBarGap), Y: activityTop - h, H: h,
			Label: when + ": " + plural(n, "commit", "commits")})
	}
	return c
}

// languageBar splits a repository's code by language, the largest five
// and the rest, as one bar of an inline SVG with a legend.
type languageBar struct {
	ID       string
	Segments []languageShare
}

type languageShare struct {
	Name    string
	Percent string // "71.3%"
	X, W    int    // in a bar 300 units wide
	Class   string // lang0... the colour
}

const languageBarWidth = 300

func newLanguageBar(id string, bytes map[string]int) *languageBar {
	type lang struct {
		name string
		n    int
	}
	var langs []lang
	total := 0
	for name, n := range bytes {
		if n > 0 {
			langs = append(langs, lang{name, n})
			total += n
		}
	}
	if total == 0 {
		return nil
	}
	slices.SortFunc(langs, func(a, b lang) int { return cmp.Or(b.n-a.n, strings.Compare(a.name, b.name)) })
	if len(langs) > 6 {
		rest := 0
		for _, l := range langs[5:] {
			rest += l.n
		}
		langs = append(langs[:5], lang{"Other", rest})
	}
	b := &languageBar{ID: id + "-languages"}
	x, sum := 0, 0
	for i, l := range langs {
		sum += l.n
		end := sum * languageBarWidth / total
		b.Segments = append(b.Segments, languageShare{Name: l.name, X: x, W: end - x,
			Percent: percent(l.n, total), Class: "lang" + strconv.Itoa(i)})
		x = end
	}
	return b
}

// percent writes n of total to a tenth of a percent; a share too small to
// show as 0.1% is "<0.1%", never "0.0%".
func percent(n, total int) string {
	p := float64(n) * 100 / float64(total)
	if p < 0.05 && n > 0 {
		return "<0.1%"
	}
	return fmt.Sprintf("%.1f%%", p)
}

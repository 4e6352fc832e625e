package render

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/serverless-landscape/landscape/internal/site"
)

// repoStats is what the stats page says about repositories: every GitHub
// repository once, however many items name it.
type repoStats struct {
	Repos, Stars, Contributors, Forks int
	Weekly                            *activityChart // commits per week, summed
	Archived                          []*site.Item   // archived on GitHub, not in the landscape
}

// uniqueRepos lists each repository with GitHub facts once, with the first
// item that names it.
func uniqueRepos(items []*site.Item) ([]*site.RepoFacts, []*site.Item) {
	var facts []*site.RepoFacts
	var owners []*site.Item
	seen := map[string]bool{}
	for _, it := range items {
		for _, r := range it.Repos {
			if r.GitHub != nil && !seen[r.URL] {
				seen[r.URL] = true
				facts = append(facts, r.GitHub)
				owners = append(owners, it)
			}
		}
	}
	return facts, owners
}

func newRepoStats(items []*site.Item) repoStats {
	facts, _ := uniqueRepos(items)
	st := repoStats{Repos: len(facts)}
	weekly := make([]int, 52)
	have := false
	for _, f := range facts {
		st.Stars += f.Stars
		st.Contributors += f.Contributors
		st.Forks += f.Forks
		if len(f.Activity) == 52 {
			have = true
			for i, n := range f.Activity {
				weekly[i] += n
			}
		}
	}
	if have {
		st.Weekly = newActivityChart("all", weekly)
	}
	for _, it := range items {
		if it.Source != nil && it.Source.Project == "archived" {
			continue
		}
		for _, r := range it.Repos {
			if r.GitHub != nil && r.GitHub.Archived {
				st.Archived = append(st.Archived, it)
				break
			}
		}
	}
	return st
}

// moreCharts are the charts of the stats page beyond the item counts.
func moreCharts(s *site.Site) []chart {
	var out []chart
	add := func(c chart, ok bool) {
		if ok {
			out = append(out, c)
		}
	}
	add(acceptedPerYear(s.Items))
	add(timeBetween(s.Items, "time-incubating", "Time from acceptance to incubation", "accepted", "incubating"))
	add(timeBetween(s.Items, "time-graduated", "Time from incubation to graduation", "incubating", "graduated"))
	add(joinedPerYear(s.Items))
	add(subcategoryChart(s))
	add(reposByLanguage(s.Items))
	add(bytesByLanguage(s.Items))
	add(mostActive(s.Items))
	add(staleByCategory(s, 6))
	add(staleByCategory(s, 12))
	return out
}

func yearRows(items []*site.Item, year func(*site.Item) string) []count {
	m := map[string]int{}
	for _, it := range items {
		if y := year(it); len(y) >= 4 {
			if _, err := strconv.Atoi(y[:4]); err == nil {
				m[y[:4]]++
			}
		}
	}
	var rows []count
	for y, n := range m {
		rows = append(rows, count{y, n})
	}
	slices.SortFunc(rows, func(a, b count) int { return strings.Compare(a.label, b.label) })
	return rows
}

func acceptedPerYear(items []*site.Item) (chart, bool) {
	rows := yearRows(items, func(it *site.Item) string { return it.Extra.Dates["accepted"] })
	c := newChart("accepted", "Projects accepted per year", rows, "The running total follows each year's count.")
	total := 0
	for i := range c.Bars {
		total += c.Bars[i].Value
		c.Bars[i].ValueLabel = thousands(c.Bars[i].Value) + " (" + thousands(total) + ")"
	}
	return c, len(rows) > 0
}

func joinedPerYear(items []*site.Item) (chart, bool) {
	rows := yearRows(items, func(it *site.Item) string { return it.Joined })
	return newChart("joined", "Members joined per year", rows, ""), len(rows) > 0
}

// durationBuckets are the ranges of the time between two maturity steps.
var durationBuckets = []string{"Under 1 year", "1 to 2 years", "2 to 3 years", "3 to 4 years", "4 years or more"}

// timeBetween is the distribution of the time from one step to the next,
// among projects that took both; those that entered at the later step
// (both on one day) are left out.
func timeBetween(items []*site.Item, id, title, from, to string) (chart, bool) {
	rows := make([]count, len(durationBuckets))
	for i, b := range durationBuckets {
		rows[i].label = b
	}
	n := 0
	for _, it := range items {
		a, err1 := time.Parse("2006-01-02", it.Extra.Dates[from])
		b, err2 := time.Parse("2006-01-02", it.Extra.Dates[to])
		if err1 != nil || err2 != nil || !b.After(a) {
			continue
		}
		years := int(b.Sub(a).Hours() / 24 / 365.25)
		rows[min(years, len(rows)-1)].n++
		n++
	}
	return newChart(id, title, rows, plural(n, "project", "projects")+" took both steps."), n > 0
}

func subcategoryChart(s *site.Site) (chart, bool) {
	var rows []count
	for _, c := range s.Categories {
		for _, sub := range c.Subcategories {
			rows = append(rows, count{sub.Name, len(sub.Items)})
		}
	}
	slices.SortStableFunc(rows, func(a, b count) int { return b.n - a.n })
	return newChart("subcategories", "Subcategories with the most items", rows[:min(len(rows), 15)], "Items listed under a box by second_path count there too."), len(rows) > 0
}

func reposByLanguage(items []*site.Item) (chart, bool) {
	facts, _ := uniqueRepos(items)
	m := map[string]int{}
	for _, f := range facts {
		if f.Language != "" {
			m[f.Language]++
		}
	}
	rows := sortedCounts(m)
	return newChart("repo-languages", "Repositories by main language", top(rows, 12), ""), len(rows) > 0
}

func bytesByLanguage(items []*site.Item) (chart, bool) {
	facts, _ := uniqueRepos(items)
	m := map[string]int{}
	for _, f := range facts {
		for l, n := range f.Languages {
			m[l] += n
		}
	}
	rows := top(sortedCounts(m), 12)
	c := newChart("language-bytes", "Languages by code size", rows, "Bytes of code over every repository, as GitHub counts them.")
	for i := range c.Bars {
		c.Bars[i].ValueLabel = byteSize(c.Bars[i].Value)
	}
	return c, len(rows) > 0
}

func sortedCounts(m map[string]int) []count {
	rows := make([]count, 0, len(m))
	for k, n := range m {
		rows = append(rows, count{k, n})
	}
	slices.SortFunc(rows, func(a, b count) int { return cmp.Or(b.n-a.n, strings.Compare(a.label, b.label)) })
	return rows
}

// byteSize writes a size in B, kB, MB or GB (powers of 1000).
func byteSize(n int) string {
	units := []string{"B", "kB", "MB", "GB", "TB"}
	f, u := float64(n), 0
	for f >= 1000 && u < len(units)-1 {
		f, u = f/1000, u+1
	}
	if u == 0 {
		return strconv.Itoa(n) + " B"
	}
	return trimZero(strconv.FormatFloat(f, 'f', 1, 64)) + " " + units[u]
}

// mostActive ranks the foundation's projects by commits over the last
// year, summed over their repositories.
func mostActive(items []*site.Item) (chart, bool) {
	var rows []count
	for _, it := range items {
		if it.Maturity == "" {
			continue
		}
		n := 0
		for _, r := range it.Repos {
			if r.GitHub != nil {
				n += r.GitHub.CommitsLastYear
			}
		}
		if n > 0 {
			rows = append(rows, count{it.Name, n})
		}
	}
	slices.SortFunc(rows, func(a, b count) int { return cmp.Or(b.n-a.n, strings.Compare(a.label, b.label)) })
	return newChart("most-active", "Projects with the most commits in the last year", rows[:min(len(rows), 15)], ""), len(rows) > 0
}

// staleByCategory counts, per category, the repositories without a commit
// in the months before the facts were fetched; archived ones are left out.
func staleByCategory(s *site.Site, months int) (chart, bool) {
	facts, owners := uniqueRepos(s.Items)
	var asOf time.Time
	for _, f := range facts {
		if t := f.Fetched.Facts; t != nil && t.After(asOf) {
			asOf = *t
		}
	}
	if asOf.IsZero() {
		return chart{}, false
	}
	cut := asOf.AddDate(0, -months, 0)
	m := map[string]int{}
	total := 0
	for i, f := range facts {
		if f.LatestCommit != nil && f.LatestCommit.Before(cut) && !f.Archived {
			m[owners[i].Category]++
			total++
		}
	}
	var rows []count
	for _, c := range s.Categories {
		rows = append(rows, count{c.Name, m[c.Name]})
	}
	span := strconv.Itoa(months) + " months"
	note := plural(total, "repository", "repositories") + " without a commit in the " + span + " before " + asOf.Format("2006-01-02") + ", archived ones aside."
	return newChart("inactive-"+strconv.Itoa(months), "Repositories with no commit in "+span+", by category", rows, note), true
}

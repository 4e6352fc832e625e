package render

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/serverless-landscape/landscape/internal/site"
)

// projectsView is projects.html: the foundation's projects (items with
// `project:`) in one table, sortable by every column with the script and
// complete without it.
type projectsView struct {
	Page
	Rows []projectRow
}

// projectRow is one project; each cell's sort key is what the script
// compares (dates as YYYY-MM-DD, counts as numbers).
type projectRow struct {
	Item                                     *site.Item
	Accepted, Incubating, Graduated, Archive string
	FirstCommit, LatestCommit                string
	Stars, Contributors, Audits              int
}

// projects lists the foundation's projects by name.
func projects(items []*site.Item) []projectRow {
	var rows []projectRow
	for _, it := range items {
		if it.Maturity == "" {
			continue
		}
		d := it.Extra.Dates
		r := projectRow{Item: it, Accepted: d["accepted"], Incubating: d["incubating"], Graduated: d["graduated"],
			Archive: d["archived"], LatestCommit: date(latestCommit(it)), Stars: stars(it),
			Contributors: contributors(it), Audits: len(it.Extra.Audits)}
		r.FirstCommit = date(firstCommit(it))
		rows = append(rows, r)
	}
	slices.SortStableFunc(rows, func(a, b projectRow) int {
		return strings.Compare(strings.ToLower(a.Item.Name), strings.ToLower(b.Item.Name))
	})
	return rows
}

// firstCommit is the oldest first commit over the item's repositories.
func firstCommit(it *site.Item) *time.Time {
	var first *time.Time
	for _, r := range it.Repos {
		if f := r.GitHub; f != nil && f.FirstCommit != nil && (first == nil || f.FirstCommit.Before(*first)) {
			first = f.FirstCommit
		}
	}
	return first
}

// hasProjects tells whether the landscape has foundation projects, and so
// a projects page the header links to.
func hasProjects(items []*site.Item) bool {
	return slices.ContainsFunc(items, func(it *site.Item) bool { return it.Maturity != "" })
}

// renderProjects writes projects.html and projects.csv when the landscape
// has projects.
func (r *Renderer) renderProjects(s *site.Site, a Assets, dir string) error {
	if !hasProjects(s.Items) {
		return nil
	}
	p := newPage(s, a, true, "projects.html", "Projects", "", "projects")
	p.Script = true
	rows := projects(s.Items)
	if err := r.page(dir, "projects.html", "projects.html", &projectsView{Page: p, Rows: rows}); err != nil {
		return err
	}
	b, err := projectsCSV(rows)
	if err != nil {
		return err
	}
	return r.write(dir, "projects.csv", b)
}

var projectsHeader = []string{"id", "name", "maturity", "accepted", "incubating", "graduated", "archived",
	"first_commit", "stars", "contributors", "latest_commit", "audits", "homepage_url", "repo_url"}

// projectsCSV writes the table's rows, each cell guarded as in items.csv.
func projectsCSV(rows []projectRow) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(projectsHeader)
	for _, p := range rows {
		it := p.Item
		repo := ""
		if len(it.Repos) > 0 {
			repo = it.Repos[0].URL
		}
		row := []string{it.ID, it.Name, it.Maturity, p.Accepted, p.Incubating, p.Graduated, p.Archive,
			p.FirstCommit, strconv.Itoa(p.Stars), strconv.Itoa(p.Contributors), p.LatestCommit,
			strconv.Itoa(p.Audits), it.HomepageURL, repo}
		for i, c := range row {
			row[i] = csvCell(c)
		}
		_ = w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("write projects.csv: %w", err)
	}
	return b.Bytes(), nil
}

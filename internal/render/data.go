package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/serverless-landscape/landscape/internal/site"
)

// RenderData writes the data exports: data/items.json (every item in the
// public schema of docs/data.md) and items.csv (one row per item, for
// spreadsheets). Per-item JSON files are written by RenderItems.
func (r *Renderer) RenderData(s *site.Site, dir string) error {
	items := s.Items
	if items == nil {
		items = []*site.Item{}
	}
	if err := r.writeJSON(dir, "data/items.json", items); err != nil {
		return err
	}
	b, err := itemsCSV(items)
	if err != nil {
		return err
	}
	return r.write(dir, "items.csv", b)
}

func (r *Renderer) writeJSON(dir, name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", name, err)
	}
	return r.write(dir, name, b)
}

// csvHeader names the columns of items.csv.
var csvHeader = []string{"id", "name", "organization", "category", "subcategory", "paths",
	"homepage_url", "repo_url", "maturity", "license", "language", "open_source", "stars",
	"contributors", "latest_commit", "featured", "archived", "description"}

func itemsCSV(items []*site.Item) ([]byte, error) {
	var b bytes.Buffer
	writeCSVRow(&b, csvHeader)
	for _, it := range items {
		repo := ""
		if len(it.Repos) > 0 {
			repo = it.Repos[0].URL
		}
		writeCSVRow(&b, []string{it.ID, it.Name, it.Organization, it.Category, it.Subcategory,
			strings.Join(it.Paths, "; "), it.HomepageURL, repo, it.Maturity, license(it),
			language(it), strconv.FormatBool(it.OpenSource), strconv.Itoa(stars(it)),
			strconv.Itoa(contributors(it)), date(latestCommit(it)), strconv.FormatBool(it.Featured),
			strconv.FormatBool(it.Archived), it.Description})
	}
	return b.Bytes(), nil
}

// writeCSVRow writes one line of items.csv, each cell through csvCell.
func writeCSVRow(b *bytes.Buffer, row []string) {
	for i, c := range row {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(csvCell(c))
	}
	b.WriteByte('\n')
}

// csvCell keeps a spreadsheet from reading an untrusted value as a formula,
// whatever delimiter it splits on: a cell starting with = + - @ a tab or a
// carriage return gets a leading quote (the usual guard), and a cell that
// holds a comma, a semicolon, a tab, a quote or a line break, or starts
// with a space, is quoted, so that no delimiter can start a new cell inside
// a value ("x;=1+1" is one cell, not a formula after a semicolon).
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if strings.ContainsAny(s, ",;\t\"\r\n") || strings.HasPrefix(s, " ") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// sitemap lists every page for search engines. Its URLs are absolute when
// settings give the site's url, as the sitemap format requires; otherwise
// they start at the base path.
type sitemap struct {
	Page
	URLs []string
}

func (sm *sitemap) xml() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range sm.URLs {
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(u))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func (sm *sitemap) robots() []byte {
	s := "User-agent: *\nAllow: /\n"
	if sm.Canonical != "" {
		s += "Sitemap: " + sm.URLs[0] + "sitemap.xml\n"
	}
	return []byte(s)
}

func newSitemap(s *site.Site, p Page) *sitemap {
	root := p.Base
	if p.Canonical != "" {
		root = strings.TrimSuffix(p.Canonical, p.Path)
	}
	sm := &sitemap{Page: p, URLs: []string{root, root + "stats.html", root + "embed-setup.html"}}
	if p.HasGuide {
		sm.URLs = append(sm.URLs, root+"guide.html")
	}
	if p.HasProjects {
		sm.URLs = append(sm.URLs, root+"projects.html")
	}
	for _, it := range s.Items {
		sm.URLs = append(sm.URLs, root+"items/"+it.ID+".html")
	}
	return sm
}

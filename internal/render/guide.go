package render

import (
	"strconv"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

// guideView is the guide page: chapters from guide.yml, each linked to its
// category on the landscape when one has the same name.
type guideView struct {
	Page
	Chapters []chapter
}

type chapter struct {
	Title, Slug, Content string
	Filter               string // landscape link for a category of that name, or ""
	Sections             []section
}

type section struct{ Title, Slug, Content string }

func newGuide(p Page, s *site.Site) *guideView {
	v := &guideView{Page: p}
	cats := map[string]bool{}
	for _, c := range s.Categories {
		cats[c.Name] = true
	}
	used := map[string]bool{}
	for _, gc := range s.Guide.Categories {
		ch := chapter{Title: gc.Category, Slug: uniqueSlug(used, gc.Category), Content: gc.Content}
		if cats[gc.Category] {
			ch.Filter = filterURL(p.Base, "category", gc.Category)
		}
		for _, gs := range gc.Subcategories {
			ch.Sections = append(ch.Sections, section{gs.Subcategory, uniqueSlug(used, gc.Category+" "+gs.Subcategory), gs.Content})
		}
		v.Chapters = append(v.Chapters, ch)
	}
	return v
}

// uniqueSlug gives headings distinct anchors even when titles repeat.
func uniqueSlug(used map[string]bool, title string) string {
	base := landscape.Slugify(title)
	s := base
	for n := 2; used[s]; n++ {
		s = base + "-" + strconv.Itoa(n)
	}
	used[s] = true
	return s
}

func (r *Renderer) renderGuide(s *site.Site, a Assets, dir string) error {
	if s.Guide == nil || len(s.Guide.Categories) == 0 {
		return nil
	}
	p := newPage(s, a, hasProjects(s.Items), "guide.html", "Guide", "", "guide")
	return r.page(dir, "guide.html", "guide.html", newGuide(p, s))
}

func (r *Renderer) renderStats(s *site.Site, a Assets, dir string) error {
	p := newPage(s, a, hasProjects(s.Items), "stats.html", "Stats", "", "stats")
	return r.page(dir, "stats.html", "stats.html", newStats(p, s))
}

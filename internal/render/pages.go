package render

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/serverless-landscape/landscape/internal/schema"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

// RenderIndex writes the landscape page (index.html), which holds every
// tile and the compact item data its script filters.
func (r *Renderer) RenderIndex(s *site.Site, a Assets, dir string) error {
	p := newPage(s, a, hasProjects(s.Items), "", "", "", "landscape")
	p.Script = true
	data, index := newIndexData(s, p.Base)
	search, err := r.writeSearchIndex(dir, s.Items)
	if err != nil {
		return err
	}
	data.Search = search
	v := &indexView{Page: p, Bands: bands(s.Categories, index, p.Base, "", s.Settings.Groups), Data: data, Items: len(s.Items), Posters: r.Posters}
	v.Tabs, v.AllTab = tabs(data, p.Base)
	v.Featured = legendKeys(v.Bands)
	v.Event = r.upcoming(s.Settings.UpcomingEvent)
	if len(data.Groups) > 0 { // the first group is the tab the page opens with
		for i := range v.Bands {
			v.Bands[i].Hidden = !slices.Contains(data.Groups[0].Categories, v.Bands[i].Index)
		}
	}
	markEager(v.Bands)
	for _, it := range s.Items {
		v.Stars += stars(it)
	}
	// The data the script filters is a file of its own, fetched when the
	// script runs: inline, its 150 KB (gzipped, on cncf-full) came before
	// the first paint.
	raw, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("landscape data: %w", err)
	}
	v.DataPath = hashedName("landscape", ".json", raw)
	if err := r.writeRaw(dir, v.DataPath, raw); err != nil {
		return err
	}
	return r.page(dir, "index.html", "index.html", v)
}

// renderItem writes the page of one item (items/ID.html), which is also
// what the landscape page's dialog shows, and its JSON (items/ID.json);
// projects is hasProjects(s.Items), worked out once by RenderItems.
func (r *Renderer) renderItem(s *site.Site, a Assets, projects bool, it *site.Item, dir string) error {
	desc := it.Description
	if desc == "" {
		desc = it.Name + " on the " + s.Settings.Name
	}
	p := newPage(s, a, projects, "items/"+it.ID+".html", it.Name, truncate(200, desc), "landscape")
	p.Script = hasSelector(it) // the repository selector; the page is whole without it
	if err := r.page(dir, p.Path, "item.html", newItemView(p, it, s.Settings)); err != nil {
		return err
	}
	if err := r.write(dir, badgePath(it), badgeSVG(s.Settings, it)); err != nil {
		return err
	}
	return r.writeJSON(dir, "items/"+it.ID+".json", it)
}

// renderMisc writes the pages every site has: 404, sitemap, robots.txt,
// and the JSON Schemas of the data files under schema/, which editors
// fetch by the modeline of a landscape's files.
func (r *Renderer) renderMisc(s *site.Site, a Assets, dir string) error {
	p := newPage(s, a, hasProjects(s.Items), "404.html", "Page not found", "", "")
	if err := r.page(dir, "404.html", "404.html", p); err != nil {
		return err
	}
	sm := newSitemap(s, p)
	if err := r.write(dir, "sitemap.xml", sm.xml()); err != nil {
		return err
	}
	for _, n := range schema.Names {
		b, err := schema.For(n)
		if err != nil {
			return err
		}
		if err := r.writeRaw(dir, "schema/"+n+".json", b); err != nil { // indented: people read them too
			return err
		}
	}
	return r.write(dir, "robots.txt", sm.robots())
}

// renderEmbeds writes a page per category and per subcategory
// (embed/CATEGORY.html, embed/CATEGORY/SUBCATEGORY.html) to show in an
// iframe, and embed.html with every category, from which the options in
// its URL pick the boxes (see templates/js/embed.js).
func (r *Renderer) renderEmbeds(s *site.Site, a Assets, dir string) error {
	projects := hasProjects(s.Items)
	all := newPage(s, a, projects, "embed.html", "Embed", "", "")
	all.Own = a.Embed
	if err := r.page(dir, all.Path, "embed.html", &embedView{Page: all, Bands: bands(s.Categories, nil, all.Base, "_blank", s.Settings.Groups)}); err != nil {
		return err
	}
	for _, c := range s.Categories {
		p := newPage(s, a, projects, "embed/"+c.Slug+".html", c.Name, "", "")
		p.Own = a.Embed
		if err := r.page(dir, p.Path, "embed.html", &embedView{Page: p, Category: c, Bands: bands([]*site.Category{c}, nil, p.Base, "_blank", s.Settings.Groups)}); err != nil {
			return err
		}
		for _, sub := range c.Subcategories {
			p := newPage(s, a, projects, "embed/"+c.Slug+"/"+sub.Slug+".html", c.Name+" / "+sub.Name, "", "")
			p.Own = a.Embed
			one := &site.Category{Name: c.Name, Slug: c.Slug, Subcategories: []*site.Subcategory{sub}}
			v := &embedView{Page: p, Category: c, Bands: bands([]*site.Category{one}, nil, p.Base, "_blank", s.Settings.Groups)}
			if err := r.page(dir, p.Path, "embed.html", v); err != nil {
				return fmt.Errorf("embed %s: %w", sub.Name, err)
			}
		}
	}
	return nil
}

// eagerTiles is how many tiles the landscape page shows with their logo
// in its HTML: about a phone's first screen.
const eagerTiles = 6

// markEager marks the first eagerTiles tiles with a logo in the bands
// the page opens with.
func markEager(bands []bandView) {
	n := 0
	for i := range bands {
		if bands[i].Hidden {
			continue
		}
		for j := range bands[i].Boxes {
			for k := range bands[i].Boxes[j].Tiles {
				if t := &bands[i].Boxes[j].Tiles[k]; t.Item.Logo != "" && n < eagerTiles {
					t.Eager, n = true, n+1
				}
			}
		}
	}
}

// upcoming is the event while its end date has not passed on the build's
// day (Renderer.Today), nil once it has or when it has no valid end.
func (r *Renderer) upcoming(e *landscape.UpcomingEvent) *landscape.UpcomingEvent {
	today := r.Today
	if today.IsZero() {
		today = time.Now()
	}
	if !e.Upcoming(today) {
		return nil
	}
	return e
}

// embedView is a category or one of its boxes, alone on a page, or every
// category (Category nil).
type embedView struct {
	Page
	Category *site.Category
	Bands    []bandView
}

// renderEmbedSetup writes embed-setup.html, where a visitor picks boxes
// and a look and copies the <iframe> that shows them (templates/js/embed-setup.js).
func (r *Renderer) renderEmbedSetup(s *site.Site, a Assets, dir string) error {
	p := newPage(s, a, hasProjects(s.Items), "embed-setup.html", "Embed the landscape", "", "")
	p.Own = a.Setup
	v := &embedView{Page: p}
	for _, c := range s.Categories { // the boxes an embed can show: those with items
		one := &site.Category{Name: c.Name, Slug: c.Slug}
		for _, sub := range c.Subcategories {
			if len(sub.Items) > 0 {
				one.Subcategories = append(one.Subcategories, sub)
			}
		}
		if len(one.Subcategories) > 0 {
			v.Bands = append(v.Bands, bandView{Category: one})
		}
	}
	return r.page(dir, p.Path, "embed-setup.html", v)
}

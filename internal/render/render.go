// Package render turns the assembled site model into the files visitors load:
// the landscape page, a page and a JSON file per item, the stats and guide
// pages, embeddable pages, data exports, sitemap, robots.txt and 404 page.
//
// A Renderer parses the templates once and owns the one goldmark converter
// and the one minifier; rendering a site is then a pure function of the
// model, so the same model always gives byte-identical files. Templates
// receive typed view structs (view.go) and every value from landscape.yml is
// escaped by html/template; markdown is rendered without raw HTML, links are
// limited to http(s) and images become links (markdown.go).
//
// Render writes everything. A development server that sees one item change
// can call RenderItems for that item, then RenderIndex and RenderData, which
// are what depend on every item; RenderAssets is only needed when templates
// change.
package render

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"
	"github.com/yuin/goldmark"

	"github.com/serverless-landscape/landscape/internal/site"
)

// Renderer renders sites from one parsed template set.
type Renderer struct {
	tmpl   *template.Template
	md     goldmark.Markdown
	min    *minify.M
	css    []byte // the concatenated style sheet, before minifying
	js     []byte // the bundled and minified script (script.go)
	embed  []byte // the embedded pages' script
	setup  []byte // the embed set-up page's script
	favico []byte

	// Previous is the folder of the last build, or "". Files that come out
	// byte for byte as they are there are hard-linked from it instead of
	// written (see WriteUnchanged); the build then swaps the new folder in
	// and removes the old one, so no file is ever shared for long.
	Previous string

	// Today is the build's day, which decides whether settings
	// upcoming_event is still announced; zero means the clock's.
	Today time.Time

	// Posters says that the build writes landscape.svg, .pdf and .png, so
	// that the landscape page's Download menu offers them.
	Posters bool
}

// New parses the templates once and builds the one goldmark converter and
// one minifier, so that rendering thousands of pages reuses them.
func New(templates fs.FS) (*Renderer, error) {
	r := &Renderer{md: newMarkdown(), min: newMinifier()}
	t, err := template.New("").Funcs(r.funcs()).ParseFS(templates, "*.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	r.tmpl = t
	if r.css, err = concat(templates, "css", ".css"); err != nil {
		return nil, err
	}
	if r.js, err = bundleScript(templates); err != nil {
		return nil, err
	}
	if r.embed, err = bundle(templates, embedEntry); err != nil {
		return nil, err
	}
	if r.setup, err = bundle(templates, setupEntry); err != nil {
		return nil, err
	}
	if r.favico, err = fs.ReadFile(templates, "favicon.svg"); err != nil {
		return nil, fmt.Errorf("read favicon: %w", err)
	}
	return r, nil
}

// RenderPages writes the pages that summarise every item but are not the
// landscape page: stats, guide, embeddable pages, 404, sitemap and
// robots.txt. A development server re-renders them with RenderIndex when
// items change, or lets them wait for the next full Render.
func (r *Renderer) RenderPages(s *site.Site, a Assets, dir string) error {
	for _, step := range []func() error{
		func() error { return r.renderStats(s, a, dir) },
		func() error { return r.renderProjects(s, a, dir) },
		func() error { return r.renderGuide(s, a, dir) },
		func() error { return r.renderEmbeds(s, a, dir) },
		func() error { return r.renderEmbedSetup(s, a, dir) },
		func() error { return r.renderMisc(s, a, dir) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// Render writes the whole site into dir, an empty folder that the build
// later swaps into place. Every HTML, CSS, JS, SVG, XML and JSON file is
// minified.
func (r *Renderer) Render(ctx context.Context, s *site.Site, dir string) error {
	a, err := r.RenderAssets(s, dir)
	if err != nil {
		return err
	}
	steps := []func() error{
		func() error { return r.RenderIndex(s, a, dir) },
		func() error { return r.RenderData(s, dir) },
		func() error { return r.RenderPages(s, a, dir) },
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := step(); err != nil {
			return err
		}
	}
	return r.RenderItems(ctx, s, a, s.Items, dir)
}

// RenderItems writes the pages of items (every item, or those an edit
// changed) on every CPU: each page is independent, and with thousands of
// small files the time goes to the file system. What every page needs
// from the whole site is worked out once here: asking for each page
// whether the landscape has projects, scanning every item, made a
// landscape without projects quadratic (14 minutes for 190,000 items).
func (r *Renderer) RenderItems(ctx context.Context, s *site.Site, a Assets, items []*site.Item, dir string) error {
	jobs := make(chan *site.Item)
	errs := make([]error, runtime.GOMAXPROCS(0))
	projects := hasProjects(s.Items)
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for it := range jobs {
				if errs[w] == nil {
					errs[w] = r.renderItem(s, a, projects, it, dir)
				}
			}
		})
	}
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		jobs <- it
	}
	close(jobs)
	wg.Wait()
	return cmp.Or(ctx.Err(), errors.Join(errs...))
}

package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/internal/render"
	"github.com/serverless-landscape/landscape/internal/site"
)

// pageOnly blanks the fields of an item that only its own page, the
// landscape page's data and the data exports show. Every other page (stats,
// embeds, sitemap) must not read them, so that editing them re-renders three
// files and not the whole site.
func pageOnly(it site.Item) site.Item {
	it.Description, it.HomepageURL, it.Crunchbase = "", "", ""
	it.Twitter, it.Bluesky, it.BestPractices = "", "", ""
	it.Extra = landscape.Extra{}
	return it
}

// pageOf is the item as its page shows it: the source item is left out, as
// its positions move whenever a line above it is added.
func pageOf(it *site.Item) site.Item {
	c := *it
	c.Source = nil
	return c
}

// structure is a fingerprint of the site's shape: its items, categories and
// boxes, and the items in each, in page order.
func structure(s *site.Site) string {
	var b strings.Builder
	for _, it := range s.Items {
		b.WriteString(it.ID + "\n")
	}
	for _, c := range s.Categories {
		b.WriteString("\x00" + c.Name + "\n")
		for _, sub := range c.Subcategories {
			b.WriteString("\x01" + sub.Name + "\n")
			for _, it := range sub.Items {
				b.WriteString(it.ID + "\n")
			}
		}
	}
	return b.String()
}

// diffItems lists the items whose page changed since the last build, and
// whether any change reaches beyond the item's page (its tile, its box, or
// facts that other pages count).
func (inc *Incremental) diffItems(s *site.Site) (changed []*site.Item, beyond bool) {
	for _, it := range s.Items {
		prev := inc.items[it.ID]
		if prev == nil {
			return nil, true
		}
		now, was := pageOf(it), pageOf(prev)
		if reflect.DeepEqual(now, was) {
			continue
		}
		changed = append(changed, it)
		if !reflect.DeepEqual(pageOnly(now), pageOnly(was)) {
			return nil, true
		}
	}
	return changed, false
}

// render writes what changed into a staging folder beside OutDir and moves
// the files whose bytes differ into OutDir. When the site keeps its shape,
// the landscape page and the data exports, which depend on every item, are
// rendered while the items are compared: most edits need them.
// gate is called once everything is rendered, before anything is written.
func (inc *Incremental) render(ctx context.Context, s *site.Site, results map[string]logos.Result, tiles tileSet, images siteImages, full bool, gate func() error, rep *Report) error {
	o := inc.b
	if o.renderer == nil {
		r, err := render.New(o.Templates)
		if err != nil {
			return err
		}
		o.renderer = r
		r.Posters = !o.NoPoster
	}
	stage, err := o.tempDir()
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	shape := structure(s)
	full = full || shape != inc.shape
	var changed []*site.Item
	if !full {
		wait := inc.renderShared(s, stage)
		changed, full = inc.diffItems(s)
		if err := wait(); err != nil {
			return err
		}
		if !full && len(changed) == 0 {
			if err := os.RemoveAll(stage); err != nil {
				return err
			}
			if err := os.Mkdir(stage, 0o755); err != nil {
				return err
			}
		}
	}
	rep.Full = full
	files, err := inc.stageLogos(stage, results, full)
	if err != nil {
		return err
	}
	staged := tiles // a partial rebuild stages the rasters of new logos alone, as it does their SVGs
	if !full {
		staged = tileSet{}
		for name, r := range tiles {
			if !inc.logoFiles[name] {
				staged[name] = r
			}
		}
	}
	if err := staged.write(stage, o.OutDir); err != nil {
		return err
	}
	if full {
		if err = images.write(stage); err == nil {
			err = inc.renderAll(ctx, s, stage)
		}
	} else {
		err = inc.b.renderer.RenderItems(ctx, s, inc.assets, changed, stage)
	}
	if err != nil {
		return err
	}
	if rep.Rendered, err = countFiles(stage); err != nil {
		return err
	}
	if err := gate(); err != nil {
		return err
	}
	if rep.Written, rep.Removed, err = syncDir(stage, o.OutDir, full); err != nil {
		return err
	}
	inc.shape, inc.logoFiles = shape, files
	inc.items = make(map[string]*site.Item, len(s.Items))
	for _, it := range s.Items {
		inc.items[it.ID] = it
	}
	return nil
}

func (inc *Incremental) renderAll(ctx context.Context, s *site.Site, stage string) error {
	a, err := inc.b.renderer.RenderAssets(s, stage)
	if err != nil {
		return err
	}
	inc.assets = a
	return inc.b.renderer.Render(ctx, s, stage)
}

// renderShared starts rendering the pages built from every item, the
// landscape page and the data exports, and returns a function that waits
// for them. They are independent files, so they render at the same time.
func (inc *Incremental) renderShared(s *site.Site, stage string) func() error {
	r := inc.b.renderer
	steps := []func() error{
		func() error { return r.RenderIndex(s, inc.assets, stage) },
		func() error { return r.RenderData(s, stage) },
	}
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		wg.Go(func() { errs[i] = step() })
	}
	return func() error {
		wg.Wait()
		return errors.Join(errs...)
	}
}

// syncDir moves every file of stage whose bytes differ from its namesake in
// out into out, by rename, so a reader sees the old file or the new one and
// never half of one. With prune, files of out that stage lacks are removed.
// Names are returned relative and slash-separated.
func syncDir(stage, out string, prune bool) (written, removed []string, err error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, nil, err
	}
	staged := make(map[string]bool)
	newIndex := false // a new search index is staged: the old one goes
	err = filepath.WalkDir(stage, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(stage, p)
		staged[rel] = true
		newIndex = newIndex || rewritten(filepath.ToSlash(rel))
		dst := filepath.Join(out, rel)
		if sameBytes(p, dst) {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(p, dst); err != nil {
			return err
		}
		written = append(written, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return written, nil, err
	}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if staged[rel] || !prune && !(newIndex && rewritten(filepath.ToSlash(rel))) {
			return nil
		}
		removed = append(removed, filepath.ToSlash(rel))
		return os.Remove(p)
	})
	return written, removed, err
}

// rewritten tells the files that every render of the landscape page writes
// anew under a name of their content (its data and search index), so that
// the ones of a previous build are stale even when the build prunes
// nothing else.
func rewritten(rel string) bool {
	return (strings.HasPrefix(rel, "assets/search.") || strings.HasPrefix(rel, "assets/landscape.")) && strings.HasSuffix(rel, ".json")
}

func sameBytes(a, b string) bool {
	x, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	y, err := os.ReadFile(b)
	return err == nil && bytes.Equal(x, y)
}

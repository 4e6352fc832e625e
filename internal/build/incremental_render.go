package build

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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

// itemStates encodes every item, and a fingerprint of the site's structure:
// its categories, boxes and the items in each, in page order.
func itemStates(s *site.Site) (map[string][]byte, string, error) {
	pages := make(map[string][]byte, len(s.Items))
	var order strings.Builder
	for _, it := range s.Items {
		b, err := json.Marshal(it)
		if err != nil {
			return nil, "", fmt.Errorf("encode item %s: %w", it.ID, err)
		}
		pages[it.ID] = b
		order.WriteString(it.ID + "\n")
	}
	for _, c := range s.Categories {
		order.WriteString("\x00" + c.Name + "\n")
		for _, sub := range c.Subcategories {
			order.WriteString("\x01" + sub.Name + "\n")
			for _, it := range sub.Items {
				order.WriteString(it.ID + "\n")
			}
		}
	}
	return pages, order.String(), nil
}

func tileOf(it *site.Item) ([]byte, error) { return json.Marshal(pageOnly(*it)) }

// render writes what changed into a staging folder beside OutDir and moves
// the files whose bytes differ into OutDir.
func (inc *Incremental) render(ctx context.Context, s *site.Site, results map[string]logos.Result, full bool, rep *Report) error {
	o := inc.b
	pages, order, err := itemStates(s)
	if err != nil {
		return err
	}
	var changed []*site.Item
	if !full {
		if order != inc.order {
			full = true
		}
		for _, it := range s.Items {
			if full {
				break
			}
			if bytes.Equal(pages[it.ID], inc.items[it.ID].page) {
				continue
			}
			tile, err := tileOf(it)
			if err != nil {
				return err
			}
			if !bytes.Equal(tile, inc.items[it.ID].tile) {
				full = true // the tile, a box or a counted fact changed: other pages show it
			}
			changed = append(changed, it)
		}
	}
	rep.Full = full
	if o.renderer == nil {
		r, err := render.New(o.Templates)
		if err != nil {
			return err
		}
		o.renderer = r
	}
	stage, err := o.tempDir()
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	files, err := inc.stageLogos(stage, results, full)
	if err != nil {
		return err
	}
	if full {
		err = inc.renderAll(ctx, s, stage)
	} else if len(changed) > 0 {
		err = inc.renderItems(s, changed, stage)
	}
	if err != nil {
		return err
	}
	if rep.Rendered, err = countFiles(stage); err != nil {
		return err
	}
	if rep.Written, rep.Removed, err = syncDir(stage, o.OutDir, full); err != nil {
		return err
	}
	return inc.remember(s, pages, order, files, full, changed)
}

func (inc *Incremental) renderAll(ctx context.Context, s *site.Site, stage string) error {
	a, err := inc.b.renderer.RenderAssets(s, stage)
	if err != nil {
		return err
	}
	inc.assets = a
	return inc.b.renderer.Render(ctx, s, stage)
}

// renderItems renders the pages of the changed items and the pages built
// from every item: the landscape page and the data exports. They are
// independent files, so they are rendered at the same time.
func (inc *Incremental) renderItems(s *site.Site, changed []*site.Item, stage string) error {
	r := inc.b.renderer
	steps := []func() error{
		func() error { return r.RenderIndex(s, inc.assets, stage) },
		func() error { return r.RenderData(s, stage) },
		func() error {
			for _, it := range changed {
				if err := r.RenderItem(s, inc.assets, it, stage); err != nil {
					return err
				}
			}
			return nil
		},
	}
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		wg.Go(func() { errs[i] = step() })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// remember keeps what the next rebuild compares against.
func (inc *Incremental) remember(s *site.Site, pages map[string][]byte, order string, logoFiles map[string]bool, full bool, changed []*site.Item) error {
	prev := inc.items
	inc.items = make(map[string]itemState, len(pages))
	for _, it := range s.Items {
		st := prev[it.ID]
		if full || !bytes.Equal(st.page, pages[it.ID]) {
			tile, err := tileOf(it)
			if err != nil {
				return err
			}
			st = itemState{page: pages[it.ID], tile: tile}
		}
		inc.items[it.ID] = st
	}
	inc.order = order
	inc.logoFiles = logoFiles
	return nil
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
	err = filepath.WalkDir(stage, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(stage, p)
		staged[rel] = true
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
	if err != nil || !prune {
		return written, nil, err
	}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if staged[rel] {
			return nil
		}
		removed = append(removed, filepath.ToSlash(rel))
		return os.Remove(p)
	})
	return written, removed, err
}

func sameBytes(a, b string) bool {
	x, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	y, err := os.ReadFile(b)
	return err == nil && bytes.Equal(x, y)
}

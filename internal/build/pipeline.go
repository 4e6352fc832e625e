package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/serverless-landscape/landscape/internal/render"
	"github.com/serverless-landscape/landscape/internal/site"
)

func (o *Builder) build(ctx context.Context, in Inputs) (Result, error) {
	res := Result{Diags: in.Diags}
	if o.Strict && in.Diags.HasErrors() {
		return res, ErrProblems
	}
	s := site.Assemble(in.Landscape, in.Settings, in.Guide)
	res.Site = s
	facts, err := o.github(ctx, in.Landscape, &res.Diags)
	if err != nil {
		return res, err
	}
	facts = o.seedFacts(ctx, s, in.Landscape, facts, &res.Diags)
	applyGitHub(s, facts)
	tmp, err := o.tempDir()
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp) // gone after the swap; on failure, the half-written site
	logoData, served := map[string][]byte{}, map[string][]byte{}
	if err := o.logos(ctx, in.Landscape, s, tmp, logoData, served, &res.Diags); err != nil {
		return res, err
	}
	tiles, err := o.tiles(ctx, s, served)
	if err != nil {
		return res, err
	}
	if err := tiles.write(tmp, o.OutDir); err != nil {
		return res, err
	}
	images, err := o.siteImages(ctx, s.Settings, &res.Diags)
	if err != nil {
		return res, err
	}
	s.Images = images.images
	if err := images.write(tmp); err != nil {
		return res, err
	}
	err = o.stage("render", func() (string, error) {
		if o.renderer == nil {
			r, err := render.New(o.Templates)
			if err != nil {
				return "", err
			}
			o.renderer = r
		}
		o.renderer.Previous = o.OutDir // unchanged files are linked from the last site
		o.renderer.Posters = !o.NoPoster
		if err := o.renderer.Render(ctx, s, tmp); err != nil {
			return "", err
		}
		n, err := countFiles(tmp)
		res.Files = n
		return fmt.Sprintf("%d files", n), err
	})
	if err != nil {
		return res, err
	}
	if !o.NoPoster {
		if err := o.posters(ctx, in.Landscape.File, s, logoData, tmp, &res.Diags); err != nil {
			return res, err
		}
	}
	res.Diags.Sort()
	if o.Strict && res.Diags.HasErrors() {
		return res, ErrProblems
	}
	return res, o.stage("write", func() (string, error) { return o.OutDir, swap(tmp, o.OutDir) })
}

// tempDir makes the build folder beside the output folder, so that the final
// rename stays on one file system.
func (o *Builder) tempDir() (string, error) {
	parent := filepath.Dir(filepath.Clean(o.OutDir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("output folder: %w", err)
	}
	return os.MkdirTemp(parent, "."+filepath.Base(o.OutDir)+"-build-")
}

// swap replaces out with tmp: the old site is renamed aside first and only
// removed once the new one is in place.
func swap(tmp, out string) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + "-old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("move the previous site aside: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out) // put the last good site back
		}
		return fmt.Errorf("put the new site in place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

func countFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	return n, err
}

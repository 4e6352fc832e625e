package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/internal/site"
)

// siteImageRoles are the images settings name, with the most pixels a
// raster needs where the page shows it (three times its CSS size, as for
// logos; an Open Graph picture and a banner are shown full width).
var siteImageRoles = []struct {
	path []string
	side int
	og   bool // link previews read it: a raster, at an absolute URL
	ref  func(*landscape.Settings) string
	set  func(*site.Images, site.Image)
}{
	{[]string{"images", "favicon"}, 256, false, func(s *landscape.Settings) string { return s.Images.Favicon },
		func(i *site.Images, m site.Image) { i.Favicon = m }},
	{[]string{"images", "open_graph"}, 2400, true, func(s *landscape.Settings) string { return s.Images.OpenGraph },
		func(i *site.Images, m site.Image) { i.OpenGraph = m }},
	{[]string{"header", "logo"}, 600, false, func(s *landscape.Settings) string { return s.Header.Logo },
		func(i *site.Images, m site.Image) { i.HeaderLogo = m }},
	{[]string{"footer", "logo"}, 600, false, func(s *landscape.Settings) string { return s.Footer.Logo },
		func(i *site.Images, m site.Image) { i.FooterLogo = m }},
	{[]string{"upcoming_event", "banner_url"}, 2400, false, func(s *landscape.Settings) string {
		if !s.UpcomingEvent.Upcoming(time.Now()) { // the page shows no past event: no download for it
			return ""
		}
		return s.UpcomingEvent.BannerURL
	}, func(i *site.Images, m site.Image) { i.EventBanner = m }},
}

// siteImages is what the images stage made: the site's view of them and
// the files to write under images/.
type siteImages struct {
	images site.Images
	files  map[string][]byte
}

// siteImages downloads (or reads from the logos folder) every image the
// settings name and makes it safe to serve (logos.SiteImage). An image
// that cannot be had, offline or broken, is left out with a diagnostic at
// its setting; the page then shows what it shows without it.
func (o *Builder) siteImages(ctx context.Context, st *landscape.Settings, diags *diag.List) (siteImages, error) {
	out := siteImages{files: map[string][]byte{}}
	err := o.stage("images", func() (string, error) {
		type job struct {
			i   int
			ref string
			res logos.SiteImage
		}
		warn := func(path []string, format string, args ...any) {
			pos := st.Pos(path...)
			diags.Add(diag.Diagnostic{File: st.File, Line: pos.Line, Col: pos.Col, Severity: diag.Warning,
				Field: strings.Join(path, "."), Message: fmt.Sprintf(format, args...)})
		}
		var jobs []*job
		for i, r := range siteImageRoles {
			ref := strings.TrimSpace(r.ref(st))
			if ref != "" && r.og && st.URL == "" {
				warn(r.path, "link previews need the picture's absolute URL: set url, or it is left out")
				continue
			}
			if ref != "" {
				jobs = append(jobs, &job{i: i, ref: ref})
			}
		}
		if len(jobs) == 0 {
			return "none", nil
		}
		p := o.logoProcessor()
		var wg sync.WaitGroup
		for _, j := range jobs {
			wg.Go(func() { j.res = p.SiteImage(ctx, j.ref, siteImageRoles[j.i].side) })
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return "", err
		}
		n, bytes := 0, 0
		for _, j := range jobs {
			r := siteImageRoles[j.i]
			key := strings.Join(r.path, ".")
			pos := st.Pos(r.path...)
			for _, pr := range j.res.Problems {
				diags.Add(diag.Diagnostic{File: st.File, Line: pos.Line, Col: pos.Col, Severity: pr.Severity, Field: key,
					Message: pr.Message})
			}
			if j.res.Missing {
				if len(j.res.Problems) == 0 {
					diags.Add(diag.Diagnostic{File: st.File, Line: pos.Line, Col: pos.Col, Severity: diag.Warning, Field: key,
						Message: "this image could not be used and is left out of the site"})
				}
				continue
			}
			if r.og && !j.res.Raster {
				warn(r.path, "is an SVG, which link previews (Facebook, X, LinkedIn, Slack) do not show; it is left out (name a PNG or JPEG)")
				continue
			}
			path := "images/" + j.res.File
			out.files[path] = j.res.Data
			r.set(&out.images, site.Image{Path: path, Width: j.res.Width, Height: j.res.Height, SVG: !j.res.Raster})
			n, bytes = n+1, bytes+len(j.res.Data)
		}
		return fmt.Sprintf("%d of %d, %s", n, len(jobs), kilobytes(bytes)), nil
	})
	return out, err
}

// namesImage tells whether one of the changed files of the logos folder
// is an image the settings name.
func namesImage(st *landscape.Settings, changed []string) bool {
	for _, r := range siteImageRoles {
		if ref := strings.TrimSpace(r.ref(st)); ref != "" && slices.Contains(changed, ref) {
			return true
		}
	}
	return false
}

// write puts the images into the site folder dir.
func (si siteImages) write(dir string) error {
	for path, data := range si.files {
		name := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func kilobytes(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1e3) }

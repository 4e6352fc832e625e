package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/poster"
	"github.com/serverless-landscape/landscape/internal/site"
)

// posterVersion changes whenever the posters drawn from the same input
// change, so that cached posters of older builds are not reused.
const posterVersion = "1"

// posters writes landscape.svg, .pdf and .png (and the groups' posters)
// into dir. They are cached by the hash of everything they show, so a
// build in which neither the layout nor a logo changed links the last
// ones instead of drawing them again.
func (o *Builder) posters(ctx context.Context, file string, s *site.Site, logoData map[string][]byte, dir string, diags *diag.List) error {
	return o.stage("poster", func() (string, error) {
		date := o.dataDate()
		key := posterKey(s, date)
		if o.CacheDir != "" {
			if n, ok := linkCachedPosters(filepath.Join(o.CacheDir, "poster", key), dir); ok {
				return fmt.Sprintf("%d files, unchanged", n), nil
			}
		}
		list, rep := poster.Plan(poster.Input{Site: s, Logos: logoData, Date: date})
		reportPoster(file, s, rep, diags)
		files := map[string][]byte{}
		for _, po := range list {
			for _, f := range po.Formats {
				if err := ctx.Err(); err != nil {
					return "", err
				}
				data, err := po.Encode(f)
				if err != nil {
					return "", fmt.Errorf("%s.%s: %w", po.Name, f, err)
				}
				files[po.Name+"."+f] = data
				if err := os.WriteFile(filepath.Join(dir, po.Name+"."+f), data, 0o644); err != nil {
					return "", err
				}
			}
		}
		if o.CacheDir != "" {
			storePosters(filepath.Join(o.CacheDir, "poster", key), files, o.logger())
		}
		return fmt.Sprintf("%d files, %d logos drawn as raster or name tile", len(files), len(rep.Fallbacks)), nil
	})
}

// reportPoster warns about each logo the posters cannot draw from its
// vectors, and each name with characters the Go fonts lack.
func reportPoster(file string, s *site.Site, rep poster.Report, diags *diag.List) {
	for _, f := range rep.Fallbacks {
		how := "a name tile"
		if f.Raster {
			how = "its embedded raster"
		}
		pos := f.Item.Source.FieldPos("logo")
		diags.Add(diag.Diagnostic{File: file, Line: pos.Line, Col: pos.Col, Severity: diag.Warning, Item: f.Item.Name, Field: "logo",
			Message: fmt.Sprintf("the poster draws this logo as %s: the drawing cannot render its %s", how, f.Reason)})
	}
	for _, it := range s.Items {
		if m := rep.Glyphs[it.ID]; len(m) > 0 {
			pos := it.Source.FieldPos("name")
			diags.Add(diag.Diagnostic{File: file, Line: pos.Line, Col: pos.Col, Severity: diag.Warning, Item: it.Name, Field: "name",
				Message: fmt.Sprintf("the poster's font has no glyph for %q", string(m))})
		}
	}
}

// dataDate is the date the posters print: the last commit of the data
// file when it is in git, else SOURCE_DATE_EPOCH, else the file's time.
func (o *Builder) dataDate() time.Time {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	abs, err := filepath.Abs(o.DataFile)
	if err == nil {
		cmd := exec.CommandContext(ctx, "git", "log", "-1", "--format=%ct", "--", filepath.Base(abs))
		cmd.Dir = filepath.Dir(abs)
		if out, err := cmd.Output(); err == nil {
			if sec, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64); err == nil {
				return time.Unix(sec, 0).UTC()
			}
		}
	}
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	if st, err := os.Stat(o.DataFile); err == nil {
		return st.ModTime().UTC()
	}
	return time.Time{}
}

// posterKey hashes what the posters show: the settings they read, the
// date, and every band, box and tile with the item's look and logo file
// (named by the hash of its bytes).
func posterKey(s *site.Site, date time.Time) string {
	h := sha256.New()
	st := s.Settings
	settings, _ := json.Marshal([]any{posterVersion, st.Name, st.URL, st.BasePath, st.Colors, st.Groups, st.Poster, st.ScreenshotWidth, date.Unix()})
	h.Write(settings)
	for _, c := range s.Categories {
		fmt.Fprintf(h, "c%q\n", c.Name)
		for _, sub := range c.Subcategories {
			fmt.Fprintf(h, "b%q\n", sub.Name)
			for _, it := range sub.Items {
				fmt.Fprintf(h, "i%q %q %q %v %v %v\n", it.ID, it.Name, it.Logo, it.Featured, it.Archived, it.OpenSource)
			}
		}
	}
	fmt.Fprintf(h, "n%d\n", len(s.Items))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// posterManifest lists a cache entry's files with the hash of each, so
// that a damaged or planted file is never served: the cache folder is not
// trusted.
type posterManifest map[string]string

func linkCachedPosters(entry, dir string) (int, bool) {
	data, err := os.ReadFile(filepath.Join(entry, "manifest.json"))
	if err != nil {
		return 0, false
	}
	var m posterManifest
	if json.Unmarshal(data, &m) != nil || len(m) == 0 {
		return 0, false
	}
	for name, sum := range m {
		if name != filepath.Base(name) || !strings.HasPrefix(name, "landscape") {
			return 0, false
		}
		f, err := os.Open(filepath.Join(entry, name))
		if err != nil {
			return 0, false
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil || hex.EncodeToString(h.Sum(nil)) != sum {
			return 0, false
		}
	}
	for name := range m {
		src, dst := filepath.Join(entry, name), filepath.Join(dir, name)
		if os.Link(src, dst) != nil {
			data, err := os.ReadFile(src)
			if err != nil || os.WriteFile(dst, data, 0o644) != nil {
				return 0, false
			}
		}
	}
	return len(m), true
}

// storePosters caches this build's posters; a failure only costs the
// next build the drawing.
func storePosters(entry string, files map[string][]byte, log interface{ Warn(string, ...any) }) {
	parent := filepath.Dir(entry)
	tmp, err := os.MkdirTemp(parent, ".new-")
	if err != nil {
		if os.MkdirAll(parent, 0o755) != nil {
			return
		}
		if tmp, err = os.MkdirTemp(parent, ".new-"); err != nil {
			return
		}
	}
	m := posterManifest{}
	for name, data := range files {
		sum := sha256.Sum256(data)
		m[name] = hex.EncodeToString(sum[:])
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			os.RemoveAll(tmp)
			log.Warn("poster cache", "err", err)
			return
		}
	}
	data, _ := json.Marshal(m)
	if err := os.WriteFile(filepath.Join(tmp, "manifest.json"), data, 0o644); err != nil {
		os.RemoveAll(tmp)
		return
	}
	// One entry is kept: the posters of the last build.
	if old, err := os.ReadDir(parent); err == nil {
		for _, e := range old {
			if e.Name() != filepath.Base(tmp) {
				os.RemoveAll(filepath.Join(parent, e.Name()))
			}
		}
	}
	if err := os.Rename(tmp, entry); err != nil {
		os.RemoveAll(tmp)
	}
}

// Posters brings the posters in OutDir up to date with the last good
// rebuild, for a development server asked to show them (serve --poster):
// unchanged posters cost the hash of the layout only.
func (inc *Incremental) Posters(ctx context.Context, s *site.Site) (diag.List, error) {
	data := map[string][]byte{}
	for _, it := range s.Items {
		if r, ok := inc.logos[it.Source.Logo]; ok && it.Logo != "" {
			data[it.Logo] = r.Data
		}
	}
	tmp, err := inc.b.tempDir()
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var diags diag.List
	file := inc.b.DataFile
	if err := inc.b.posters(ctx, file, s, data, tmp, &diags); err != nil {
		return diags, err
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return diags, err
	}
	for _, e := range entries { // each replaced whole, so the server never reads half a poster
		if err := os.Rename(filepath.Join(tmp, e.Name()), filepath.Join(inc.b.OutDir, e.Name())); err != nil {
			return diags, err
		}
	}
	return diags, nil
}

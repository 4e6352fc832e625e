package build

import (
	"bytes"
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
const posterVersion = "5"

// posters writes landscape.svg, .pdf and .png (and the groups' posters)
// into dir. They are cached under a digest of everything they show (the
// layout's inputs and the logos' content-hashed names, which the pipeline
// already has), so a build in which neither the layout nor a logo changed
// links the last ones instead of drawing them again.
func (o *Builder) posters(ctx context.Context, file string, s *site.Site, logoData map[string][]byte, dir string, diags *diag.List) error {
	return o.stage("poster", func() (string, error) {
		date := o.dataDate()
		unfaithful, record, err := o.fidelity()
		if err != nil {
			return "", err
		}
		key := posterKey(s, date, record)
		cache := o.posterCache()
		if n, stored, ok := cache.reuse(key, dir); ok {
			byID := map[string]*site.Item{}
			for _, it := range s.Items {
				byID[it.ID] = it
			}
			var fallbacks []poster.Fallback
			for _, f := range stored {
				if it := byID[f.Item]; it != nil {
					fallbacks = append(fallbacks, poster.Fallback{Item: it, Reason: f.Reason, Raster: f.Raster})
				}
			}
			reportPoster(file, s, fallbacks, poster.Glyphs(s), diags)
			return fmt.Sprintf("%d files, unchanged", n), nil
		}
		prepared := cache.loadPrepared()
		list, rep := poster.Plan(poster.Input{Site: s, Logos: logoData, Date: date, Prepared: prepared, Unfaithful: unfaithful})
		reportPoster(file, s, rep.Fallbacks, rep.Glyphs, diags)
		// The pack is written beside the posters: it is most of a cold
		// stage's writing, and the posters do not need it.
		packed := make(chan error, 1)
		if rep.Reused != len(rep.Prepared) || len(prepared) != len(rep.Prepared) {
			go func() { packed <- cache.storePrepared(rep.Prepared) }()
		} else {
			packed <- nil
		}
		defer func() {
			if err := <-packed; err != nil {
				o.logger().Warn("poster cache", "err", err)
			}
		}()
		files := map[string][]byte{} // name: sha256
		for _, po := range list {
			for _, f := range po.Formats {
				if err := ctx.Err(); err != nil {
					return "", err
				}
				name := po.Name + "." + f
				sum, err := writePoster(filepath.Join(dir, name), po, f)
				if err != nil {
					return "", fmt.Errorf("%s: %w", name, err)
				}
				files[name] = sum
			}
		}
		if err := cache.store(key, dir, files, rep.Fallbacks); err != nil {
			o.logger().Warn("poster cache", "err", err)
		}
		return fmt.Sprintf("%d files, %d logos (%d drawn before), %d drawn as raster or name tile",
			len(files), len(rep.Prepared), rep.Reused, len(rep.Fallbacks)), nil
	})
}

// writePoster streams one poster into its file and returns its SHA-256.
func writePoster(path string, po *poster.Poster, format string) ([]byte, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	err = po.Write(io.MultiWriter(f, h), format)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return h.Sum(nil), err
}

// reportPoster warns about each logo the posters cannot draw from its
// vectors, and each name with characters the Go fonts lack.
func reportPoster(file string, s *site.Site, fallbacks []poster.Fallback, glyphs map[string][]rune, diags *diag.List) {
	for _, f := range fallbacks {
		how := "a name tile"
		if f.Raster {
			how = "its embedded raster"
		}
		pos := f.Item.Source.FieldPos("logo")
		diags.Add(diag.Diagnostic{File: file, Line: pos.Line, Col: pos.Col, Severity: diag.Warning, Item: f.Item.Name, Field: "logo",
			Message: fmt.Sprintf("the poster draws this logo as %s: the drawing cannot render its %s", how, f.Reason)})
	}
	for _, it := range s.Items {
		if m := glyphs[it.ID]; len(m) > 0 {
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

// fidelity reads Options.PosterFidelity, when set: the logos it measured
// too far from Chromium, and the hash of the record for the cache key.
func (o *Builder) fidelity() (map[[32]byte]float64, []byte, error) {
	if o.PosterFidelity == "" {
		return nil, nil, nil
	}
	data, err := os.ReadFile(o.PosterFidelity)
	if err != nil {
		return nil, nil, err
	}
	m, err := poster.ReadFidelity(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", o.PosterFidelity, err)
	}
	sum := sha256.Sum256(data)
	return m, sum[:], nil
}

// posterKey hashes what the posters show: the settings they read, the
// date, the fidelity record, and every band, box and tile with the item's
// look and logo file (named by the hash of its bytes).
func posterKey(s *site.Site, date time.Time, fidelity []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "f%x\n", fidelity)
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

// Posters brings the posters in OutDir up to date with the last good
// rebuild, for a development server asked to show them (serve --poster):
// unchanged posters cost the hash of the layout only.
func (inc *Incremental) Posters(ctx context.Context, s *site.Site) (diag.List, error) {
	data := map[string][]byte{}
	prints := printResults(ctx, inc.b.logoProcessor(), inc.logos)
	for _, it := range s.Items {
		if r, ok := inc.logos[it.Source.Logo]; ok && it.Logo != "" {
			data[it.Logo] = printBytes(r, prints[it.Source.Logo])
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

package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/internal/render"
	"github.com/serverless-landscape/landscape/internal/site"
)

// logos processes every logo once, writes each distinct result once under
// its content-hashed name, and points the items at them; data gets each
// logo's bytes by the item's logo path, for the posters: the original ones
// (logos.Processor.Original: embedded bitmaps and numbers as the logo has
// them), since a print is larger than any screen. A logo that cannot be
// used leaves its item with a placeholder tile and a reported problem.
func (o *Builder) logos(ctx context.Context, l *landscape.Landscape, s *site.Site, dir string, data, served map[string][]byte, diags *diag.List) error {
	return o.stage("logos", func() (string, error) {
		p := o.logoProcessor()
		refs := make([]string, 0, len(l.Items))
		for _, it := range l.Items {
			if it.Logo != "" {
				refs = append(refs, it.Logo)
			}
		}
		results := p.ProcessAll(ctx, refs)
		var prints map[string]logos.Result
		if !o.NoPoster {
			prints = printResults(ctx, p, results)
		}
		if err := os.MkdirAll(filepath.Join(dir, "logos"), 0o755); err != nil {
			return "", err
		}
		written := make(map[string]bool)
		known := logoErrors(*diags, l.File)
		var bytes, saved int
		for _, it := range s.Items {
			r, ok := results[it.Source.Logo]
			if !ok {
				continue
			}
			reportLogo(l.File, it.Source, r, known, diags)
			if r.Missing || r.File == "" {
				continue
			}
			if !written[r.File] {
				prev := filepath.Join(o.OutDir, "logos", r.File) // linked when the last site has it
				if err := render.WriteUnchanged(filepath.Join(dir, "logos", r.File), prev, r.Data); err != nil {
					return "", err
				}
				written[r.File] = true
				served[r.File] = r.Data
				bytes, saved = bytes+len(r.Data), saved+r.Saved
			}
			it.Logo = "logos/" + r.File
			data[it.Logo] = printBytes(r, prints[it.Source.Logo])
			it.LogoRatio = r.Ratio
		}
		return fmt.Sprintf("%d logos, %d files, %s (%s saved by fitting them to the screen)", len(results), len(written), megabytes(bytes), megabytes(saved)), nil
	})
}

// printResults are the original logos (Processor.Original) of those that
// fitting to the screen changed, by ref: what the posters print, since a
// print is larger than any screen. Processing kept them (in memory and in
// the cache), so asking costs a read and a hash.
func printResults(ctx context.Context, p *logos.Processor, results map[string]logos.Result) map[string]logos.Result {
	var refs []string
	for ref, r := range results {
		if r.Saved > 0 {
			refs = append(refs, ref)
		}
	}
	return p.OriginalAll(ctx, refs)
}

// printBytes is what the posters draw of a processed logo r: its original,
// full, when there is one.
func printBytes(r, full logos.Result) []byte {
	if r.Saved > 0 && !full.Missing && full.Data != nil {
		return full.Data
	}
	return r.Data
}

// logoProcessor is built once per Options, so a dev server keeps its memo of
// processed logos between rebuilds.
func (o *Builder) logoProcessor() *logos.Processor {
	if o.processor == nil {
		var dir fsys
		if d, err := openLogos(o.LogosDir); err == nil {
			dir = d
		}
		client := o.client()
		if o.Offline {
			client = offlineClient()
		}
		o.processor = logos.NewProcessor(logos.Options{Dir: dir, CacheDir: o.CacheDir, Client: client, Logger: o.Logger})
	}
	return o.processor
}

// reportLogo turns a logo's problems into diagnostics at the item's logo
// line; known holds the logo lines that have an error already (see
// logoErrors).
func reportLogo(file string, it *landscape.Item, r logos.Result, known map[landscape.Pos]bool, diags *diag.List) {
	pos := it.FieldPos("logo")
	for _, p := range r.Problems {
		if r.Missing && p.Severity == diag.Error && known[pos] {
			continue // check.LogoRefs already said why the file is missing
		}
		if p.Severity == diag.Error {
			known[pos] = true
		}
		diags.Add(diag.Diagnostic{File: file, Line: pos.Line, Col: pos.Col, Severity: p.Severity,
			Item: it.Name, Field: "logo", Message: p.Message})
	}
}

// logoErrors are the positions of the logo errors in diags, collected once
// for reportLogo: looking through every problem for each item's logo cost
// items times problems.
func logoErrors(diags diag.List, file string) map[landscape.Pos]bool {
	known := map[landscape.Pos]bool{}
	for _, d := range diags {
		if d.File == file && d.Field == "logo" && d.Severity == diag.Error {
			known[landscape.Pos{Line: d.Line, Col: d.Col}] = true
		}
	}
	return known
}

// megabytes writes n bytes as megabytes with one decimal.
func megabytes(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

package build

import (
	"context"
	"os"
	"path/filepath"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/internal/site"
)

// processLogos returns the processed logo of every reference in l, reusing
// the last build's result unless the reference is new or its file changed.
// Reading and hashing every logo again would cost more than the rest of a
// rebuild.
func (inc *Incremental) processLogos(ctx context.Context, l *landscape.Landscape, ch Change, rep *Report) (map[string]logos.Result, error) {
	dirty := make(map[string]bool, len(ch.Logos))
	for _, f := range ch.Logos {
		dirty[f] = true
	}
	results := make(map[string]logos.Result, len(inc.logos))
	seen := make(map[string]bool)
	var todo []string
	for _, it := range l.Items {
		ref := it.Logo
		if ref == "" || seen[ref] {
			continue
		}
		seen[ref] = true
		if r, ok := inc.logos[ref]; ok && !ch.Other && !dirty[logoFile(ref)] {
			results[ref] = r
			continue
		}
		todo = append(todo, ref)
	}
	if len(todo) > 0 {
		for ref, r := range inc.b.logoProcessor().ProcessAll(ctx, todo) {
			results[ref] = r
		}
		rep.Processed = len(todo)
	}
	return results, ctx.Err()
}

// pointLogos points the items at their logo files.
func pointLogos(s *site.Site, results map[string]logos.Result) {
	for _, it := range s.Items {
		if r, ok := results[it.Source.Logo]; ok && !r.Missing && r.File != "" {
			it.Logo = "logos/" + r.File
			it.LogoRatio = r.Ratio
		}
	}
}

// reportLogos reports each logo's problems at its item's logo line, as a
// full build does; after the data checks, whose reports of missing files
// it does not repeat.
func reportLogos(file string, s *site.Site, results map[string]logos.Result, diags *diag.List) {
	known := logoErrors(*diags, file)
	for _, it := range s.Items {
		if r, ok := results[it.Source.Logo]; ok {
			reportLogo(file, it.Source, r, known, diags)
		}
	}
}

// stageLogos writes into stage the logo files the site uses; all of them
// when all is set, else only those not in the last build.
func (inc *Incremental) stageLogos(stage string, results map[string]logos.Result, all bool) (map[string]bool, error) {
	files := make(map[string]bool, len(results))
	for _, r := range results {
		if r.Missing || r.File == "" || files[r.File] {
			continue
		}
		files[r.File] = true
		if !all && inc.logoFiles[r.File] {
			continue
		}
		p := filepath.Join(stage, "logos", r.File)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, r.Data, 0o644); err != nil {
			return nil, err
		}
	}
	return files, nil
}

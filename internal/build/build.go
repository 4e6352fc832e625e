// Package build runs the pipeline stages in order: load the data, check it,
// fetch GitHub facts, process logos, assemble the site model, render it into
// a temporary folder, and swap that folder into place.
//
// Each stage is a plain function of its own package; this package only wires
// them, reports one line per stage with its duration, and decides what a
// problem means. Problems that affect one item do not stop the build: the item
// is rendered without the bad value and the problem is reported. A failed
// build never touches the last good site.
package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/internal/render"
	"github.com/serverless-landscape/landscape/internal/site"
)

// Options says where the inputs are and how to build.
type Options struct {
	DataFile     string // landscape.yml
	SettingsFile string // "" when there is none
	GuideFile    string // "" when there is none
	LogosDir     string // hosted_logos
	OutDir       string // public
	CacheDir     string // "" disables caches
	Strict       bool   // fail on any error, not only on unreadable input
	Offline      bool   // use caches only: no GitHub or logo requests
	NoPoster     bool   // skip the posters (landscape.svg, .pdf, .png)
	CacheKey     []byte // seals the poster cache; nil: a key made once in the user's cache folder
	FactsFrom    string // a deployed site's data/items.json (https URL, file, or FactsSite) for facts the cache lacks; "" for none
	// PosterFidelity is a record of cmd/logodraw-bench -stamps: logos it
	// measured too far from Chromium are drawn as a raster or a name tile.
	PosterFidelity string

	Templates fs.FS        // the site templates
	Client    *http.Client // for logos and GitHub; nil means a client with timeouts
	GitHub    gh.Options   // tokens and endpoints; Client and CacheDir are filled in
	Log       io.Writer    // one line per stage; nil for silence
	Logger    *slog.Logger // details from the stages; nil for silence
}

// Inputs is the loaded and checked data.
type Inputs struct {
	Landscape *landscape.Landscape
	Settings  *landscape.Settings
	Guide     *landscape.Guide
	Diags     diag.List
}

// Result is what a build produced and found.
type Result struct {
	Site  *site.Site
	Diags diag.List // sorted
	Files int       // files written
}

// ErrProblems is returned when the data has errors that stop the build: any
// error with Strict, or data that cannot be parsed at all.
var ErrProblems = errors.New("the data has errors")

// stage runs f and writes "name: detail (duration)" to the log.
func (o *Builder) stage(name string, f func() (string, error)) error {
	start := time.Now()
	detail, err := f()
	if o.Log != nil {
		d := time.Since(start).Round(time.Millisecond)
		switch {
		case err != nil:
			fmt.Fprintf(o.Log, "%s: failed after %v\n", name, d)
		case detail != "":
			fmt.Fprintf(o.Log, "%s: %s (%v)\n", name, detail, d)
		default:
			fmt.Fprintf(o.Log, "%s: done (%v)\n", name, d)
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (o *Builder) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.New(slog.DiscardHandler)
}

func (o *Builder) client() *http.Client {
	if o.Client != nil {
		return o.Client
	}
	return &http.Client{Timeout: 30 * time.Second}
}

// Builder runs builds with one set of options, keeping what can be reused
// between builds (the parsed templates, the memo of processed logos), so
// that a dev server's rebuilds cost only what changed.
type Builder struct {
	Options
	processor *logos.Processor
	renderer  *render.Renderer
	seeded    map[string]*gh.Repo     // read from FactsFrom once
	tileMemo  map[tileKey]*tileRaster // the last build's tile rasters (tiles.go)
}

// New returns a Builder for o.
func New(o Options) *Builder { return &Builder{Options: o} }

// Build runs the whole pipeline once into o.OutDir.
func Build(ctx context.Context, o Options) (Result, error) { return New(o).Build(ctx) }

// Build runs the whole pipeline into OutDir.
func (o *Builder) Build(ctx context.Context) (Result, error) {
	in, err := o.Load(ctx)
	if err != nil {
		return Result{Diags: in.Diags}, err
	}
	return o.build(ctx, in)
}

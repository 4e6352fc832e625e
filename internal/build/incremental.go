package build

import (
	"context"
	"fmt"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/internal/render"
	"github.com/serverless-landscape/landscape/internal/site"
)

// Incremental rebuilds a site in place for a development server, recomputing
// only what a change affects. It keeps the last good build in memory: the
// GitHub facts by repository, the processed logo of every logo reference,
// the rendered style sheet and script, and each item as its page shows it. A rebuild reloads and re-checks the data (cheap), asks
// GitHub only about repositories it has not seen, reprocesses only logos
// whose files changed, re-renders the pages that depend on what changed,
// and writes only the files whose bytes differ, each replaced whole by a
// rename so that the server never reads half a file.
//
// Which pages depend on what: an item's own page and JSON on the item; the
// landscape page and the data exports on every item; every other page
// (stats, guide, embeds, sitemap, 404) on the settings, the guide, the
// templates, the tiles (name, logo, box, flags) and the facts counted in
// the stats. A change to any of those renders everything, which is still
// written only where it differs. Fields shown only on an item's page and in
// the data exports are listed in pageOnly.
type Incremental struct {
	// RejectNew fails a rebuild that finds an error the last good build did
	// not have, leaving the last good site in place: a development server
	// then shows the problems over it, rather than a site that silently
	// lacks the bad value. Errors the data already had do not stop it.
	RejectNew bool

	b        *Builder
	baseline map[string]bool // the errors of the last good build, by errorKey

	built bool
	facts map[string]*gh.Repo     // by repository URL, from GitHub or its cache
	logos map[string]logos.Result // by logo reference as written in landscape.yml
	// The settings' images and their problems, made again when the
	// settings or the logos folder change.
	images     siteImages
	imageDiags diag.List
	assets     render.Assets
	items      map[string]*site.Item // by ID: what each page shows
	shape      string                // every item ID, box and category in page order
	logoFiles  map[string]bool       // logo files in OutDir
	pending    Change                // the changes of failed rebuilds, still to build

	// Settings and guide as last read, with their problems: read again only
	// when they change.
	settings  *landscape.Settings
	guide     *landscape.Guide
	sideDiags diag.List
}

// Report is what one rebuild did.
type Report struct {
	Result
	Full      bool     // every page was rendered (first build, settings, guide, templates or tiles changed)
	Rendered  int      // files rendered
	Written   []string // files whose bytes changed, relative to OutDir, slash-separated
	Removed   []string // files no longer part of the site
	Processed int      // logo references processed (not reused from the last build)
	Fetched   int      // repositories asked of GitHub or its cache
	Took      time.Duration
}

// Incremental returns an incremental builder that shares b's options, parsed
// templates and logo memo.
func (o *Builder) Incremental() *Incremental { return &Incremental{b: o} }

// Rebuild brings OutDir up to date. The first call builds everything; later
// calls use ch to skip what did not change. On error the site in OutDir and
// the kept state are the last good ones, and ch is kept for the next call.
func (inc *Incremental) Rebuild(ctx context.Context, ch Change) (Report, error) {
	start := time.Now()
	ch = inc.pending.merge(ch)
	rep, err := inc.rebuild(ctx, ch)
	inc.pending = Change{}
	if err != nil {
		inc.pending = ch
	}
	rep.Took = time.Since(start)
	return rep, err
}

func (inc *Incremental) rebuild(ctx context.Context, ch Change) (Report, error) {
	o := inc.b
	var rep Report
	if ch.Templates || ch.Other {
		o.renderer = nil // parse the templates again
	}
	in, err := inc.load(ch)
	rep.Diags = in.Diags
	if err != nil {
		return rep, err
	}
	checked := make(chan diag.List, 1)
	go func() { checked <- o.checkData(in) }()
	s := site.Assemble(in.Landscape, in.Settings, in.Guide)
	rep.Site = s
	facts, err := inc.github(ctx, in.Landscape, &rep)
	if err != nil {
		return rep, err // the checks finish into their buffered channel
	}
	facts = o.seedFacts(ctx, s, in.Landscape, facts, &rep.Diags)
	applyGitHub(s, facts)
	results, err := inc.processLogos(ctx, in.Landscape, ch, &rep)
	if err != nil {
		return rep, err
	}
	pointLogos(s, results)
	served := map[string][]byte{}
	for _, r := range results {
		if !r.Missing && r.File != "" {
			served[r.File] = r.Data
		}
	}
	tiles, err := o.tiles(ctx, s, served)
	if err != nil {
		return rep, err
	}
	images, imageDiags := inc.images, inc.imageDiags
	if !inc.built || ch.Settings || ch.Other || namesImage(s.Settings, ch.Logos) {
		imageDiags = nil
		if images, err = o.siteImages(ctx, s.Settings, &imageDiags); err != nil {
			return rep, err
		}
	}
	s.Images = images.images
	rep.Diags = append(rep.Diags, imageDiags...)
	// The checks ran beside the stages above; their problems are needed
	// before anything is written, as --strict stops on them.
	gate := func() error {
		rep.Diags = append(rep.Diags, <-checked...)
		reportLogos(in.Landscape.File, s, results, &rep.Diags)
		rep.Diags.Sort()
		return inc.judge(rep.Diags)
	}
	// Every page names the favicon: another image means every page anew.
	full := !inc.built || ch.Settings || ch.Guide || ch.Templates || ch.Other || images.images != inc.images.images
	if err := inc.render(ctx, s, results, tiles, images, full, gate, &rep); err != nil {
		return rep, err
	}
	inc.built, inc.facts, inc.logos = true, facts, results
	inc.images, inc.imageDiags = images, imageDiags
	inc.baseline = make(map[string]bool)
	for _, d := range rep.Diags {
		if d.Severity == diag.Error {
			inc.baseline[errorKey(d)] = true
		}
	}
	rep.Files = len(rep.Written)
	return rep, nil
}

// errorKey identifies an error across edits: without its position, which
// moves when lines are added above it.
func errorKey(d diag.Diagnostic) string {
	return d.File + "\x00" + d.Item + "\x00" + d.Field + "\x00" + d.Message
}

// judge decides whether a rebuild with these problems may be written.
func (inc *Incremental) judge(l diag.List) error {
	if inc.b.Strict && l.HasErrors() {
		return ErrProblems
	}
	if !inc.RejectNew || !inc.built {
		return nil
	}
	for _, d := range l {
		if d.Severity == diag.Error && !inc.baseline[errorKey(d)] {
			return fmt.Errorf("the change brings new errors: %w", ErrProblems)
		}
	}
	return nil
}

// load reads the inputs of a rebuild: landscape.yml every time (most edits
// are to it, and loading it is what finds a broken one), settings and guide
// only when they changed. The data checks are left to the caller.
func (inc *Incremental) load(ch Change) (Inputs, error) {
	o := inc.b
	var in Inputs
	if !inc.built || ch.Settings || ch.Guide || ch.Other || inc.settings == nil {
		var side Inputs
		settings, err := loadSettings(o.SettingsFile, &side)
		if err != nil {
			return side, err
		}
		guide, err := loadGuide(o.GuideFile, &side)
		if err != nil {
			return side, err
		}
		inc.settings, inc.guide, inc.sideDiags = settings, guide, side.Diags
	}
	in.Settings, in.Guide = inc.settings, inc.guide
	in.Diags = append(in.Diags, inc.sideDiags...)
	l, err := loadData(o.DataFile, &in)
	in.Landscape = l
	dataMaturity(l, in.Settings)
	return in, err
}

// github returns the facts of every repository of l, asking GitHub (or its
// cache) only about those the last build did not know. Problems with those
// already known were reported by the build that first saw them.
func (inc *Incremental) github(ctx context.Context, l *landscape.Landscape, rep *Report) (map[string]*gh.Repo, error) {
	facts := make(map[string]*gh.Repo, len(inc.facts))
	known := make(map[string]bool)
	var ask []*landscape.Item
	for _, it := range l.Items {
		fresh := false
		for _, r := range it.Repos() {
			if _, _, ok := gh.ParseRepoURL(r.URL); !ok {
				continue
			}
			if f, ok := inc.facts[r.URL]; ok || known[r.URL] {
				facts[r.URL] = f
				known[r.URL] = true
				continue
			}
			fresh = true
		}
		if fresh {
			ask = append(ask, it)
		}
	}
	if len(ask) == 0 {
		return facts, nil
	}
	got, err := inc.b.github(ctx, &landscape.Landscape{File: l.File, Items: ask}, &rep.Diags)
	if err != nil {
		return nil, err
	}
	for _, it := range ask {
		for _, r := range it.Repos() {
			if _, _, ok := gh.ParseRepoURL(r.URL); ok && !known[r.URL] {
				facts[r.URL] = got[r.URL] // nil when GitHub had nothing: not asked again
				known[r.URL] = true
				rep.Fetched++
			}
		}
	}
	return facts, nil
}

// String says what a rebuild did, with its duration.
func (r Report) String() string {
	return fmt.Sprintf("%s (%v)", r.Summary(), r.Took.Round(time.Millisecond))
}

// Summary says what a rebuild did, for a development server's log line.
func (r Report) Summary() string {
	kind := "incremental"
	if r.Full {
		kind = "full"
	}
	return fmt.Sprintf("%s: %d rendered, %d written, %d removed, %d logos processed, %d repositories looked up",
		kind, r.Rendered, len(r.Written), len(r.Removed), r.Processed, r.Fetched)
}

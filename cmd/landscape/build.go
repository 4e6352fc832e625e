package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/serverless-landscape/landscape/internal/build"
)

const buildHelp = `Usage: landscape build [flags]

Builds the site into public/ (or --out). The site is written into a
temporary folder and swapped in at the end: a failed build never leaves a
half-written site and never removes the last good one.

A problem that affects one item does not stop the build: the item is shown
without the bad value (a missing logo becomes a placeholder tile) and the
problem is reported. --strict fails on any error instead.

GitHub facts (stars and more) come from the cache in --cache-dir and, with a
token in GITHUB_TOKEN (or several, comma-separated, in GITHUB_TOKENS), from
GitHub for entries that are missing or expired.

Examples:
    landscape build
    landscape build --strict --out /tmp/site
    landscape build --offline               # cached GitHub facts and logos only
    landscape build --no-poster             # without landscape.svg, .pdf and .png
    landscape build --facts-from site       # a preview without a token: facts from the deployed site
    landscape build --poster-fidelity fidelity.json   # logos measured against Chromium

--facts-from reads a deployed site's data/items.json (an https URL, a file,
or "site" for the settings' url) and uses its GitHub facts for repositories
the cache lacks or holds older facts of. They only draw the site: the rules
never read them. A source that cannot be read is a warning.

The posters (landscape.svg, landscape.pdf, landscape.png, and an SVG per
group) are drawn from the landscape page's layout; they are cached in
--cache-dir and drawn again only when the layout or a logo changes. The
logos the drawing cannot render it draws as their embedded raster or as a
name tile, and warns about each; --poster-fidelity adds those that
go run ./cmd/logodraw-bench -stamps FILE measured too far from Chromium.
`

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newFlagSet("build", buildHelp, stderr)
	noPoster := fs.Bool("no-poster", false, "skip the posters (landscape.svg, landscape.pdf, landscape.png)")
	factsFrom := fs.String("facts-from", "", "GitHub facts the cache lacks from a deployed site's data/items.json: an https `URL`, a file, or \"site\" for the settings' url")
	fidelity := fs.String("poster-fidelity", "", "a `file` of cmd/logodraw-bench -stamps: logos measured too far from Chromium are drawn as a raster or name tile")
	stop, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	o := c.options(stderr)
	o.NoPoster = *noPoster
	o.FactsFrom = *factsFrom
	o.PosterFidelity = *fidelity
	res, err := build.Build(ctx, o)
	stop()
	if len(res.Diags) > 0 {
		_ = c.report(res.Diags, "text", "build", stderr, io.Discard)
	}
	if errors.Is(err, build.ErrProblems) {
		why := ""
		if c.strict {
			why = " (--strict)"
		}
		fmt.Fprintf(stderr, "build: stopped: %s%s; the previous site is unchanged\n", res.Diags.Summary(), why)
		return errFailed
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "build: wrote %d files to %s (%s)\n", res.Files, c.out, res.Diags.Summary())
	return nil
}

// Command logodraw-bench measures how faithfully the poster's renderer
// (internal/drawing) draws logos, against headless Chromium. Every logo of
// a folder is processed as a build processes it (sanitized, cropped,
// minified), then drawn by both at the same size, fitted into a square of
// -size pixels, and composited on white. The difference of a logo is the
// mean absolute difference of the two images' RGB values, as a share of
// full scale: 0 for identical pictures, 1 for black against white. The
// command prints the distribution of the differences and the share of
// logos within -tol, for every logo and for those the renderer claims to
// draw (the others the poster draws as their raster or as a name tile).
//
// With -stamps it writes every logo's measurement, by the SHA-256 of the
// bytes the posters draw, as a record that landscape build
// --poster-fidelity reads (internal/poster.Fidelity): the build then draws
// the logos measured beyond -tol as their raster or a name tile.
//
// It is a developer tool, not a test: it needs Chromium (Debian:
// apt-get install -y chromium).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/serverless-landscape/landscape/internal/logos"
)

const usage = `usage: logodraw-bench [flags] [hosted_logos folder]

Compares internal/drawing's rendering of each logo with headless Chromium's.

examples:
	go run ./cmd/logodraw-bench ../shared/corpora/cncf-full/hosted_logos
	go run ./cmd/logodraw-bench -v -worst 20 -out /tmp/diff ../shared/corpora/serverless/hosted_logos
	go run ./cmd/logodraw-bench -stamps fidelity.json hosted_logos && landscape build --poster-fidelity fidelity.json

flags:
`

func main() {
	size := flag.Int("size", 256, "draw each logo fitted into a square of this many `pixels`")
	tol := flag.Float64("tol", 0.02, "a logo is faithful when its difference is at most this share")
	browser := flag.String("chromium", "chromium", "Chromium binary")
	verbose := flag.Bool("v", false, "list every logo outside the tolerance")
	worst := flag.Int("worst", 0, "write the `n` worst drawn logos side by side into -out")
	out := flag.String("out", "", "`folder` for -worst comparison images")
	timeout := flag.Duration("timeout", 20*time.Minute, "give up after this long")
	stamps := flag.String("stamps", "", "write every logo's measurement into this `file`, for landscape build --poster-fidelity")
	flag.Usage = func() { fmt.Fprint(os.Stderr, usage); flag.PrintDefaults() }
	flag.Parse()
	dir := filepath.Join("..", "shared", "corpora", "cncf-full", "hosted_logos")
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	list, err := load(ctx, dir, *size)
	if err == nil {
		err = paint(ctx, list, *browser)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "logodraw-bench:", err)
		os.Exit(1)
	}
	report(list, *tol, *verbose)
	if *stamps != "" {
		if err := writeStamps(*stamps, list, *size, *tol); err != nil {
			fmt.Fprintln(os.Stderr, "logodraw-bench:", err)
			os.Exit(1)
		}
	}
	if *worst > 0 && *out != "" {
		if err := writeWorst(list, *worst, *out); err != nil {
			fmt.Fprintln(os.Stderr, "logodraw-bench:", err)
			os.Exit(1)
		}
	}
}

// load processes every logo file as the build does for the posters:
// Original, with embedded bitmaps and numbers as the logo has them.
func load(ctx context.Context, dir string, size int) ([]*logo, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no svg files in %s", dir)
	}
	sort.Strings(files)
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	p := logos.NewProcessor(logos.Options{Dir: root.FS()})
	var list []*logo
	for _, f := range files {
		r := p.Original(ctx, filepath.Base(f))
		if r.Missing || len(r.Data) == 0 {
			continue
		}
		list = append(list, newLogo(filepath.Base(f), r.Data, size))
	}
	return list, nil
}

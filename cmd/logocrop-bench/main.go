// Command logocrop-bench measures how closely the logo cropper's bounding
// boxes match what a browser paints. It serves every logo of a folder to a
// headless Chromium on the loopback interface, which draws each one on a
// canvas and reports the box of its non-transparent pixels; the command then
// compares that box with logos.Measure's and prints the share of logos
// within the tolerance. With -sanitized it instead compares each sanitized
// logo's rendering with the original file's, to catch the sanitizer
// dropping something a logo needs; with -reduced, each logo as the site
// serves it (bitmaps downscaled, numbers rounded) with the same logo at full
// resolution and precision (logos.Processor.Original), drawn at the largest
// size a screen shows it, to catch a reduction that shows.
//
// It is a developer tool, not a test: it needs Chromium (Debian:
// apt-get install -y chromium) and takes about a minute for 2,452 logos.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/serverless-landscape/landscape/internal/logos"
)

const usage = `usage: logocrop-bench [flags] [hosted_logos folder]

Compares the cropper's bounding boxes with headless Chromium's rendering,
or (-sanitized) sanitized logos with the originals.

examples:
	go run ./cmd/logocrop-bench -v ../shared/corpora/cncf-full/hosted_logos
	go run ./cmd/logocrop-bench -sanitized -tol 0.01
	go run ./cmd/logocrop-bench -reduced -tol 0.01

flags:
`

// renderSize is the larger side, in pixels, at which logos are rasterized:
// one pixel is 0.1% of the logo.
const renderSize = 1000

type logo struct {
	Name      string `json:"name"`
	W         int    `json:"w"`
	H         int    `json:"h"`
	svg       []byte // sanitized, uncropped, sized W×H
	orig      []byte // the file as it is, for -sanitized
	ours, vb  logos.Box
	err       error
	ref       *painted
	deviation float64
}

type painted struct {
	ID    int     `json:"id"`
	Diff  float64 `json:"diff"` // with -sanitized: share of pixels that differ
	Empty bool    `json:"empty"`
	X0    int     `json:"x0"`
	Y0    int     `json:"y0"`
	X1    int     `json:"x1"`
	Y1    int     `json:"y1"`
}

func main() {
	tol := flag.Float64("tol", 0.02, "tolerance, as a share of the reference box's larger side")
	browser := flag.String("chromium", "chromium", "Chromium binary")
	verbose := flag.Bool("v", false, "list the logos outside the tolerance and those the cropper cannot measure")
	sanitized := flag.Bool("sanitized", false, "instead, compare each sanitized logo's rendering with the original's and list those that differ")
	reduced := flag.Bool("reduced", false, "instead, compare each logo as served with its full-resolution original, at the largest size shown")
	timeout := flag.Duration("timeout", 15*time.Minute, "give up after this long")
	flag.Usage = func() { fmt.Fprint(os.Stderr, usage); flag.PrintDefaults() }
	flag.Parse()
	dir := filepath.Join("..", "shared", "corpora", "cncf-full", "hosted_logos")
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	if err := run(dir, *browser, *tol, *verbose, *sanitized, *reduced, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "logocrop-bench:", err)
		os.Exit(1)
	}
}

func run(dir, browser string, tol float64, verbose, sanitized, reduced bool, timeout time.Duration) error {
	load := load
	if reduced {
		load, sanitized = loadReduced, true // the same comparison, of other pairs
	}
	list, err := load(dir)
	if err != nil {
		return err
	}
	results, err := render(list, browser, sanitized, timeout)
	if err != nil {
		return err
	}
	for _, r := range results {
		list[r.ID].ref = &r
	}
	if sanitized {
		reportSanitized(list, tol)
	} else {
		report(list, tol, verbose)
	}
	return nil
}

func load(dir string) ([]*logo, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no svg files in %s", dir)
	}
	sort.Strings(files)
	var list []*logo
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		l := &logo{Name: filepath.Base(f), orig: data}
		var svg []byte
		svg, l.ours, l.vb, l.err = logos.Measure(data)
		if svg == nil || l.vb.W <= 0 {
			if l.err == nil {
				l.err = fmt.Errorf("no viewBox")
			}
			list = append(list, l)
			continue
		}
		s := renderSize / math.Max(l.vb.W, l.vb.H)
		l.W, l.H = max(1, int(math.Round(l.vb.W*s))), max(1, int(math.Round(l.vb.H*s)))
		const prefix = `<svg xmlns="http://www.w3.org/2000/svg"`
		attrs := fmt.Sprintf(` width="%d" height="%d"`, l.W, l.H)
		if !strings.Contains(string(svg), "preserveAspectRatio") {
			attrs += ` preserveAspectRatio="none"` // map each axis exactly despite rounding
		}
		l.svg = []byte(prefix + attrs +
			strings.TrimPrefix(string(svg), prefix))
		list = append(list, l)
	}
	return list, nil
}

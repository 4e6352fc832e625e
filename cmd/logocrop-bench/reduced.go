package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/serverless-landscape/landscape/internal/logos"
)

// shownSize is the larger side, in device pixels, of the largest display
// of a logo (a featured tile at the largest zoom, at 3 device pixels per
// CSS pixel), where a reduction would show first.
const shownSize = 720

// loadReduced pairs each logo as served (orig is the full-resolution
// version, svg the served one), both cropped alike, sized to shownSize.
// Logos with nothing reduced are left out.
func loadReduced(dir string) ([]*logo, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.svg"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no svg files in %s", dir)
	}
	sort.Strings(files)
	p := logos.NewProcessor(logos.Options{Dir: os.DirFS(dir)})
	ctx := context.Background()
	var list []*logo
	for _, f := range files {
		name := filepath.Base(f)
		served, full := p.Process(ctx, name), p.Original(ctx, name)
		if served.Missing || served.Saved == 0 {
			continue
		}
		_, _, vb, err := logos.Measure(full.Data)
		if vb.W <= 0 {
			continue
		}
		l := &logo{Name: name, err: err}
		s := shownSize / math.Max(vb.W, vb.H)
		l.W, l.H = max(1, int(math.Round(vb.W*s))), max(1, int(math.Round(vb.H*s)))
		const prefix = `<svg xmlns="http://www.w3.org/2000/svg"`
		attrs := fmt.Sprintf(` width="%d" height="%d"`, l.W, l.H)
		if !strings.Contains(string(full.Data), "preserveAspectRatio") {
			attrs += ` preserveAspectRatio="none"` // map each axis exactly despite rounding
		}
		l.orig = []byte(prefix + attrs + strings.TrimPrefix(string(full.Data), prefix))
		l.svg = []byte(prefix + attrs + strings.TrimPrefix(string(served.Data), prefix))
		list = append(list, l)
	}
	return list, nil
}

package build

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"image/png"
	"math"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/serverless-landscape/landscape/internal/drawing"
	"github.com/serverless-landscape/landscape/internal/render"
	"github.com/serverless-landscape/landscape/internal/site"
)

// Tile rasters are the logos drawn as PNGs for the landscape's tiles.
// Chromium makes every SVG image it shows a document of its own, tens of
// milliseconds of the page's main thread each; a PNG is decoded off it.
// The page shows them at the zooms up to the default one and the SVGs
// above (templates/js/landscape.js). tileW×tileH is twice a featured
// tile's logo at the default zoom, so they stay sharp on a 2x screen.
const tileW, tileH = 256, 192

// maxTileWork bounds the drawing of one raster, in pictures' worth of
// pixels written (drawing.Scene.Work): the most in cncf-full's logos is
// 681 (16 ms); a 13 KB logo of 100 <use> of 180 translucent rectangles
// over the whole picture is 18,000 (8.5 s).
const maxTileWork = 4000

// tileVersion changes whenever the rasters drawn from the same logo do
// (the drawing, the box, what is left to the SVG), so that a pack of
// older builds is not used.
const tileVersion = "1"

// tileRaster is one logo's raster in the pack; an empty PNG says the
// drawing cannot render it faithfully (it reports a problem), so the
// page keeps the SVG.
type tileRaster struct{ PNG []byte }

// tileSet is the rasters of one build's logos, by the SVG's file name.
type tileSet map[string]*tileRaster

// tileKey is what a raster is kept by: the SHA-256 of the SVG it is
// drawn from (a file name holds only 48 bits of it).
type tileKey [sha256.Size]byte

// tiles draws a PNG of each served logo (files: name to SVG bytes) and
// points the items at them (site.Item.LogoRaster); write puts them into
// the site. Rasters are kept in memory between a dev server's rebuilds
// and in a sealed pack by the SVG's name, which is its content's hash: a
// warm build draws none.
func (o *Builder) tiles(ctx context.Context, s *site.Site, files map[string][]byte) (tileSet, error) {
	out := make(tileSet, len(files))
	err := o.stage("tiles", func() (string, error) {
		c := o.posterCache()
		path, key := "", []byte(nil)
		if c.dir != "" {
			path = filepath.Join(o.CacheDir, fmt.Sprintf("tiles-%s-%dx%d.pack", tileVersion, tileW, tileH))
			m := hmac.New(sha256.New, c.key) // a key of its own: a pack of another kind never reads as this one
			m.Write([]byte("tiles " + tileVersion))
			key = m.Sum(nil)
		}
		if o.tileMemo == nil && path != "" {
			o.tileMemo = loadPack[tileKey, tileRaster](path, key)
		}
		keys := make(map[string]tileKey, len(files))
		var todo []string
		for name, svg := range files {
			keys[name] = sha256.Sum256(svg)
			if r, ok := o.tileMemo[keys[name]]; ok {
				out[name] = r
			} else {
				todo = append(todo, name)
			}
		}
		drawn := make([]*tileRaster, len(todo)) // by position in todo: the workers share nothing
		jobs := make(chan int)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for k := range jobs {
					drawn[k] = &tileRaster{PNG: drawTile(files[todo[k]])}
				}
			})
		}
		for k := range todo {
			if ctx.Err() != nil {
				break
			}
			jobs <- k
		}
		close(jobs)
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return "", err
		}
		for k, name := range todo {
			out[name] = drawn[k]
		}
		o.tileMemo = make(map[tileKey]*tileRaster, len(out))
		for name, r := range out {
			o.tileMemo[keys[name]] = r
		}
		if path != "" && len(todo) > 0 {
			if err := storePack(path, key, o.tileMemo, func(a, b tileKey) int { return bytes.Compare(a[:], b[:]) }); err != nil {
				o.logger().Warn("tile cache", "err", err)
			}
		}
		n, bytes := 0, 0
		for _, r := range out {
			if len(r.PNG) > 0 {
				n, bytes = n+1, bytes+len(r.PNG)
			}
		}
		for _, it := range s.Items {
			if r := out[strings.TrimPrefix(it.Logo, "logos/")]; r != nil && len(r.PNG) > 0 {
				it.LogoRaster = strings.TrimSuffix(it.Logo, ".svg") + ".png"
			}
		}
		return fmt.Sprintf("%d of %d logos as rasters, %s (%d drawn now)", n, len(files), megabytes(bytes), len(todo)), nil
	})
	return out, err
}

// write puts the rasters into dir/logos, linked from the last site
// (prev) when it has the same file.
func (t tileSet) write(dir, prev string) error {
	for name, r := range t {
		if len(r.PNG) == 0 {
			continue
		}
		png := strings.TrimSuffix(name, ".svg") + ".png"
		if err := render.WriteUnchanged(filepath.Join(dir, "logos", png), filepath.Join(prev, "logos", png), r.PNG); err != nil {
			return err
		}
	}
	return nil
}

// drawTile rasterizes an SVG logo to fit tileW×tileH, or returns nil when
// the drawing reports that it cannot render it faithfully.
func drawTile(svg []byte) []byte {
	sc, err := drawing.Read(svg)
	if err != nil || len(sc.Problems) > 0 || sc.ViewBox.W <= 0 || sc.ViewBox.H <= 0 {
		return nil
	}
	s := math.Min(tileW/sc.ViewBox.W, tileH/sc.ViewBox.H)
	w, h := min(tileW, max(1, int(math.Round(sc.ViewBox.W*s)))), min(tileH, max(1, int(math.Round(sc.ViewBox.H*s))))
	if sc.Work(w, h) > maxTileWork*float64(w*h) {
		return nil // the SVG stays: the browser draws it, not the build
	}
	var b bytes.Buffer
	if err := png.Encode(&b, sc.Rasterize(w, h)); err != nil { // BestCompression: 5% smaller, ten times the time
		return nil
	}
	return b.Bytes()
}

// DrawTiles draws the tile rasters of a site assembled outside a build
// (the browser tests' harness), without a cache, into dir/logos.
func DrawTiles(ctx context.Context, s *site.Site, files map[string][]byte, dir string) error {
	t, err := New(Options{}).tiles(ctx, s, files)
	if err == nil {
		err = t.write(dir, "")
	}
	return err
}

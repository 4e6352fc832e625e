package drawing

import (
	"image"
	"image/draw"
	"io"
	"math"
	"runtime"
	"sync"
)

// stripRows is how many device rows of a page are drawn and compressed at
// once: enough for the deflater to work with, few enough that a worker's
// strip stays in cache.
const stripRows = 64

// maxStampPixels is the size up to which a box is drawn once per look and
// copied into place (tiles), rather than drawn where it is (bands).
const maxStampPixels = 320 * 320

// WritePNG writes the page as an RGB PNG at scale device pixels per CSS
// pixel, drawing and compressing it strip by strip.
func (pg *Page) WritePNG(w io.Writer, scale float64) error {
	r := pg.raster(scale)
	return pngStream{w: r.w, h: r.h, stripRows: stripRows}.write(w, r.draw)
}

// Rasterize draws the whole page at scale device pixels per CSS pixel,
// strip by strip as WritePNG does.
func (pg *Page) Rasterize(scale float64) *image.RGBA {
	r := pg.raster(scale)
	dst := image.NewRGBA(image.Rect(0, 0, r.w, r.h))
	for y := 0; y < r.h; y += stripRows {
		r.draw(dst.SubImage(image.Rect(0, y, r.w, min(r.h, y+stripRows))).(*image.RGBA))
	}
	return dst
}

// pageRaster is a page ready to draw in strips: what does not depend on
// the strip (each logo's and each tile's look rasterized once, text
// outlines) is made first, and every strip lists the operations that
// cross it, in paint order.
type pageRaster struct {
	pg     *Page
	m      Matrix
	w, h   int
	ops    []rasterOp
	strips [][]int32
}

// rasterOp is one item to paint: a stamp copied over at its bounds, a box
// drawn where it is, or a text outline in device space.
type rasterOp struct {
	bounds image.Rectangle
	stamp  *image.RGBA // at the origin; bounds.Min is where it goes
	box    *Box
	text   *Shape
}

// boxKey is what a box looks like, whatever its position: its size, where
// it falls within its first pixel, and its paint.
type boxKey struct {
	w, h, phaseX, phaseY, radius, strokeWidth float64
	fill, stroke                              Color
	hasFill, hasStroke, dashed                bool
}

func (pg *Page) raster(scale float64) *pageRaster {
	r := &pageRaster{pg: pg, m: ScaleBy(scale, scale), w: int(math.Ceil(pg.W * scale)), h: int(math.Ceil(pg.H * scale))}
	var jobs []func()
	logos := map[*Art]map[StampKey]*image.RGBA{}
	boxes := map[boxKey]*image.RGBA{}
	var walk func(items []Item)
	walk = func(items []Item) {
		for _, it := range items {
			switch it := it.(type) {
			case *Box:
				r.addBox(it, scale, boxes, &jobs)
			case *Text:
				s := &Shape{M: Identity, Path: it.Path().Transform(r.m), Fill: &Paint{Color: it.Color}}
				r.add(rasterOp{bounds: pixelBounds(s.Path.Bounds(), Identity, image.Rect(0, 0, r.w, r.h)), text: s})
			case *Logo:
				r.addLogo(it, scale, logos, &jobs)
			case *Link:
				walk(it.Items)
			}
		}
	}
	walk(pg.Items)
	parallel(jobs)
	return r
}

func (r *pageRaster) add(op rasterOp) {
	if op.bounds.Empty() {
		return
	}
	i := int32(len(r.ops))
	r.ops = append(r.ops, op)
	for len(r.strips) <= (op.bounds.Max.Y-1)/stripRows {
		r.strips = append(r.strips, nil)
	}
	for s := max(0, op.bounds.Min.Y/stripRows); s <= (op.bounds.Max.Y-1)/stripRows; s++ {
		r.strips[s] = append(r.strips[s], i)
	}
}

func (r *pageRaster) addLogo(l *Logo, scale float64, made map[*Art]map[StampKey]*image.RGBA, jobs *[]func()) {
	at, k := StampAt(l.Rect, scale, l.Gray)
	if k.W <= 0 || k.H <= 0 {
		return
	}
	st := l.Art.Stamps[k]
	if st == nil && made[l.Art][k] != nil {
		st = made[l.Art][k]
	}
	if st == nil && l.Art.scene != nil { // a size the art was not made for
		st = image.NewRGBA(image.Rect(0, 0, k.W, k.H))
		if made[l.Art] == nil {
			made[l.Art] = map[StampKey]*image.RGBA{}
		}
		made[l.Art][k] = st
		sc, dst := l.Art.scene, st
		*jobs = append(*jobs, func() { *dst = *sc.stamp(k) })
	}
	if st != nil {
		r.add(rasterOp{bounds: image.Rectangle{Min: at, Max: at.Add(image.Point{k.W, k.H})}, stamp: st})
	}
}

func (r *pageRaster) addBox(b *Box, scale float64, stamps map[boxKey]*image.RGBA, jobs *[]func()) {
	x, y := b.X*scale, b.Y*scale
	x0, y0 := math.Floor(x), math.Floor(y)
	w, h := int(math.Ceil(x+b.W*scale)-x0), int(math.Ceil(y+b.H*scale)-y0)
	bounds := image.Rect(int(x0), int(y0), int(x0)+w, int(y0)+h)
	if w*h > maxStampPixels {
		r.add(rasterOp{bounds: bounds, box: b})
		return
	}
	k := boxKey{w: b.W, h: b.H, phaseX: x - x0, phaseY: y - y0, radius: b.Radius, strokeWidth: b.StrokeWidth, dashed: b.Dashed}
	if b.Fill != nil {
		k.fill, k.hasFill = *b.Fill, true
	}
	if b.Stroke != nil {
		k.stroke, k.hasStroke = *b.Stroke, true
	}
	st, ok := stamps[k]
	if !ok {
		st = image.NewRGBA(image.Rect(0, 0, w, h))
		stamps[k] = st
		at := *b
		at.X, at.Y = (x-x0)/scale, (y-y0)/scale
		*jobs = append(*jobs, func() { drawBox(st, &at, ScaleBy(scale, scale)) })
	}
	r.add(rasterOp{bounds: bounds, stamp: st})
}

// draw paints the page's part that dst covers.
func (r *pageRaster) draw(dst *image.RGBA) {
	b := dst.Bounds()
	draw.Draw(dst, b, image.NewUniform(premul(r.pg.Background)), image.Point{}, draw.Src)
	paint := func(op *rasterOp) {
		switch {
		case op.stamp != nil:
			at := op.bounds.Intersect(b)
			over(dst, at, op.stamp, at.Min.Sub(op.bounds.Min))
		case op.box != nil:
			drawBox(dst, op.box, r.m)
		case op.text != nil:
			drawShape(dst, op.text, Identity)
		}
	}
	if s := b.Min.Y / stripRows; b.Min.Y%stripRows == 0 && b.Dy() <= stripRows {
		if s < len(r.strips) {
			for _, i := range r.strips[s] {
				paint(&r.ops[i])
			}
		}
		return
	}
	for i := range r.ops {
		if r.ops[i].bounds.Overlaps(b) {
			paint(&r.ops[i])
		}
	}
}

// over composites the premultiplied src (from sp) onto dst over r. Stamps
// are mostly transparent (around a logo) or opaque (a tile's fill), so
// those pixels are skipped or copied; image/draw blends every one.
func over(dst *image.RGBA, r image.Rectangle, src *image.RGBA, sp image.Point) {
	n := 4 * r.Dx()
	for y := range r.Dy() {
		d := dst.Pix[dst.PixOffset(r.Min.X, r.Min.Y+y):][:n:n]
		s := src.Pix[src.PixOffset(sp.X, sp.Y+y):][:n:n]
		for i := 0; i+3 < n; i += 4 {
			switch a := s[i+3]; a {
			case 0:
			case 255:
				copy(d[i:i+4], s[i:i+4])
			default:
				k := uint32(255 - a)
				dp, sp := d[i:i+4:i+4], s[i:i+4:i+4]
				dp[0] = sp[0] + uint8((uint32(dp[0])*k+127)/255)
				dp[1] = sp[1] + uint8((uint32(dp[1])*k+127)/255)
				dp[2] = sp[2] + uint8((uint32(dp[2])*k+127)/255)
				dp[3] = a + uint8((uint32(dp[3])*k+127)/255)
			}
		}
	}
}

func drawBox(dst *image.RGBA, b *Box, m Matrix) {
	if !b.Dashed && fastBox(dst, b, m) {
		return
	}
	s := &Shape{M: Identity, Path: b.Path(), Width: b.StrokeWidth, Miter: 4}
	if b.Fill != nil {
		s.Fill = &Paint{Color: *b.Fill}
	}
	if b.Stroke != nil {
		s.Stroke = &Paint{Color: *b.Stroke}
		if b.Dashed {
			s.Dash = []float64{3 * b.StrokeWidth, 3 * b.StrokeWidth}
		}
	}
	drawShape(dst, s, m)
}

// parallel runs jobs on every CPU.
func parallel(jobs []func()) {
	next := make(chan func())
	var wg sync.WaitGroup
	for range min(len(jobs), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for f := range next {
				f()
			}
		})
	}
	for _, f := range jobs {
		next <- f
	}
	close(next)
	wg.Wait()
}

package drawing

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/math/f64"
	"golang.org/x/image/vector"
)

// Fit is the transform that draws a scene's viewBox centred in a w×h box
// at x, y, as large as it fits (object-fit: contain).
func (sc *Scene) Fit(x, y, w, h float64) Matrix {
	return Translate(x, y).Mul(viewBoxTransform(sc.ViewBox, w, h, ""))
}

// Rasterize draws the scene on a transparent w×h image, fitted to it.
func (sc *Scene) Rasterize(w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	sc.Draw(dst, sc.Fit(0, 0, float64(w), float64(h)))
	return dst
}

// Draw paints the scene onto dst, m mapping its user space to dst's pixels.
// What falls outside the viewBox is not drawn, as a browser clips an image.
func (sc *Scene) Draw(dst *image.RGBA, m Matrix) {
	var clip Path
	clip.Rectangle(sc.ViewBox.X, sc.ViewBox.Y, sc.ViewBox.W, sc.ViewBox.H, 0, 0)
	g := &Group{Opacity: 1, Clip: []Clip{{M: Identity, Path: clip}}, Children: []Node{sc.Root}}
	drawNode(dst, g, m)
}

func drawNode(dst *image.RGBA, n Node, m Matrix) {
	switch n := n.(type) {
	case *Shape:
		drawShape(dst, n, m)
	case *Image:
		drawImage(dst, n, m)
	case *Group:
		drawGroup(dst, n, m)
	}
}

// pixelBounds is the box of device-space rectangle b, rounded out and
// limited to within.
func pixelBounds(b Rect, m Matrix, within image.Rectangle) image.Rectangle {
	if b.W < 0 || b.H < 0 || math.IsNaN(b.X+b.Y+b.W+b.H) {
		return image.Rectangle{}
	}
	var p Path
	p.Rectangle(b.X, b.Y, b.W, b.H, 0, 0)
	d := p.Transform(m).Bounds()
	const limit = 1 << 24
	x0, y0 := math.Max(math.Floor(d.X), -limit), math.Max(math.Floor(d.Y), -limit)
	x1, y1 := math.Min(math.Ceil(d.X+d.W), limit), math.Min(math.Ceil(d.Y+d.H), limit)
	return image.Rect(int(x0), int(y0), int(x1)+1, int(y1)+1).Intersect(within)
}

func drawGroup(dst *image.RGBA, g *Group, m Matrix) {
	if g.plain() {
		for _, c := range g.Children {
			drawNode(dst, c, m)
		}
		return
	}
	b := pixelBounds(g.bounds(), m, dst.Bounds())
	if g.Clip != nil {
		var cb image.Rectangle
		for _, c := range g.Clip {
			cb = cb.Union(pixelBounds(c.Path.Transform(c.M).Bounds(), m, dst.Bounds()))
		}
		b = b.Intersect(cb)
	}
	if b.Empty() {
		return
	}
	layer := image.NewRGBA(b)
	for _, c := range g.Children {
		drawNode(layer, c, m)
	}
	mask := image.NewAlpha(b)
	for i := range mask.Pix {
		mask.Pix[i] = uint8(math.Round(255 * g.Opacity))
	}
	if g.Clip != nil {
		cov := image.NewAlpha(b)
		for _, c := range g.Clip {
			union(cov, coverage(c.Path.Transform(m.Mul(c.M)), c.EvenOdd, b))
		}
		multiply(mask, cov.Pix)
	}
	if g.Mask != nil {
		ml := image.NewRGBA(b)
		drawGroup(ml, &Group{Opacity: 1, Clip: g.Mask.Clip, Children: g.Mask.Children}, m)
		lum := make([]uint8, len(mask.Pix))
		for i := range lum {
			p := ml.Pix[4*i : 4*i+4]
			if g.MaskAlpha {
				lum[i] = p[3]
			} else {
				lum[i] = uint8(math.Round(0.2125*float64(p[0]) + 0.7154*float64(p[1]) + 0.0721*float64(p[2])))
			}
		}
		multiply(mask, lum)
	}
	draw.DrawMask(dst, b, layer, b.Min, mask, b.Min, draw.Over)
}

func multiply(a *image.Alpha, b []uint8) {
	for i, v := range b {
		a.Pix[i] = uint8((uint32(a.Pix[i])*uint32(v) + 127) / 255)
	}
}

// union adds coverage b (over its own bounds) to a.
func union(a, b *image.Alpha) {
	r := b.Rect.Intersect(a.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		ai, bi := a.PixOffset(r.Min.X, y), b.PixOffset(r.Min.X, y)
		for x := 0; x < r.Dx(); x++ {
			av, bv := uint32(a.Pix[ai+x]), uint32(b.Pix[bi+x])
			a.Pix[ai+x] = uint8(av + (bv*(255-av)+127)/255)
		}
	}
}

func drawShape(dst *image.RGBA, s *Shape, m Matrix) {
	dm := m.Mul(s.M)
	if s.Fill != nil {
		p := s.Path.Transform(dm)
		b := pixelBounds(p.Bounds(), Identity, dst.Bounds())
		if !b.Empty() {
			fill(dst, coverage(p, s.EvenOdd, b), s.Fill, dm)
		}
	}
	if s.Stroke != nil {
		outline := strokeOutline(s, dm)
		b := pixelBounds(outline.Bounds(), Identity, dst.Bounds())
		if !b.Empty() {
			fill(dst, coverage(outline, false, b), s.Stroke, dm)
		}
	}
}

// fill paints p through coverage cov onto dst; m maps the shape's user
// space to dst, for gradients.
func fill(dst *image.RGBA, cov *image.Alpha, p *Paint, m Matrix) {
	var src image.Image
	if p.Gradient != nil {
		src = newGradientImage(p.Gradient, m)
	} else {
		c := p.Color
		src = image.NewUniform(color.RGBA{
			uint8(math.Round(c.R * c.A * 255)), uint8(math.Round(c.G * c.A * 255)),
			uint8(math.Round(c.B * c.A * 255)), uint8(math.Round(c.A * 255))})
	}
	draw.DrawMask(dst, cov.Rect, src, cov.Rect.Min, cov, cov.Rect.Min, draw.Over)
}

// coverage is how much of each pixel of b the path covers, by the nonzero
// or the even-odd rule. x/image/vector accumulates signed area, which is
// the nonzero rule; even-odd is the exclusive or of the subpaths' own
// coverages (exact except where one subpath crosses itself).
func coverage(p Path, evenOdd bool, b image.Rectangle) *image.Alpha {
	out := image.NewAlpha(b)
	if !evenOdd || subpaths(p) < 2 {
		rasterize(out, p, b)
		return out
	}
	for _, sub := range splitSubpaths(p) {
		sb := pixelBounds(sub.Bounds(), Identity, b)
		if !sb.Empty() {
			one := image.NewAlpha(sb)
			rasterize(one, sub, sb)
			xor(out, one)
		}
	}
	return out
}

func subpaths(p Path) int {
	n := 0
	for _, op := range p.Ops {
		if op == MoveTo {
			n++
		}
	}
	return n
}

// splitSubpaths cuts p before each MoveTo, sharing its storage.
func splitSubpaths(p Path) []Path {
	var out []Path
	op0, pt0, pt := 0, 0, 0
	for i, op := range p.Ops {
		if op == MoveTo && i > op0 {
			out = append(out, Path{Ops: p.Ops[op0:i], Pts: p.Pts[pt0:pt]})
			op0, pt0 = i, pt
		}
		switch op {
		case MoveTo, LineTo:
			pt++
		case CubeTo:
			pt += 3
		}
	}
	if len(p.Ops) > op0 {
		out = append(out, Path{Ops: p.Ops[op0:], Pts: p.Pts[pt0:pt]})
	}
	return out
}

func xor(a, b *image.Alpha) {
	r := b.Rect.Intersect(a.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		ai, bi := a.PixOffset(r.Min.X, y), b.PixOffset(r.Min.X, y)
		for x := 0; x < r.Dx(); x++ {
			av, bv := int(a.Pix[ai+x]), int(b.Pix[bi+x])
			a.Pix[ai+x] = uint8(av + bv - 2*(av*bv+127)/255)
		}
	}
}

// rasterizers are reused: each logo has hundreds of shapes, and a new
// Rasterizer allocates its coverage buffer every time.
var rasterizers = sync.Pool{New: func() any { return vector.NewRasterizer(0, 0) }}

// rasterize draws the coverage of p (in dst's pixel space) into dst over b.
func rasterize(dst *image.Alpha, p Path, b image.Rectangle) {
	z := rasterizers.Get().(*vector.Rasterizer)
	defer rasterizers.Put(z)
	z.Reset(b.Dx(), b.Dy())
	z.DrawOp = draw.Src
	ox, oy := float32(b.Min.X), float32(b.Min.Y)
	open := false
	var start Point
	p.each(func(op byte, pts []Point) {
		switch op {
		case MoveTo:
			if open {
				z.ClosePath()
			}
			z.MoveTo(float32(pts[0].X)-ox, float32(pts[0].Y)-oy)
			start, open = pts[0], true
		case LineTo:
			z.LineTo(float32(pts[0].X)-ox, float32(pts[0].Y)-oy)
		case CubeTo:
			z.CubeTo(float32(pts[0].X)-ox, float32(pts[0].Y)-oy, float32(pts[1].X)-ox, float32(pts[1].Y)-oy,
				float32(pts[2].X)-ox, float32(pts[2].Y)-oy)
		case Close:
			z.ClosePath()
			z.MoveTo(float32(start.X)-ox, float32(start.Y)-oy)
		}
	})
	if open {
		z.ClosePath()
	}
	z.Draw(dst, b, image.Opaque, image.Point{})
}

// drawImage draws a raster with bilinear filtering, as browsers smooth
// scaled images. A raster drawn at less than half its size is first halved
// (2×2 pixels averaged) until it is not, as a browser's mipmaps do, so the
// filter costs what is drawn rather than what is embedded.
func drawImage(dst *image.RGBA, im *Image, m Matrix) {
	t := m.Mul(im.M)
	src := im.Img
	s := math.Max(math.Hypot(t.A, t.B), math.Hypot(t.C, t.D))
	level := 0
	for ; s < 0.5 && level < 12; s *= 2 {
		level++
	}
	if level > 0 {
		sb := im.Img.Bounds()
		mip := im.mip(level)
		mb := mip.Bounds()
		t = t.Mul(Translate(float64(sb.Min.X), float64(sb.Min.Y))).Mul(ScaleBy(float64(sb.Dx())/float64(mb.Dx()), float64(sb.Dy())/float64(mb.Dy())))
		src = mip
	}
	s2d := f64.Aff3{t.A, t.C, t.E, t.B, t.D, t.F}
	xdraw.BiLinear.Transform(dst, s2d, src, src.Bounds(), xdraw.Over, nil)
}

// mip is the raster halved level times, made once and kept.
func (im *Image) mip(level int) *image.RGBA {
	c := im.src
	if c == nil {
		c = &raster{} // made by hand: halved again at each call
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.mips) < level {
		var prev *image.RGBA
		if len(c.mips) == 0 {
			b := im.Img.Bounds()
			prev = image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
			draw.Draw(prev, prev.Bounds(), im.Img, b.Min, draw.Src)
		} else {
			prev = c.mips[len(c.mips)-1]
		}
		c.mips = append(c.mips, halve(prev))
	}
	return c.mips[level-1]
}

// halve averages each 2×2 block of premultiplied pixels (an odd last row
// or column with itself).
func halve(src *image.RGBA) *image.RGBA {
	b := src.Bounds()
	w, h := (b.Dx()+1)/2, (b.Dy()+1)/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		r0 := src.Pix[(2*y)*src.Stride:]
		r1 := r0
		if 2*y+1 < b.Dy() {
			r1 = src.Pix[(2*y+1)*src.Stride:]
		}
		out := dst.Pix[y*dst.Stride:]
		for x := range w {
			x0, x1 := 8*x, 8*x+4
			if 2*x+1 >= b.Dx() {
				x1 = x0
			}
			for c := range 4 {
				out[4*x+c] = uint8((uint32(r0[x0+c]) + uint32(r0[x1+c]) + uint32(r1[x0+c]) + uint32(r1[x1+c]) + 2) / 4)
			}
		}
	}
	return dst
}

// Work estimates the pixels Rasterize(w, h) writes: each shape's and
// image's bounding box, and a whole layer for each group drawn apart (an
// opacity, a mask, a clip), at the picture's scale and at most the
// picture each. A logo of a few kilobytes can repeat (through <use>)
// thousands of translucent shapes over the whole picture; the build
// bounds what it draws of untrusted logos with this.
func (sc *Scene) Work(w, h int) float64 {
	m := sc.Fit(0, 0, float64(w), float64(h))
	return work(sc.Root, math.Abs(m.A*m.D-m.B*m.C), float64(w)*float64(h))
}

func work(n Node, scale, canvas float64) float64 {
	switch n := n.(type) {
	case *Group:
		t := 1.0
		if n.Opacity < 1 || n.Mask != nil || n.Clip != nil {
			t += canvas
		}
		if n.Mask != nil {
			t += work(n.Mask, scale, canvas)
		}
		for _, c := range n.Children {
			t += work(c, scale, canvas)
		}
		return t
	case nil:
		return 0
	}
	b := n.bounds()
	return 1 + min(canvas, max(0, b.W*b.H*scale))
}

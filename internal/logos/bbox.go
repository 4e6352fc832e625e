package logos

import (
	"errors"
	"math"
	"strings"
)

// rect is an axis-aligned box; empty when it holds no point.
type rect struct {
	minX, minY, maxX, maxY float64
	ok                     bool
}

func (r *rect) add(p point) {
	if !r.ok {
		*r = rect{p.x, p.y, p.x, p.y, true}
		return
	}
	r.minX, r.minY = math.Min(r.minX, p.x), math.Min(r.minY, p.y)
	r.maxX, r.maxY = math.Max(r.maxX, p.x), math.Max(r.maxY, p.y)
}

func (r rect) union(o rect) rect {
	if !o.ok {
		return r
	}
	r.add(point{o.minX, o.minY})
	r.add(point{o.maxX, o.maxY})
	return r
}

func (r rect) intersect(o rect) rect {
	if !r.ok || !o.ok {
		return rect{}
	}
	out := rect{math.Max(r.minX, o.minX), math.Max(r.minY, o.minY), math.Min(r.maxX, o.maxX), math.Min(r.maxY, o.maxY), true}
	out.ok = out.minX <= out.maxX && out.minY <= out.maxY
	return out
}

func (r rect) grow(d float64) rect {
	if !r.ok {
		return r
	}
	return rect{r.minX - d, r.minY - d, r.maxX + d, r.maxY + d, true}
}

func (r rect) w() float64 { return r.maxX - r.minX }
func (r rect) h() float64 { return r.maxY - r.minY }

// transformed is the box around r's corners after m.
func (r rect) transformed(m matrix) rect {
	var out rect
	if r.ok {
		for _, p := range []point{{r.minX, r.minY}, {r.maxX, r.minY}, {r.minX, r.maxY}, {r.maxX, r.maxY}} {
			out.add(m.apply(p))
		}
	}
	return out
}

// boxSink measures the exact box of a path under a transform: affine maps
// keep Bézier curves Bézier, so the extremes of the mapped control polygon's
// curve are the extremes on screen.
type boxSink struct {
	m   matrix
	cur point
	box rect

	// For stroked paths with miter joins: half the stroke width on screen,
	// the miter limit, and the box of the miter tips, which reach beyond
	// half the stroke width at sharp corners.
	hw, miterLimit  float64
	tips            rect
	inDir, firstDir point // tangent arriving at cur; leaving the subpath start
	start           point
	hasIn, hasFirst bool
}

func (b *boxSink) moveTo(p point) {
	b.cur = b.m.apply(p)
	b.start, b.hasIn, b.hasFirst = b.cur, false, false
}

func (b *boxSink) lineTo(p point) {
	q := b.m.apply(p)
	b.box.add(b.cur)
	b.box.add(q)
	d := firstNonZero(sub(q, b.cur)) // zero for the rounding left by relative moves
	b.join(d)
	b.cur = q
	b.setIn(d)
}

func (b *boxSink) close() {
	if b.hasIn && b.hasFirst {
		b.join(b.firstDir)
	}
}

func (b *boxSink) cubicTo(c1, c2, p point) {
	p0, p1, p2, p3 := b.cur, b.m.apply(c1), b.m.apply(c2), b.m.apply(p)
	b.box.add(p0)
	b.box.add(p3)
	for _, t := range cubicExtrema(p0.x, p1.x, p2.x, p3.x) {
		b.box.add(cubicAt(p0, p1, p2, p3, t))
	}
	for _, t := range cubicExtrema(p0.y, p1.y, p2.y, p3.y) {
		b.box.add(cubicAt(p0, p1, p2, p3, t))
	}
	b.join(firstNonZero(sub(p1, p0), sub(p2, p0), sub(p3, p0)))
	b.cur = p3
	b.setIn(firstNonZero(sub(p3, p2), sub(p3, p1), sub(p3, p0)))
}

func (b *boxSink) setIn(d point) {
	if d == (point{}) {
		return
	}
	if !b.hasFirst {
		b.firstDir, b.hasFirst = d, true
	}
	b.inDir, b.hasIn = d, true
}

// join adds the miter tip at cur between the arriving tangent and out.
func (b *boxSink) join(out point) {
	if b.miterLimit == 0 || !b.hasIn || out == (point{}) {
		return
	}
	u, v := unit(b.inDir), unit(out)
	cos := -(u.x*v.x + u.y*v.y) // cosine of the angle between the two segments
	if cos >= 1-1e-9 || cos <= -1+1e-9 {
		return
	}
	sinHalf := math.Sqrt((1 - cos) / 2)
	ratio := 1 / sinHalf
	if ratio > b.miterLimit {
		return // beveled
	}
	bis := unit(sub(u, v))
	b.tips.add(point{b.cur.x + bis.x*b.hw*ratio, b.cur.y + bis.y*b.hw*ratio})
}

func sub(a, b point) point { return point{a.x - b.x, a.y - b.y} }

func unit(p point) point {
	l := math.Hypot(p.x, p.y)
	return point{p.x / l, p.y / l}
}

func firstNonZero(ps ...point) point {
	for _, p := range ps {
		if math.Hypot(p.x, p.y) > 1e-7 {
			return p
		}
	}
	return point{}
}

// cubicExtrema returns the parameters in (0,1) where a cubic's coordinate
// has zero derivative.
func cubicExtrema(p0, p1, p2, p3 float64) []float64 {
	a := -p0 + 3*p1 - 3*p2 + p3
	b := 2 * (p0 - 2*p1 + p2)
	c := p1 - p0
	var ts []float64
	if math.Abs(a) < 1e-12 {
		if b != 0 {
			ts = append(ts, -c/b)
		}
	} else if disc := b*b - 4*a*c; disc >= 0 {
		s := math.Sqrt(disc)
		ts = append(ts, (-b+s)/(2*a), (-b-s)/(2*a))
	}
	out := ts[:0]
	for _, t := range ts {
		if t > 0 && t < 1 {
			out = append(out, t)
		}
	}
	return out
}

func cubicAt(p0, p1, p2, p3 point, t float64) point {
	u := 1 - t
	a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return point{a*p0.x + b*p1.x + c*p2.x + d*p3.x, a*p0.y + b*p1.y + c*p2.y + d*p3.y}
}

// errText is why logos with text cannot be cropped: their extent depends
// on fonts the cropper does not have.
var errText = errors.New("contains text, whose extent depends on fonts")

// shapeGeometry sends the outline of a basic shape or path to sink; ok is
// false when the shape draws nothing.
func (c *cropper) shapeGeometry(n *node, sink segmentSink) bool {
	num := func(name string, ref float64) float64 {
		v, _ := n.attr(name)
		f, _ := parseLength(v, ref)
		return f
	}
	vw, vh, vd := c.vw, c.vh, math.Hypot(c.vw, c.vh)/math.Sqrt2
	switch n.name {
	case "path":
		d, _ := n.attr("d")
		if !c.spend(len(d) / geometryBytesPerStep) {
			return false
		}
		walkPath(d, sink) // draws up to the first error, as browsers do
	case "rect":
		x, y, w, h := num("x", vw), num("y", vh), num("width", vw), num("height", vh)
		if w <= 0 || h <= 0 {
			return false
		}
		polygon(sink, []point{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}})
	case "circle", "ellipse":
		cx, cy := num("cx", vw), num("cy", vh)
		rx, ry := num("rx", vw), num("ry", vh)
		if n.name == "circle" {
			rx, ry = num("r", vd), num("r", vd)
		} else if _, ok := n.attr("rx"); !ok {
			rx = ry
		} else if _, ok := n.attr("ry"); !ok {
			ry = rx
		}
		if rx <= 0 || ry <= 0 {
			return false
		}
		sink.moveTo(point{cx + rx, cy})
		arcTo(sink, point{cx + rx, cy}, rx, ry, 0, false, true, point{cx - rx, cy})
		arcTo(sink, point{cx - rx, cy}, rx, ry, 0, false, true, point{cx + rx, cy})
	case "line":
		sink.moveTo(point{num("x1", vw), num("y1", vh)})
		sink.lineTo(point{num("x2", vw), num("y2", vh)})
	case "polyline", "polygon":
		v, _ := n.attr("points")
		if !c.spend(len(v) / geometryBytesPerStep) {
			return false
		}
		nums, _ := parseNumbers(v)
		var pts []point
		for i := 0; i+1 < len(nums); i += 2 {
			pts = append(pts, point{nums[i], nums[i+1]})
		}
		polygon(sink, pts)
	default:
		return false
	}
	return true
}

func polygon(sink segmentSink, pts []point) {
	for i, p := range pts {
		if i == 0 {
			sink.moveTo(p)
		} else {
			sink.lineTo(p)
		}
	}
}

// shapeBox is the painted box of a shape: its geometry, widened by half
// the stroke when it is stroked; empty when it paints nothing.
func (c *cropper) shapeBox(n *node, m matrix, st style, clip bool) rect {
	sw := st.strokeWidth(math.Hypot(c.vw, c.vh) / math.Sqrt2)
	fills := st.fills() || clip
	if clip {
		sw = 0
	}
	if !fills && sw <= 0 {
		return rect{}
	}
	sink := &boxSink{m: m, hw: sw / 2 * m.scale()}
	if j := st["stroke-linejoin"]; sw > 0 && (j == "" || j == "miter" || j == "miter-clip" || j == "arcs") {
		sink.miterLimit = 4
		if v, err := parseNumbers(st["stroke-miterlimit"]); err == nil && len(v) == 1 && v[0] >= 1 {
			sink.miterLimit = v[0]
		}
	}
	if !c.shapeGeometry(n, sink) {
		return rect{}
	}
	b := sink.box
	if sw > 0 {
		return b.grow(sw / 2 * m.scale()).union(sink.tips)
	}
	if !b.ok || b.w() == 0 || b.h() == 0 || strings.EqualFold(n.name, "line") {
		return rect{} // a fill without area paints nothing
	}
	return b
}

package drawing

import "math"

// Point is a position in user units.
type Point struct{ X, Y float64 }

// Matrix is an affine transform: x' = A*x + C*y + E, y' = B*x + D*y + F.
type Matrix struct{ A, B, C, D, E, F float64 }

// Identity leaves points where they are.
var Identity = Matrix{A: 1, D: 1}

// Mul returns m·n: n applied first, then m.
func (m Matrix) Mul(n Matrix) Matrix {
	return Matrix{
		A: m.A*n.A + m.C*n.B, B: m.B*n.A + m.D*n.B,
		C: m.A*n.C + m.C*n.D, D: m.B*n.C + m.D*n.D,
		E: m.A*n.E + m.C*n.F + m.E, F: m.B*n.E + m.D*n.F + m.F,
	}
}

// Apply maps p.
func (m Matrix) Apply(p Point) Point {
	return Point{m.A*p.X + m.C*p.Y + m.E, m.B*p.X + m.D*p.Y + m.F}
}

// Invert returns the inverse of m and whether it has one.
func (m Matrix) Invert() (Matrix, bool) {
	det := m.A*m.D - m.B*m.C
	if det == 0 || math.IsNaN(det) || math.IsInf(det, 0) {
		return Matrix{}, false
	}
	return Matrix{
		A: m.D / det, B: -m.B / det, C: -m.C / det, D: m.A / det,
		E: (m.C*m.F - m.D*m.E) / det, F: (m.B*m.E - m.A*m.F) / det,
	}, true
}

// Scale is the factor by which m grows lengths on average.
func (m Matrix) Scale() float64 { return math.Sqrt(math.Abs(m.A*m.D - m.B*m.C)) }

// Translate moves by x, y.
func Translate(x, y float64) Matrix { return Matrix{A: 1, D: 1, E: x, F: y} }

// ScaleBy scales by sx, sy.
func ScaleBy(sx, sy float64) Matrix { return Matrix{A: sx, D: sy} }

// Rect is an axis-aligned box.
type Rect struct{ X, Y, W, H float64 }

// Empty says whether r holds no area.
func (r Rect) Empty() bool { return !(r.W > 0 && r.H > 0) }

// Path operations, each followed in Path.Pts by its points: one for MoveTo
// and LineTo, three for CubeTo, none for Close.
const (
	MoveTo byte = iota
	LineTo
	CubeTo
	Close
)

// Path is a sequence of subpaths, with quadratic curves and arcs already
// turned into cubic curves.
type Path struct {
	Ops []byte
	Pts []Point
}

func (p *Path) MoveTo(q Point) { p.Ops = append(p.Ops, MoveTo); p.Pts = append(p.Pts, q) }
func (p *Path) LineTo(q Point) { p.Ops = append(p.Ops, LineTo); p.Pts = append(p.Pts, q) }
func (p *Path) CubeTo(c1, c2, q Point) {
	p.Ops = append(p.Ops, CubeTo)
	p.Pts = append(p.Pts, c1, c2, q)
}
func (p *Path) Close() { p.Ops = append(p.Ops, Close) }

// Rectangle appends a closed rectangle, with corners rounded by rx, ry.
func (p *Path) Rectangle(x, y, w, h, rx, ry float64) {
	rx, ry = math.Min(rx, w/2), math.Min(ry, h/2)
	if rx <= 0 || ry <= 0 {
		p.MoveTo(Point{x, y})
		p.LineTo(Point{x + w, y})
		p.LineTo(Point{x + w, y + h})
		p.LineTo(Point{x, y + h})
		p.Close()
		return
	}
	const k = 0.5522847498 // cubic approximation of a quarter circle
	kx, ky := rx*k, ry*k
	p.MoveTo(Point{x + rx, y})
	p.LineTo(Point{x + w - rx, y})
	p.CubeTo(Point{x + w - rx + kx, y}, Point{x + w, y + ry - ky}, Point{x + w, y + ry})
	p.LineTo(Point{x + w, y + h - ry})
	p.CubeTo(Point{x + w, y + h - ry + ky}, Point{x + w - rx + kx, y + h}, Point{x + w - rx, y + h})
	p.LineTo(Point{x + rx, y + h})
	p.CubeTo(Point{x + rx - kx, y + h}, Point{x, y + h - ry + ky}, Point{x, y + h - ry})
	p.LineTo(Point{x, y + ry})
	p.CubeTo(Point{x, y + ry - ky}, Point{x + rx - kx, y}, Point{x + rx, y})
	p.Close()
}

// Ellipse appends a closed ellipse.
func (p *Path) Ellipse(cx, cy, rx, ry float64) {
	const k = 0.5522847498
	kx, ky := rx*k, ry*k
	p.MoveTo(Point{cx + rx, cy})
	p.CubeTo(Point{cx + rx, cy + ky}, Point{cx + kx, cy + ry}, Point{cx, cy + ry})
	p.CubeTo(Point{cx - kx, cy + ry}, Point{cx - rx, cy + ky}, Point{cx - rx, cy})
	p.CubeTo(Point{cx - rx, cy - ky}, Point{cx - kx, cy - ry}, Point{cx, cy - ry})
	p.CubeTo(Point{cx + kx, cy - ry}, Point{cx + rx, cy - ky}, Point{cx + rx, cy})
	p.Close()
}

// Transform returns the path with every point mapped by m.
func (p Path) Transform(m Matrix) Path {
	out := Path{Ops: p.Ops, Pts: make([]Point, len(p.Pts))}
	for i, q := range p.Pts {
		out.Pts[i] = m.Apply(q)
	}
	return out
}

// Bounds is the box of the path's points (control points included, so it
// may be a little larger than the curve).
func (p Path) Bounds() Rect {
	if len(p.Pts) == 0 {
		return Rect{}
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range p.Pts {
		x0, y0, x1, y1 = math.Min(x0, q.X), math.Min(y0, q.Y), math.Max(x1, q.X), math.Max(y1, q.Y)
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// each calls f for each operation with its points.
func (p Path) each(f func(op byte, pts []Point)) {
	i := 0
	for _, op := range p.Ops {
		n := 0
		switch op {
		case MoveTo, LineTo:
			n = 1
		case CubeTo:
			n = 3
		}
		f(op, p.Pts[i:i+n])
		i += n
	}
}

// flatten turns the path into polylines, one per subpath, with curves
// split until they are within tol of the curve; closed says which were closed.
func (p Path) flatten(tol float64) (lines [][]Point, closed []bool) {
	var cur []Point
	end := func(c bool) {
		if len(cur) > 1 {
			lines, closed = append(lines, cur), append(closed, c)
		}
		cur = nil
	}
	p.each(func(op byte, pts []Point) {
		switch op {
		case MoveTo:
			end(false)
			cur = []Point{pts[0]}
		case LineTo:
			if cur == nil {
				cur = []Point{pts[0]}
			}
			cur = append(cur, pts[0])
		case CubeTo:
			if cur == nil {
				cur = []Point{pts[0]}
			}
			cur = flattenCubic(cur, cur[len(cur)-1], pts[0], pts[1], pts[2], tol)
		case Close:
			if len(cur) > 0 {
				start := cur[0]
				end(true)
				cur = []Point{start}
			}
		}
	})
	end(false)
	return lines, closed
}

func flattenCubic(out []Point, p0, p1, p2, p3 Point, tol float64) []Point {
	d := math.Hypot(p0.X-2*p1.X+p2.X, p0.Y-2*p1.Y+p2.Y) + math.Hypot(p1.X-2*p2.X+p3.X, p1.Y-2*p2.Y+p3.Y)
	n := int(math.Ceil(math.Sqrt(d * 0.75 / tol)))
	n = max(1, min(n, 256))
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		out = append(out, Point{
			u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
			u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
		})
	}
	return out
}

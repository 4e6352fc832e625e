package drawing

import "math"

// strokeOutline is the area a stroke covers, in device space, as polygons
// that all turn the same way, so that filling them by the nonzero rule
// gives their union: a quadrilateral per segment, a join at each vertex and
// caps at open ends. The width is scaled by m's average scale, which is
// exact for the uniform scales logos use.
func strokeOutline(s *Shape, m Matrix) Path {
	hw := s.Width * m.Scale() / 2
	var out Path
	if hw <= 0 {
		return out
	}
	lines, closed := s.Path.Transform(m).flatten(0.1)
	if len(s.Dash) > 0 {
		lines, closed = dash(lines, closed, scaled(s.Dash, m.Scale()), s.DashOff*m.Scale())
	}
	for i, l := range lines {
		strokeLine(&out, l, closed[i], hw, s)
	}
	return out
}

func scaled(v []float64, k float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x * k
	}
	return out
}

func strokeLine(out *Path, l []Point, closed bool, hw float64, s *Shape) {
	l = dedupe(l)
	if len(l) == 1 {
		if s.Cap == CapRound {
			polygon(out, circle(l[0], hw))
		} else if s.Cap == CapSquare {
			p := l[0]
			polygon(out, []Point{{p.X - hw, p.Y - hw}, {p.X + hw, p.Y - hw}, {p.X + hw, p.Y + hw}, {p.X - hw, p.Y + hw}})
		}
		return
	}
	if closed && l[0] != l[len(l)-1] {
		l = append(l, l[0])
	}
	for i := 0; i+1 < len(l); i++ {
		a, b := l[i], l[i+1]
		n := normal(a, b, hw)
		if !closed && s.Cap == CapSquare {
			d := Point{(b.X - a.X) / dist(a, b) * hw, (b.Y - a.Y) / dist(a, b) * hw}
			if i == 0 {
				a = Point{a.X - d.X, a.Y - d.Y}
			}
			if i+2 == len(l) {
				b = Point{b.X + d.X, b.Y + d.Y}
			}
		}
		polygon(out, []Point{{a.X + n.X, a.Y + n.Y}, {b.X + n.X, b.Y + n.Y}, {b.X - n.X, b.Y - n.Y}, {a.X - n.X, a.Y - n.Y}})
	}
	last := len(l) - 1
	for i := 1; i < last; i++ {
		join(out, l[i-1], l[i], l[i+1], hw, s)
	}
	if closed && len(l) > 2 {
		join(out, l[last-1], l[0], l[1], hw, s)
	} else if s.Cap == CapRound {
		polygon(out, circle(l[0], hw))
		polygon(out, circle(l[last], hw))
	}
}

func join(out *Path, a, v, b Point, hw float64, s *Shape) {
	if s.Join == JoinRound {
		polygon(out, circle(v, hw))
		return
	}
	n1, n2 := normal(a, v, hw), normal(v, b, hw)
	cross := (v.X-a.X)*(b.Y-v.Y) - (v.Y-a.Y)*(b.X-v.X)
	if cross > 0 { // the outer side is the other one
		n1, n2 = Point{-n1.X, -n1.Y}, Point{-n2.X, -n2.Y}
	}
	p1, p2 := Point{v.X - n1.X, v.Y - n1.Y}, Point{v.X - n2.X, v.Y - n2.Y}
	if s.Join == JoinMiter {
		u1, u2 := unit(Point{v.X - a.X, v.Y - a.Y}), unit(Point{b.X - v.X, b.Y - v.Y})
		cos := u1.X*u2.X + u1.Y*u2.Y
		theta := math.Acos(math.Max(-1, math.Min(1, -cos))) // the angle between the segments
		if sinHalf := math.Sin(theta / 2); sinHalf > 1e-9 && 1/sinHalf <= s.Miter {
			bis := unit(Point{p1.X + p2.X - 2*v.X, p1.Y + p2.Y - 2*v.Y})
			l := hw / sinHalf
			polygon(out, []Point{v, p1, {v.X + bis.X*l, v.Y + bis.Y*l}, p2})
			return
		}
	}
	polygon(out, []Point{v, p1, p2})
}

// polygon appends a closed polygon, reversed if needed so that every
// polygon turns the same way.
func polygon(out *Path, pts []Point) {
	area := 0.0
	for i := range pts {
		j := (i + 1) % len(pts)
		area += pts[i].X*pts[j].Y - pts[j].X*pts[i].Y
	}
	if area == 0 {
		return
	}
	if area < 0 {
		for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
			pts[i], pts[j] = pts[j], pts[i]
		}
	}
	out.MoveTo(pts[0])
	for _, p := range pts[1:] {
		out.LineTo(p)
	}
	out.Close()
}

func circle(c Point, r float64) []Point {
	n := max(8, min(64, int(math.Ceil(r*2))))
	pts := make([]Point, n)
	for i := range pts {
		s, co := math.Sincos(2 * math.Pi * float64(i) / float64(n))
		pts[i] = Point{c.X + r*co, c.Y + r*s}
	}
	return pts
}

func normal(a, b Point, hw float64) Point {
	d := dist(a, b)
	return Point{-(b.Y - a.Y) / d * hw, (b.X - a.X) / d * hw}
}

func unit(p Point) Point {
	l := math.Hypot(p.X, p.Y)
	if l == 0 {
		return Point{}
	}
	return Point{p.X / l, p.Y / l}
}

func dist(a, b Point) float64 { return math.Hypot(b.X-a.X, b.Y-a.Y) }

func dedupe(l []Point) []Point {
	out := l[:1:1]
	for _, p := range l[1:] {
		if dist(p, out[len(out)-1]) > 1e-9 {
			out = append(out, p)
		}
	}
	return out
}

// dash cuts polylines into the dashes of pattern, starting offset into it.
func dash(lines [][]Point, closed []bool, pattern []float64, offset float64) ([][]Point, []bool) {
	total := 0.0
	for _, d := range pattern {
		total += d
	}
	var out [][]Point
	for li, l := range lines {
		if closed[li] && l[0] != l[len(l)-1] {
			l = append(append([]Point{}, l...), l[0])
		}
		k, left := 0, 0.0
		pos := math.Mod(offset, total)
		if pos < 0 {
			pos += total
		}
		for pos >= pattern[k] {
			pos -= pattern[k]
			k = (k + 1) % len(pattern)
		}
		left = pattern[k] - pos
		var cur []Point
		if k%2 == 0 {
			cur = []Point{l[0]}
		}
		for i := 0; i+1 < len(l); i++ {
			a, b := l[i], l[i+1]
			seg := dist(a, b)
			at := 0.0
			for seg-at > left {
				at += left
				p := Point{a.X + (b.X-a.X)*at/seg, a.Y + (b.Y-a.Y)*at/seg}
				if k%2 == 0 {
					out = append(out, append(cur, p))
					cur = nil
				} else {
					cur = []Point{p}
				}
				k = (k + 1) % len(pattern)
				left = pattern[k]
			}
			left -= seg - at
			if cur != nil {
				cur = append(cur, b)
			}
		}
		if len(cur) > 1 {
			out = append(out, cur)
		}
	}
	return out, make([]bool, len(out))
}

package logos

// The drawing package reads logos with the same path and transform syntax
// as the cropper; these wrappers share the parsers rather than copy them.

// PathSink receives path data as absolute moves, lines and cubic curves:
// quadratic curves and arcs arrive as cubics.
type PathSink interface {
	MoveTo(x, y float64)
	LineTo(x, y float64)
	CubeTo(x1, y1, x2, y2, x, y float64)
	ClosePath() // after the line back to the subpath's start
}

// WalkPath parses SVG path data into sink. As browsers do, it draws
// everything up to the first error and then returns the error.
func WalkPath(d string, sink PathSink) error { return walkPath(d, sinkAdapter{sink}) }

type sinkAdapter struct{ s PathSink }

func (a sinkAdapter) moveTo(p point)          { a.s.MoveTo(p.x, p.y) }
func (a sinkAdapter) lineTo(p point)          { a.s.LineTo(p.x, p.y) }
func (a sinkAdapter) cubicTo(c1, c2, p point) { a.s.CubeTo(c1.x, c1.y, c2.x, c2.y, p.x, p.y) }
func (a sinkAdapter) close()                  { a.s.ClosePath() }

// ParseTransform reads an SVG transform list into the matrix
// [a b c d e f] of x' = a*x + c*y + e, y' = b*x + d*y + f.
func ParseTransform(s string) ([6]float64, error) {
	m, err := parseTransform(s)
	return [6]float64{m.a, m.b, m.c, m.d, m.e, m.f}, err
}

// ParseNumbers reads numbers separated by whitespace and/or commas, as in
// viewBox and points attributes.
func ParseNumbers(s string) ([]float64, error) { return parseNumbers(s) }

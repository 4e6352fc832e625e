package logos

import (
	"fmt"
	"math"
	"strings"
)

// matrix is an affine transform: x' = a*x + c*y + e, y' = b*x + d*y + f.
type matrix struct{ a, b, c, d, e, f float64 }

var identity = matrix{a: 1, d: 1}

// mul returns m·n: n applied first, then m.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
		e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
	}
}

func (m matrix) apply(p point) point {
	return point{m.a*p.x + m.c*p.y + m.e, m.b*p.x + m.d*p.y + m.f}
}

// scale is the factor by which m grows lengths on average, used to widen
// a stroke drawn under it.
func (m matrix) scale() float64 { return math.Sqrt(math.Abs(m.a*m.d - m.b*m.c)) }

func translate(x, y float64) matrix { return matrix{a: 1, d: 1, e: x, f: y} }

// parseTransform reads an SVG transform list such as
// "translate(10 20) rotate(45, 5, 5) scale(2)".
func parseTransform(s string) (matrix, error) {
	m := identity
	s = strings.TrimSpace(s)
	for s != "" {
		open := strings.IndexByte(s, '(')
		end := strings.IndexByte(s, ')')
		if open < 0 || end < open {
			return m, fmt.Errorf("bad transform %q", s)
		}
		name := strings.TrimSpace(s[:open])
		args, err := parseNumbers(s[open+1 : end])
		if err != nil {
			return m, fmt.Errorf("transform %s: %w", name, err)
		}
		t, err := transformFunc(name, args)
		if err != nil {
			return m, err
		}
		m = m.mul(t)
		s = strings.TrimLeft(s[end+1:], " \t\r\n,")
	}
	return m, nil
}

func transformFunc(name string, v []float64) (matrix, error) {
	n := len(v)
	switch {
	case name == "matrix" && n == 6:
		return matrix{v[0], v[1], v[2], v[3], v[4], v[5]}, nil
	case name == "translate" && (n == 1 || n == 2):
		if n == 1 {
			return translate(v[0], 0), nil
		}
		return translate(v[0], v[1]), nil
	case name == "scale" && (n == 1 || n == 2):
		if n == 1 {
			return matrix{a: v[0], d: v[0]}, nil
		}
		return matrix{a: v[0], d: v[1]}, nil
	case name == "rotate" && (n == 1 || n == 3):
		r := v[0] * math.Pi / 180
		sin, cos := math.Sincos(r)
		rot := matrix{a: cos, b: sin, c: -sin, d: cos}
		if n == 3 {
			return translate(v[1], v[2]).mul(rot).mul(translate(-v[1], -v[2])), nil
		}
		return rot, nil
	case name == "skewX" && n == 1:
		return matrix{a: 1, c: math.Tan(v[0] * math.Pi / 180), d: 1}, nil
	case name == "skewY" && n == 1:
		return matrix{a: 1, b: math.Tan(v[0] * math.Pi / 180), d: 1}, nil
	}
	return identity, fmt.Errorf("bad transform %s with %d arguments", name, n)
}

// parseNumbers reads numbers separated by whitespace and/or commas.
func parseNumbers(s string) ([]float64, error) {
	sc := numScanner{s: s}
	var out []float64
	for {
		sc.skipSep()
		if sc.done() {
			return out, nil
		}
		v, ok := sc.number()
		if !ok {
			return out, fmt.Errorf("bad number at %q", sc.rest())
		}
		out = append(out, v)
	}
}

package logos

import (
	"fmt"
	"math"
	"strconv"
)

type point struct{ x, y float64 }

// numScanner reads the compact number syntax of SVG path data, where
// "1.5.5-2e1" is three numbers.
type numScanner struct {
	s string
	i int
}

func (sc *numScanner) done() bool   { return sc.i >= len(sc.s) }
func (sc *numScanner) rest() string { return sc.s[sc.i:] }

func (sc *numScanner) skipSep() {
	for sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case ' ', '\t', '\n', '\r', '\f', ',':
			sc.i++
		default:
			return
		}
	}
}

func (sc *numScanner) number() (float64, bool) {
	s, start := sc.s, sc.i
	i := start
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			i = j
		}
	}
	v, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	sc.i = i
	return v, true
}

// flag reads an arc flag, which may be written without a separator ("a1 1 0 01 5 5").
func (sc *numScanner) flag() (float64, bool) {
	if sc.i < len(sc.s) && (sc.s[sc.i] == '0' || sc.s[sc.i] == '1') {
		sc.i++
		return float64(sc.s[sc.i-1] - '0'), true
	}
	return 0, false
}

// segmentSink receives a path as absolute moves, lines and cubic curves.
type segmentSink interface {
	moveTo(p point)
	lineTo(p point)
	cubicTo(c1, c2, p point)
	close() // after the line back to the subpath's start
}

var argCounts = map[byte]int{'M': 2, 'L': 2, 'H': 1, 'V': 1, 'C': 6, 'S': 4, 'Q': 4, 'T': 2, 'A': 7, 'Z': 0}

// walkPath parses path data and sends its segments to sink. As browsers do,
// it draws everything up to the first error and then reports the error.
func walkPath(d string, sink segmentSink) error {
	sc := numScanner{s: d}
	w := pathWalker{sink: sink}
	var cmd byte
	for {
		sc.skipSep()
		if sc.done() {
			return nil
		}
		before := sc.i
		if c := sc.s[sc.i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			if _, ok := argCounts[upper(c)]; !ok {
				return fmt.Errorf("bad path command %q", c)
			}
			cmd = c
			sc.i++
		} else if cmd == 0 {
			return fmt.Errorf("path data does not start with a command")
		}
		if upper(cmd) == 'Z' && sc.i == before {
			return fmt.Errorf("numbers after a closepath at %q", shorten(sc.rest()))
		}
		a, err := sc.args(upper(cmd))
		if err != nil {
			return err
		}
		cmd = w.segment(cmd, a)
	}
}

// args reads the arguments of one command.
func (sc *numScanner) args(cmd byte) ([7]float64, error) {
	var a [7]float64
	for k := 0; k < argCounts[cmd]; k++ {
		sc.skipSep()
		var ok bool
		if cmd == 'A' && (k == 3 || k == 4) {
			a[k], ok = sc.flag()
		} else {
			a[k], ok = sc.number()
		}
		if !ok {
			return a, fmt.Errorf("bad path data at %q", shorten(sc.rest()))
		}
	}
	return a, nil
}

// pathWalker keeps the state between path commands.
type pathWalker struct {
	sink                 segmentSink
	cur, start, lastCtrl point
	prev                 byte
}

// segment draws one command and returns the command that implicitly
// repeats it (a moveto's extra pairs are linetos).
func (w *pathWalker) segment(cmd byte, a [7]float64) byte {
	up := upper(cmd)
	rel := cmd != up
	abs := func(x, y float64) point {
		if rel {
			return point{w.cur.x + x, w.cur.y + y}
		}
		return point{x, y}
	}
	next := cmd
	switch up {
	case 'M':
		w.cur = abs(a[0], a[1])
		w.start = w.cur
		w.sink.moveTo(w.cur)
		next = 'L' + (cmd - up)
	case 'L':
		w.cur = abs(a[0], a[1])
		w.sink.lineTo(w.cur)
	case 'H':
		w.cur.x = abs(a[0], 0).x
		w.sink.lineTo(w.cur)
	case 'V':
		w.cur.y = abs(0, a[0]).y
		w.sink.lineTo(w.cur)
	case 'C', 'S':
		c1 := w.reflect('C', 'S')
		if up == 'C' {
			c1, a[0], a[1], a[2], a[3] = abs(a[0], a[1]), a[2], a[3], a[4], a[5]
		}
		c2, p := abs(a[0], a[1]), abs(a[2], a[3])
		w.sink.cubicTo(c1, c2, p)
		w.cur, w.lastCtrl = p, c2
	case 'Q', 'T':
		c := w.reflect('Q', 'T')
		if up == 'Q' {
			c, a[0], a[1] = abs(a[0], a[1]), a[2], a[3]
		}
		p := abs(a[0], a[1])
		quadTo(w.sink, w.cur, c, p)
		w.cur, w.lastCtrl = p, c
	case 'A':
		p := abs(a[5], a[6])
		arcTo(w.sink, w.cur, a[0], a[1], a[2], a[3] != 0, a[4] != 0, p)
		w.cur = p
	case 'Z':
		w.sink.lineTo(w.start)
		w.sink.close()
		w.cur = w.start
	}
	w.prev = up
	return next
}

// reflect is the implicit control point of a smooth curve: the previous
// control point mirrored when the previous command was of the same kind.
func (w *pathWalker) reflect(full, smooth byte) point {
	if w.prev == full || w.prev == smooth {
		return point{2*w.cur.x - w.lastCtrl.x, 2*w.cur.y - w.lastCtrl.y}
	}
	return w.cur
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func quadTo(sink segmentSink, p0, c, p point) {
	sink.cubicTo(point{p0.x + 2.0/3*(c.x-p0.x), p0.y + 2.0/3*(c.y-p0.y)},
		point{p.x + 2.0/3*(c.x-p.x), p.y + 2.0/3*(c.y-p.y)}, p)
}

// arcTo converts an elliptical arc to cubic curves (SVG 1.1 appendix F.6).
func arcTo(sink segmentSink, p0 point, rx, ry, phiDeg float64, large, sweep bool, p point) {
	if p0 == p {
		return
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		sink.lineTo(p)
		return
	}
	sinPhi, cosPhi := math.Sincos(phiDeg * math.Pi / 180)
	dx, dy := (p0.x-p.x)/2, (p0.y-p.y)/2
	x1 := cosPhi*dx + sinPhi*dy
	y1 := -sinPhi*dx + cosPhi*dy
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	den := rx*rx*y1*y1 + ry*ry*x1*x1
	co := 0.0
	if den > 0 && num > 0 {
		co = math.Sqrt(num / den)
	}
	if large == sweep {
		co = -co
	}
	cx1, cy1 := co*rx*y1/ry, -co*ry*x1/rx
	cx := cosPhi*cx1 - sinPhi*cy1 + (p0.x+p.x)/2
	cy := sinPhi*cx1 + cosPhi*cy1 + (p0.y+p.y)/2
	theta := math.Atan2((y1-cy1)/ry, (x1-cx1)/rx)
	delta := math.Atan2((-y1-cy1)/ry, (-x1-cx1)/rx) - theta
	if sweep && delta < 0 {
		delta += 2 * math.Pi
	} else if !sweep && delta > 0 {
		delta -= 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(delta) / (math.Pi / 2)))
	step := delta / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	at := func(t float64) (point, point) { // point and derivative on the ellipse
		s, c := math.Sincos(t)
		return point{cx + rx*c*cosPhi - ry*s*sinPhi, cy + rx*c*sinPhi + ry*s*cosPhi},
			point{-rx*s*cosPhi - ry*c*sinPhi, -rx*s*sinPhi + ry*c*cosPhi}
	}
	t := theta
	a, da := at(t)
	for i := 0; i < n; i++ {
		b, db := at(t + step)
		sink.cubicTo(point{a.x + k*da.x, a.y + k*da.y}, point{b.x - k*db.x, b.y - k*db.y}, b)
		t, a, da = t+step, b, db
	}
}

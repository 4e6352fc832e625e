package logos

import (
	"math"
)

// Exported drawings write coordinates with six or more decimals where a
// tile shows a few hundred device pixels. The minifier is given a number
// of significant digits per logo instead, enough that every number keeps a
// step of precisionStep of the drawing's size: the largest coordinate
// drawn (in the root's units, through every transform) decides how many
// digits that takes. At the largest display (displayW × displayDensity)
// that step is a tenth of a device pixel.
const precisionStep = 1e-4

// geometryAttrs hold the coordinates whose size decides the digits.
var geometryAttrs = set("d", "points", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
	"width", "height", "viewBox")

// noteMagnitude keeps the largest number in n's geometry as it is drawn:
// its coordinates under own, the transform that applies to them, and the
// offsets of its transform under parent's (a transform's scale factors
// are not coordinates).
func (c *cropper) noteMagnitude(n *node, parent, own matrix) {
	for _, a := range n.attrs {
		switch {
		case a.Name.Space != "":
		case a.Name.Local == "transform":
			if tm, err := parseTransform(a.Value); err == nil {
				c.largest = math.Max(c.largest, math.Max(math.Abs(tm.e), math.Abs(tm.f))*parent.scale())
			}
		case geometryAttrs[a.Name.Local]:
			c.largest = math.Max(c.largest, largestNumber(a.Value)*own.scale())
		}
	}
}

// largestNumber is the largest absolute value of the numbers in s.
func largestNumber(s string) float64 {
	sc := numScanner{s: s}
	largest := 0.0
	for !sc.done() {
		if v, ok := sc.number(); ok {
			largest = math.Max(largest, math.Abs(v))
		} else {
			sc.i++ // a command letter, a unit, a parenthesis
		}
	}
	return largest
}

// significantDigits is the precision for the minifier: enough digits that
// numbers up to largest keep a step of precisionStep × size.
func significantDigits(largest, size float64) int {
	q := size * precisionStep
	if q <= 0 || math.IsInf(largest, 0) || math.IsNaN(largest) {
		return 0 // the minifier's default: every digit
	}
	d := int(math.Ceil(1 + math.Log10(math.Max(largest, size)/q)))
	return min(max(d, 3), 15)
}

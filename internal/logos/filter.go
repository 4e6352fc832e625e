package logos

import (
	"math"
	"strings"
)

// filtered widens b by what a filter's offsets, blurs and dilations paint
// around the source, within the filter region.
func (c *cropper) filtered(f *node, b rect, m matrix) rect {
	if !c.spend(len(f.children)) {
		return rect{}
	}
	out := b
	region := c.filterRegion(f, b, m)
	if floods(f) {
		return region // paints the whole region, whatever the source
	}
	for _, p := range f.children {
		var dx, dy, grow float64
		switch p.name {
		case "feOffset", "feDropShadow":
			dx, _ = parseLength(p.attrOr("dx", "0"), 0)
			dy, _ = parseLength(p.attrOr("dy", "0"), 0)
		}
		switch p.name {
		case "feGaussianBlur", "feDropShadow":
			sd, _ := parseNumbers(p.attrOr("stdDeviation", "0"))
			for _, v := range sd {
				grow = math.Max(grow, 3*v)
			}
		case "feMorphology":
			if p.attrOr("operator", "erode") == "dilate" {
				r, _ := parseNumbers(p.attrOr("radius", "0"))
				for _, v := range r {
					grow = math.Max(grow, v)
				}
			}
		}
		shifted := rect{b.minX, b.minY, b.maxX, b.maxY, true}.transformed(matrix{a: 1, d: 1, e: dx, f: dy})
		out = out.union(shifted.transformed(identity).grow(grow * m.scale()))
		if p.name == "feOffset" || p.name == "feGaussianBlur" {
			b = b.union(shifted).grow(grow * m.scale()) // later primitives see the result
		}
	}
	return out.intersect(region)
}

// floods says whether a filter fills its region: it has a flood (or
// turbulence, image, tile) that no composite cuts to the shape of another
// input, as drop shadows do with operator="in".
func floods(f *node) bool {
	flood, cut := false, false
	for _, p := range f.children {
		switch p.name {
		case "feFlood":
			op := p.attrOr("flood-opacity", "1")
			if st, ok := p.attr("style"); ok {
				for _, d := range strings.Split(st, ";") {
					if k, v, ok := strings.Cut(d, ":"); ok && strings.TrimSpace(k) == "flood-opacity" {
						op = v
					}
				}
			}
			flood = flood || opacity(op) > 0
		case "feTurbulence", "feImage", "feTile":
			flood = true
		case "feComposite":
			cut = cut || p.attrOr("operator", "over") != "over"
		}
	}
	return flood && !cut
}

// filterRegion is where a filter may paint: its x, y, width and height,
// by default 10% around the element's box.
func (c *cropper) filterRegion(f *node, b rect, m matrix) rect {
	if f.attrOr("filterUnits", "objectBoundingBox") == "userSpaceOnUse" {
		x, okx := parseLength(f.attrOr("x", ""), c.vw)
		y, oky := parseLength(f.attrOr("y", ""), c.vh)
		w, okw := parseLength(f.attrOr("width", ""), c.vw)
		h, okh := parseLength(f.attrOr("height", ""), c.vh)
		if okx && oky && okw && okh {
			return rect{x, y, x + w, y + h, true}.transformed(m)
		}
		return rect{-math.MaxFloat64, -math.MaxFloat64, math.MaxFloat64, math.MaxFloat64, true}
	}
	frac := func(name string, def float64) float64 {
		v := f.attrOr(name, "")
		if strings.HasSuffix(v, "%") {
			n, _ := parseNumbers(strings.TrimSuffix(v, "%"))
			if len(n) == 1 {
				return n[0] / 100
			}
		} else if n, err := parseNumbers(v); err == nil && len(n) == 1 {
			return n[0]
		}
		return def
	}
	x, y, w, h := frac("x", -0.1), frac("y", -0.1), frac("width", 1.2), frac("height", 1.2)
	return rect{b.minX + x*b.w(), b.minY + y*b.h(), b.minX + (x+w)*b.w(), b.minY + (y+h)*b.h(), true}
}

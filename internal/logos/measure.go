package logos

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// cropper computes what a document paints, in the root's user units.
type cropper struct {
	ids     map[string]*node
	sheet   stylesheet
	bitmaps map[*node]bitmapBox         // opaque parts of embedded images, decoded once each
	own     map[*node]map[string]string // each element's own properties, worked out once
	vw, vh  float64                     // the root viewport, for percentages
	err     error                       // the first construct that cannot be measured
	depth   int                         // elements being measured, nested through references too
	bud     *budget                     // work left before the logo is served uncropped
	scan    bool                        // measuring only where images are shown: text does not stop it
	shown   map[*node]float64           // the most root units one pixel of each embedded image covers
	largest float64                     // the largest coordinate drawn, in root units
}

const maxMeasureDepth = 512

// drawingBox is the box that root paints, in its user units, before the
// viewBox clips it, measured within the default work budget.
func drawingBox(root *node) (rect, error) {
	return measureDrawing(root, newBudget(maxCropWork, cropTimeout))
}

func measureDrawing(root *node, bud *budget) (rect, error) {
	vb, ok := viewBox(root)
	if !ok {
		return rect{}, errors.New("has neither a viewBox nor a width and height")
	}
	c := newCropper(root, vb, bud)
	own := c.ownProps(root)
	if own["display"] == "none" || opacity(own["opacity"]) == 0 {
		return rect{}, errors.New("paints nothing that can be measured")
	}
	b := c.children(root, identity, style{}.inherit(own), false)
	if c.err != nil {
		return rect{}, c.err
	}
	if !b.ok {
		return rect{}, errors.New("paints nothing that can be measured")
	}
	return b, nil
}

// newCropper indexes root's ids and style rules, for measuring it in the
// viewport vb.
func newCropper(root *node, vb rect, bud *budget) *cropper {
	c := &cropper{ids: map[string]*node{}, own: map[*node]map[string]string{}, bitmaps: map[*node]bitmapBox{}, vw: vb.w(), vh: vb.h(), bud: bud}
	root.walk(func(n *node) bool {
		if id, ok := n.attr("id"); ok {
			if _, dup := c.ids[id]; !dup {
				c.ids[id] = n
			}
		}
		if n.name == "style" {
			for _, t := range n.children {
				if t.isText {
					c.sheet.add(parseStylesheet(t.text))
				}
			}
		}
		return true
	})
	return c
}

// ownProps is n's own painting properties, remembered: a <use> or a
// clip-path may have the cropper visit the same element many times.
func (c *cropper) ownProps(n *node) map[string]string {
	if p, ok := c.own[n]; ok {
		return p
	}
	p, examined := c.sheet.ownProps(n)
	c.spend(1 + examined)
	c.own[n] = p
	return p
}

// affordPixels takes pixels from the logo's decoding budget, if there are
// that many left.
func (c *cropper) affordPixels(n int) bool {
	if n > c.bud.pixels {
		return false
	}
	c.bud.pixels -= n
	return true
}

// spend counts work against the budget; it is false once the budget is
// spent, and the cropper then stops with the budget's error.
func (c *cropper) spend(n int) bool {
	if c.err == nil {
		c.err = c.bud.spend(n)
	}
	return c.err == nil
}

// children is the union of the painted boxes of n's children.
func (c *cropper) children(n *node, m matrix, st style, clip bool) rect {
	var b rect
	for _, ch := range n.children {
		if ch.isText {
			continue
		}
		b = b.union(c.element(ch, m, st, clip))
		if n.name == "switch" && !ch.isText {
			break // a switch draws its first child
		}
	}
	return b
}

// element is the painted box of n under m with inherited style st. In clip
// mode it measures geometry only, as a clipPath does.
func (c *cropper) element(n *node, m matrix, st style, clip bool) rect {
	if !c.spend(1) {
		return rect{}
	}
	if c.depth++; c.depth > maxMeasureDepth {
		c.err = limitError(fmt.Sprintf("nests elements and references deeper than %d", maxMeasureDepth))
		return rect{}
	}
	defer func() { c.depth-- }()
	own := c.ownProps(n)
	if own["display"] == "none" || !clip && opacity(own["opacity"]) == 0 {
		return rect{}
	}
	st = st.inherit(own)
	parent := m
	if t, ok := n.attr("transform"); ok && c.spend(len(t)/geometryBytesPerStep) {
		if tm, err := parseTransform(t); err == nil {
			m = m.mul(tm)
		}
	}
	if c.scan {
		c.noteMagnitude(n, parent, m)
	}
	var b rect
	switch n.name {
	case "g", "a", "switch":
		b = c.children(n, m, st, clip)
	case "svg":
		b = c.nestedSVG(n, m, st, clip)
	case "use":
		b = c.use(n, m, st, clip)
	case "path", "rect", "circle", "ellipse", "line", "polyline", "polygon":
		if st["visibility"] != "hidden" && st["visibility"] != "collapse" {
			b = c.shapeBox(n, m, st, clip)
		}
		if c.scan {
			c.scanPatterns(n, m, st)
		}
	case "image":
		b = c.imageBox(n, m)
	case "text":
		if !c.scan && strings.TrimSpace(textOf(n)) != "" {
			c.err = errText
		}
	}
	if v, ok := own["clip-path"]; ok && b.ok {
		if target := c.ref(v, "clipPath"); target != nil && target.attrOr("clipPathUnits", "") != "objectBoundingBox" {
			b = b.intersect(c.clipContent(target, m, true))
		}
	}
	if v, ok := own["mask"]; ok && b.ok && !clip {
		if target := c.ref(v, "mask"); target != nil && target.attrOr("maskContentUnits", "") != "objectBoundingBox" {
			b = b.intersect(c.clipContent(target, m, false))
		}
	}
	if v, ok := own["filter"]; ok && b.ok && !clip {
		if target := c.ref(v, "filter"); target != nil {
			b = c.filtered(target, b, m)
		}
	}
	return b
}

// clipContent is the box of a clipPath's or mask's children, drawn in the
// referencing element's user space.
func (c *cropper) clipContent(target *node, m matrix, clip bool) rect {
	if t, ok := target.attr("transform"); ok && clip {
		if tm, err := parseTransform(t); err == nil {
			m = m.mul(tm)
		}
	}
	return c.children(target, m, style{}, clip)
}

func (n *node) attrOr(name, def string) string {
	if v, ok := n.attr(name); ok {
		return strings.TrimSpace(v)
	}
	return def
}

// ref finds the element named by url(#id) or #id, when it is a name element.
func (c *cropper) ref(v, name string) *node {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "url(") {
		v = strings.Trim(strings.TrimSuffix(strings.TrimPrefix(v, "url("), ")"), ` "'`)
	}
	if !strings.HasPrefix(v, "#") {
		return nil
	}
	t := c.ids[v[1:]]
	if t == nil || (name != "" && t.name != name) {
		return nil
	}
	return t
}

func (c *cropper) use(n *node, m matrix, st style, clip bool) rect {
	t := c.ref(n.href(), "")
	if t == nil {
		return rect{}
	}
	x, _ := parseLength(n.attrOr("x", "0"), c.vw)
	y, _ := parseLength(n.attrOr("y", "0"), c.vh)
	m = m.mul(translate(x, y))
	if t.name == "symbol" {
		w, okw := parseLength(n.attrOr("width", "100%"), c.vw)
		h, okh := parseLength(n.attrOr("height", "100%"), c.vh)
		if vb, ok := viewBoxOf(t); ok && okw && okh {
			m = m.mul(viewBoxTransform(vb, w, h, t.attrOr("preserveAspectRatio", "")))
		}
		return c.children(t, m, st.inherit(c.ownProps(t)), clip)
	}
	return c.element(t, m, st, clip)
}

func (c *cropper) nestedSVG(n *node, m matrix, st style, clip bool) rect {
	x, _ := parseLength(n.attrOr("x", "0"), c.vw)
	y, _ := parseLength(n.attrOr("y", "0"), c.vh)
	w, _ := parseLength(n.attrOr("width", "100%"), c.vw)
	h, _ := parseLength(n.attrOr("height", "100%"), c.vh)
	m = m.mul(translate(x, y))
	viewport := rect{0, 0, w, h, true}.transformed(m)
	if vb, ok := viewBoxOf(n); ok {
		m = m.mul(viewBoxTransform(vb, w, h, n.attrOr("preserveAspectRatio", "")))
	}
	b := c.children(n, m, st, clip)
	if n.attrOr("overflow", "hidden") == "visible" {
		return b
	}
	return b.intersect(viewport)
}

func (c *cropper) imageBox(n *node, m matrix) rect {
	x, _ := parseLength(n.attrOr("x", "0"), c.vw)
	y, _ := parseLength(n.attrOr("y", "0"), c.vh)
	w, okw := parseLength(n.attrOr("width", ""), c.vw)
	h, okh := parseLength(n.attrOr("height", ""), c.vh)
	if !okw || !okh {
		c.err = errors.New("has an <image> without width and height")
		return rect{}
	}
	if w <= 0 || h <= 0 {
		return rect{}
	}
	if c.scan {
		c.recordShown(n, m, w, h)
		return rect{x, y, x + w, y + h, true}.transformed(m)
	}
	bm, seen := c.bitmaps[n]
	if !seen {
		bm = opaqueBounds(n.href(), c.affordPixels)
		c.bitmaps[n] = bm
	}
	if !bm.ok {
		return rect{x, y, x + w, y + h, true}.transformed(m)
	}
	if bm.x1 <= bm.x0 || bm.y1 <= bm.y0 {
		return rect{}
	}
	// Place the bitmap in its box as preserveAspectRatio says, then take
	// its painted part.
	iw, ih := float64(bm.iw), float64(bm.ih)
	fit := viewBoxTransform(rect{0, 0, iw, ih, true}, w, h, n.attrOr("preserveAspectRatio", ""))
	px := rect{bm.x0 * iw, bm.y0 * ih, bm.x1 * iw, bm.y1 * ih, true}
	painted := px.transformed(translate(x, y).mul(fit)).intersect(rect{x, y, x + w, y + h, true})
	return painted.transformed(m)
}

func viewBoxOf(n *node) (rect, bool) {
	nums, err := parseNumbers(n.attrOr("viewBox", ""))
	if err != nil || len(nums) != 4 || nums[2] <= 0 || nums[3] <= 0 {
		return rect{}, false
	}
	return rect{nums[0], nums[1], nums[0] + nums[2], nums[1] + nums[3], true}, true
}

// viewBoxTransform maps a viewBox onto a w×h viewport following
// preserveAspectRatio (default xMidYMid meet).
func viewBoxTransform(vb rect, w, h float64, par string) matrix {
	sx, sy := w/vb.w(), h/vb.h()
	f := strings.Fields(par)
	align, slice := "xMidYMid", false
	if len(f) > 0 {
		align = f[0]
	}
	if len(f) > 1 {
		slice = f[1] == "slice"
	}
	if align == "none" {
		return matrix{a: sx, d: sy, e: -vb.minX * sx, f: -vb.minY * sy}
	}
	s := math.Min(sx, sy)
	if slice {
		s = math.Max(sx, sy)
	}
	tx, ty := -vb.minX*s, -vb.minY*s
	switch {
	case strings.Contains(align, "xMid"):
		tx += (w - vb.w()*s) / 2
	case strings.Contains(align, "xMax"):
		tx += w - vb.w()*s
	}
	switch {
	case strings.Contains(align, "YMid"):
		ty += (h - vb.h()*s) / 2
	case strings.Contains(align, "YMax"):
		ty += h - vb.h()*s
	}
	return matrix{a: s, d: s, e: tx, f: ty}
}

func textOf(n *node) string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		for _, c := range n.children {
			if c.isText {
				b.WriteString(c.text)
			} else {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

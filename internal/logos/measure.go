package logos

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// cropper computes what a document paints, in the root's user units.
type cropper struct {
	ids    map[string]*node
	sheet  stylesheet
	vw, vh float64 // the root viewport, for percentages
	err    error   // the first construct that cannot be measured
	uses   int     // <use> expansions so far, bounded against reference bombs
	visits int     // elements measured so far, bounded likewise
	depth  int     // elements being measured, nested through references too
}

const maxMeasureDepth = 512

const maxVisits = 2000000

const maxUses = 10000

// drawingBox is the box that root paints, in its user units, before the
// viewBox clips it.
func drawingBox(root *node) (rect, error) {
	vb, ok := viewBox(root)
	if !ok {
		return rect{}, errors.New("has neither a viewBox nor a width and height")
	}
	c := &cropper{ids: map[string]*node{}, vw: vb.w(), vh: vb.h()}
	root.walk(func(n *node) bool {
		if id, ok := n.attr("id"); ok {
			if _, dup := c.ids[id]; !dup {
				c.ids[id] = n
			}
		}
		if n.name == "style" {
			for _, t := range n.children {
				if t.isText {
					c.sheet = append(c.sheet, parseStylesheet(t.text)...)
				}
			}
		}
		return true
	})
	own := c.sheet.ownProps(root)
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
	if c.err != nil {
		return rect{}
	}
	if c.visits++; c.visits > maxVisits {
		c.err = fmt.Errorf("draws more than %d elements", maxVisits)
		return rect{}
	}
	if c.depth++; c.depth > maxMeasureDepth {
		c.err = fmt.Errorf("nests elements and references deeper than %d", maxMeasureDepth)
		return rect{}
	}
	defer func() { c.depth-- }()
	own := c.sheet.ownProps(n)
	if own["display"] == "none" || !clip && opacity(own["opacity"]) == 0 {
		return rect{}
	}
	st = st.inherit(own)
	if t, ok := n.attr("transform"); ok {
		if tm, err := parseTransform(t); err == nil {
			m = m.mul(tm)
		}
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
	case "image":
		b = c.imageBox(n, m)
	case "text":
		if strings.TrimSpace(textOf(n)) != "" {
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
	if c.uses++; c.uses > maxUses {
		c.err = fmt.Errorf("expands more than %d <use> references", maxUses)
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
		return c.children(t, m, st.inherit(c.sheet.ownProps(t)), clip)
	}
	if c.uses > 64 && isAncestorUse(n, t) {
		return rect{}
	}
	return c.element(t, m, st, clip)
}

// isAncestorUse guards against a <use> that refers to its own ancestor.
func isAncestorUse(use, target *node) bool {
	found := false
	target.walk(func(n *node) bool {
		found = found || n == use
		return !found
	})
	return found
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
	x0, y0, x1, y1, iw, ih, ok := opaqueBounds(n.href())
	if !ok {
		return rect{x, y, x + w, y + h, true}.transformed(m)
	}
	if x1 <= x0 || y1 <= y0 {
		return rect{}
	}
	// Place the bitmap in its box as preserveAspectRatio says, then take
	// its painted part.
	fit := viewBoxTransform(rect{0, 0, float64(iw), float64(ih), true}, w, h, n.attrOr("preserveAspectRatio", ""))
	px := rect{x0 * float64(iw), y0 * float64(ih), x1 * float64(iw), y1 * float64(ih), true}
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

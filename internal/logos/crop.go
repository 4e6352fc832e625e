package logos

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// CropMargin is the even margin left around a cropped drawing, as a share
// of its larger side.
const CropMargin = 0.02

// cropper computes what a document paints, in the root's user units.
type cropper struct {
	ids    map[string]*node
	sheet  stylesheet
	vw, vh float64 // the root viewport, for percentages
	err    error   // the first construct that cannot be measured
	uses   int     // <use> expansions so far, bounded against reference bombs
	visits int     // elements measured so far, bounded likewise
}

const maxVisits = 2000000

const maxUses = 10000

// viewBox reads the root's viewBox, or makes one from its width and height.
func viewBox(root *node) (rect, bool) {
	if v, ok := root.attr("viewBox"); ok {
		nums, err := parseNumbers(v)
		if err == nil && len(nums) == 4 && nums[2] > 0 && nums[3] > 0 {
			return rect{nums[0], nums[1], nums[0] + nums[2], nums[1] + nums[3], true}, true
		}
	}
	ws, _ := root.attr("width")
	hs, _ := root.attr("height")
	w, okw := parseLength(ws, 0)
	h, okh := parseLength(hs, 0)
	if okw && okh && w > 0 && h > 0 && !strings.HasSuffix(ws, "%") && !strings.HasSuffix(hs, "%") {
		return rect{0, 0, w, h, true}, true
	}
	return rect{}, false
}

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

// filtered widens b by what a filter's offsets, blurs and dilations paint
// around the source, within the filter region.
func (c *cropper) filtered(f *node, b rect, m matrix) rect {
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
		case "feFlood", "feTurbulence", "feImage", "feTile":
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

// formatNum writes v rounded to a step suited to a box of size size.
func formatNum(v, size float64) string {
	digits := 3 - int(math.Floor(math.Log10(math.Max(size, 1e-9))))
	if digits < 0 {
		digits = 0
	}
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
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

// Crop tightens the viewBox of a logo to its drawing plus an even margin,
// so that logos with uneven padding line up in tiles. It sanitizes first,
// and returns the logo uncropped, with the reason, when the drawing cannot
// be measured (text, for one); cropped says whether the viewBox changed.
func Crop(data []byte) (out []byte, cropped bool, err error) {
	doc, err := parseSVG(data)
	if err != nil {
		return nil, false, err
	}
	root, err := sanitizeTree(doc.root)
	if err != nil {
		return nil, false, err
	}
	cropped, err = cropTree(root)
	return render(root), cropped, err
}

// cropTree sets root's viewBox to the cropped box, or to its own viewBox
// when it cannot be measured, and drops width and height so that the logo
// scales to its tile.
func cropTree(root *node) (bool, error) {
	vb, ok := viewBox(root)
	if !ok {
		return false, errors.New("has neither a viewBox nor a width and height")
	}
	setViewBox(root, vb)
	b, err := drawingBox(root)
	if err != nil {
		return false, err
	}
	out, err := cropBox(b, vb)
	if err != nil {
		return false, err
	}
	if sameBox(out, vb) {
		return false, nil
	}
	setViewBox(root, out)
	return true, nil
}

// cropBox adds the margin to the part of the drawing inside the viewBox;
// where the viewBox cut the drawing, its edge stays, so nothing it hid
// comes into view.
func cropBox(b, vb rect) (rect, error) {
	in := b.intersect(vb)
	if !in.ok || in.w() <= 0 || in.h() <= 0 {
		return rect{}, errors.New("paints nothing inside its viewBox")
	}
	out := in.grow(CropMargin * math.Max(in.w(), in.h()))
	if b.minX < vb.minX {
		out.minX = math.Max(out.minX, vb.minX)
	}
	if b.minY < vb.minY {
		out.minY = math.Max(out.minY, vb.minY)
	}
	if b.maxX > vb.maxX {
		out.maxX = math.Min(out.maxX, vb.maxX)
	}
	if b.maxY > vb.maxY {
		out.maxY = math.Min(out.maxY, vb.maxY)
	}
	return out, nil
}

func sameBox(a, b rect) bool {
	eps := 1e-3 * math.Max(b.w(), b.h())
	return math.Abs(a.minX-b.minX) < eps && math.Abs(a.minY-b.minY) < eps &&
		math.Abs(a.maxX-b.maxX) < eps && math.Abs(a.maxY-b.maxY) < eps
}

func setViewBox(root *node, r rect) {
	size := math.Max(r.w(), r.h())
	root.setAttr("viewBox", strings.Join([]string{formatNum(r.minX, size), formatNum(r.minY, size),
		formatNum(r.w(), size), formatNum(r.h(), size)}, " "))
	root.delAttr("width")
	root.delAttr("height")
}

// Box is a rectangle in a logo's user units.
type Box struct{ X, Y, W, H float64 }

func (r rect) box() Box { return Box{r.minX, r.minY, r.w(), r.h()} }

// Measure is for tools that compare the cropper with a browser. It returns
// the logo sanitized, with its viewBox normalised and no width or height,
// the viewBox, and the box its drawing paints inside that viewBox (err says
// why there is none).
func Measure(data []byte) (svg []byte, drawing, vb Box, err error) {
	doc, err := parseSVG(data)
	if err != nil {
		return nil, Box{}, Box{}, err
	}
	root, err := sanitizeTree(doc.root)
	if err != nil {
		return nil, Box{}, Box{}, err
	}
	v, ok := viewBox(root)
	if !ok {
		return render(root), Box{}, Box{}, errors.New("has neither a viewBox nor a width and height")
	}
	setViewBox(root, v)
	svg = render(root)
	b, err := drawingBox(root)
	if err != nil {
		return svg, Box{}, v.box(), err
	}
	in := b.intersect(v)
	if !in.ok {
		return svg, Box{}, v.box(), errors.New("paints nothing inside its viewBox")
	}
	return svg, in.box(), v.box(), nil
}

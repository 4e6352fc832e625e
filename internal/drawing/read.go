package drawing

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/logos"
)

// Limits that keep a hostile logo from costing more than its size: <use>
// expansions and nesting through references.
const (
	maxUses     = 10000
	maxRefDepth = 64
)

type reader struct {
	ids      map[string]*elem
	sheet    sheet
	vb       Rect
	problems []string
	rasters  []*Image
	decoded  map[string]*Image // by href: a bitmap drawn again is decoded once
	uses     int
	depth    int
}

// Read turns a sanitized SVG logo into a Scene. It fails only when data is
// not an SVG document; what it cannot draw is listed in Scene.Problems.
func Read(data []byte) (*Scene, error) {
	root, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	return readTree(root)
}

func readTree(root *elem) (*Scene, error) {
	r := &reader{ids: map[string]*elem{}}
	var rs []rule
	var walk func(*elem)
	walk = func(e *elem) {
		if id := e.attr("id"); id != "" {
			if _, dup := r.ids[id]; !dup {
				r.ids[id] = e
			}
		}
		if e.name == "style" {
			rs = append(rs, rules(cssComment.ReplaceAllString(e.text.String(), " "), nil, 0)...)
		}
		for _, c := range e.children {
			walk(c)
		}
	}
	walk(root)
	r.sheet = parseSheet("", rs)
	vb, ok := rootViewBox(root)
	if !ok {
		return nil, errors.New("has neither a viewBox nor a width and height")
	}
	r.vb = vb
	sc := &Scene{ViewBox: vb, Root: &Group{Opacity: 1}}
	own := r.sheet.own(root)
	if own["display"] != "none" {
		st := style{}.with(own)
		nodes := r.children(root, Identity, st)
		if bg, ok := ParseColor(orDefault(own["background-color"], own["background"])); ok && bg.A > 0 {
			// A browser paints the root's CSS background under the drawing.
			var p Path
			p.Rectangle(vb.X, vb.Y, vb.W, vb.H, 0, 0)
			nodes = append([]Node{&Shape{M: Identity, Path: p, Fill: &Paint{Color: bg}}}, nodes...)
		}
		if n := r.effects(root, own, Identity, nodes); n != nil {
			sc.Root.Children = []Node{n}
		}
	}
	sc.Problems, sc.Rasters = r.problems, r.rasters
	return sc, nil
}

func (r *reader) problem(format string, args ...any) {
	p := fmt.Sprintf(format, args...)
	if !slices.Contains(r.problems, p) {
		r.problems = append(r.problems, p)
	}
}

func rootViewBox(root *elem) (Rect, bool) {
	if vb, ok := viewBoxOf(root); ok {
		return vb, true
	}
	w, okw := parseLength(root.attr("width"), 0)
	h, okh := parseLength(root.attr("height"), 0)
	if okw && okh && w > 0 && h > 0 {
		return Rect{0, 0, w, h}, true
	}
	return Rect{}, false
}

func viewBoxOf(e *elem) (Rect, bool) {
	v, err := logos.ParseNumbers(e.attr("viewBox"))
	if err != nil || len(v) != 4 || v[2] <= 0 || v[3] <= 0 {
		return Rect{}, false
	}
	return Rect{v[0], v[1], v[2], v[3]}, true
}

// children draws e's child elements; a switch draws only its first.
func (r *reader) children(e *elem, m Matrix, st style) []Node {
	var out []Node
	for _, c := range e.children {
		if n := r.element(c, m, st); n != nil {
			out = append(out, n)
		}
		if e.name == "switch" {
			break
		}
	}
	return out
}

// element draws e under m with the inherited style st.
func (r *reader) element(e *elem, m Matrix, st style) Node {
	if r.depth++; r.depth > maxDepth {
		r.problem("nests elements deeper than %d", maxDepth)
		r.depth--
		return nil
	}
	defer func() { r.depth-- }()
	own := r.sheet.own(e)
	if own["display"] == "none" {
		return nil
	}
	st = st.with(own)
	if t := e.attr("transform"); t != "" {
		if v, err := logos.ParseTransform(t); err == nil {
			m = m.Mul(Matrix{v[0], v[1], v[2], v[3], v[4], v[5]})
		}
	}
	var nodes []Node
	switch e.name {
	case "g", "a", "switch":
		nodes = r.children(e, m, st)
	case "svg":
		nodes = r.nestedSVG(e, m, st)
	case "use":
		nodes = r.use(e, m, st)
	case "path", "rect", "circle", "ellipse", "line", "polyline", "polygon":
		if s := r.shape(e, m, st); s != nil {
			nodes = []Node{s}
		}
	case "image":
		nodes = r.image(e, m)
	case "text":
		if strings.TrimSpace(e.allText()) != "" {
			r.problem("text")
		}
	}
	if len(nodes) == 0 {
		return nil
	}
	return r.effects(e, own, m, nodes)
}

// effects wraps what e draws in a group for its opacity, clip-path and
// mask, and notes the effects the drawing does not support.
func (r *reader) effects(e *elem, own map[string]string, m Matrix, nodes []Node) Node {
	if v := own["filter"]; v != "" && v != "none" {
		r.problem("filter")
	}
	if v := own["mix-blend-mode"]; v != "" && v != "normal" {
		r.problem("mix-blend-mode %s", v)
	}
	g := &Group{Opacity: clamp01(opacity(own["opacity"])), Children: nodes}
	if g.Opacity == 0 {
		return nil
	}
	if v := own["clip-path"]; v != "" && v != "none" {
		if t := r.ref(v); t != nil && t.name == "clipPath" {
			g.Clip = r.clip(t, m, func() Rect { return localBounds(nodes, m) })
		}
	}
	if v := own["mask"]; v != "" && v != "none" {
		if t := r.ref(v); t != nil && t.name == "mask" {
			g.Mask, g.MaskAlpha = r.mask(t, m, func() Rect { return localBounds(nodes, m) })
		}
	}
	if g.plain() && len(nodes) == 1 {
		return nodes[0]
	}
	return g
}

// localBounds is the box of nodes in the user space that m maps to the root.
func localBounds(nodes []Node, m Matrix) Rect {
	inv, ok := m.Invert()
	if !ok {
		return Rect{}
	}
	var p Path
	b := (&Group{Children: nodes}).bounds()
	p.Rectangle(b.X, b.Y, b.W, b.H, 0, 0)
	return p.Transform(inv).Bounds()
}

// ref finds the element named by url(#id) or #id.
func (r *reader) ref(v string) *elem {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "url(") {
		end := strings.IndexByte(v, ')')
		if end < 0 {
			return nil
		}
		v = strings.Trim(v[4:end], ` "'`)
	}
	if !strings.HasPrefix(v, "#") {
		return nil
	}
	return r.ids[v[1:]]
}

func (r *reader) use(e *elem, m Matrix, st style) []Node {
	t := r.ref(e.attrs["href"])
	if t == nil {
		return nil
	}
	if r.uses++; r.uses > maxUses {
		r.problem("expands more than %d <use> references", maxUses)
		return nil
	}
	if r.depth > maxRefDepth {
		r.problem("nests references deeper than %d", maxRefDepth)
		return nil
	}
	x, _ := parseLength(e.attr("x"), r.vb.W)
	y, _ := parseLength(e.attr("y"), r.vb.H)
	m = m.Mul(Translate(x, y))
	if t.name != "symbol" {
		if n := r.element(t, m, st); n != nil {
			return []Node{n}
		}
		return nil
	}
	own := r.sheet.own(t)
	if own["display"] == "none" {
		return nil
	}
	w, okw := parseLength(orDefault(e.attr("width"), "100%"), r.vb.W)
	h, okh := parseLength(orDefault(e.attr("height"), "100%"), r.vb.H)
	var clip []Clip
	if vb, ok := viewBoxOf(t); ok && okw && okh {
		if t.attr("overflow") != "visible" {
			clip = []Clip{rectClip(m, Rect{0, 0, w, h})}
		}
		m = m.Mul(viewBoxTransform(vb, w, h, t.attr("preserveAspectRatio")))
	}
	nodes := r.children(t, m, st.with(own))
	if clip != nil && len(nodes) > 0 {
		nodes = []Node{&Group{Opacity: 1, Clip: clip, Children: nodes}}
	}
	if n := r.effects(t, own, m, nodes); n != nil {
		return []Node{n}
	}
	return nil
}

func (r *reader) nestedSVG(e *elem, m Matrix, st style) []Node {
	x, _ := parseLength(e.attr("x"), r.vb.W)
	y, _ := parseLength(e.attr("y"), r.vb.H)
	w, _ := parseLength(orDefault(e.attr("width"), "100%"), r.vb.W)
	h, _ := parseLength(orDefault(e.attr("height"), "100%"), r.vb.H)
	m = m.Mul(Translate(x, y))
	clip := rectClip(m, Rect{0, 0, w, h})
	if vb, ok := viewBoxOf(e); ok {
		m = m.Mul(viewBoxTransform(vb, w, h, e.attr("preserveAspectRatio")))
	}
	nodes := r.children(e, m, st)
	if len(nodes) == 0 || e.attr("overflow") == "visible" {
		return nodes
	}
	return []Node{&Group{Opacity: 1, Clip: []Clip{clip}, Children: nodes}}
}

func rectClip(m Matrix, b Rect) Clip {
	var p Path
	p.Rectangle(b.X, b.Y, b.W, b.H, 0, 0)
	return Clip{M: m, Path: p}
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// viewBoxTransform maps a viewBox onto a w×h viewport following
// preserveAspectRatio (default xMidYMid meet).
func viewBoxTransform(vb Rect, w, h float64, par string) Matrix {
	sx, sy := w/vb.W, h/vb.H
	f := strings.Fields(par)
	align, slice := "xMidYMid", false
	if len(f) > 0 {
		align = f[0]
	}
	if len(f) > 1 {
		slice = f[1] == "slice"
	}
	if align == "none" {
		return Matrix{A: sx, D: sy, E: -vb.X * sx, F: -vb.Y * sy}
	}
	s := math.Min(sx, sy)
	if slice {
		s = math.Max(sx, sy)
	}
	tx, ty := -vb.X*s, -vb.Y*s
	switch {
	case strings.Contains(align, "xMid"):
		tx += (w - vb.W*s) / 2
	case strings.Contains(align, "xMax"):
		tx += w - vb.W*s
	}
	switch {
	case strings.Contains(align, "YMid"):
		ty += (h - vb.H*s) / 2
	case strings.Contains(align, "YMax"):
		ty += h - vb.H*s
	}
	return Matrix{A: s, D: s, E: tx, F: ty}
}

var unitScale = map[string]float64{"": 1, "px": 1, "pt": 4.0 / 3, "pc": 16, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96, "em": 16, "ex": 8, "rem": 16}

// parseLength reads a length in user units; percentages are of ref.
func parseLength(v string, ref float64) (float64, bool) {
	v = strings.TrimSpace(v)
	i := strings.IndexFunc(v, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E')
	})
	num, unit := v, ""
	if i >= 0 {
		num, unit = v[:i], strings.ToLower(strings.TrimSpace(v[i:]))
	}
	if strings.HasSuffix(num, "e") || strings.HasSuffix(num, "E") { // "1em": the e is the unit's
		num, unit = num[:len(num)-1], "e"+unit
	}
	f, err := parseFloat(num)
	if err != nil {
		return 0, false
	}
	if unit == "%" {
		return f * ref / 100, true
	}
	k, ok := unitScale[unit]
	return f * k, ok
}

// opacity reads an opacity value, 1 when unset or unreadable.
func opacity(v string) float64 {
	v = strings.TrimSpace(v)
	if v == "" {
		return 1
	}
	pct := strings.HasSuffix(v, "%")
	f, err := parseFloat(strings.TrimSuffix(v, "%"))
	if err != nil {
		return 1
	}
	if pct {
		f /= 100
	}
	return f
}

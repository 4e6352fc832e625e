package drawing

import (
	"errors"
	"math"
	"strings"

	"github.com/serverless-landscape/landscape/internal/logos"
)

var errNegative = errors.New("negative")

// paint resolves a fill or stroke value with its opacity; bbox is the
// shape's box, for gradients in objectBoundingBox units. nil paints nothing.
func (r *reader) paint(v, op string, st style, bbox func() Rect) *Paint {
	v = strings.TrimSpace(v)
	a := clamp01(opacity(op))
	if v == "none" || a == 0 {
		return nil
	}
	if strings.HasPrefix(v, "url(") {
		end := strings.IndexByte(v, ')')
		t := r.ref(v)
		switch {
		case t != nil && (t.name == "linearGradient" || t.name == "radialGradient"):
			return r.gradient(t, a, bbox)
		case t != nil && t.name == "pattern":
			r.problem("pattern")
			return nil
		}
		if end < 0 {
			return nil
		}
		v = strings.TrimSpace(v[end+1:]) // the fallback colour, if any
		if v == "" {
			return nil
		}
	}
	c, ok := r.color(v, st)
	if !ok {
		c = Black
	}
	c.A *= a
	if c.A == 0 {
		return nil
	}
	return &Paint{Color: c}
}

func (r *reader) color(v string, st style) (Color, bool) {
	if strings.EqualFold(v, "currentColor") {
		c, ok := ParseColor(st["color"])
		if !ok {
			return Black, true
		}
		return c, true
	}
	return ParseColor(v)
}

// gradientAttrs reads a gradient's attributes and stops, following href to
// the gradients it inherits from.
func (r *reader) gradientAttrs(t *elem) (map[string]string, []*elem) {
	attrs := map[string]string{}
	var stops []*elem
	for i, g := 0, t; g != nil && i < 16; i++ {
		if g.name != "linearGradient" && g.name != "radialGradient" {
			break
		}
		for k, v := range g.attrs {
			if _, ok := attrs[k]; !ok {
				attrs[k] = strings.TrimSpace(v)
			}
		}
		if stops == nil {
			for _, c := range g.children {
				if c.name == "stop" {
					stops = append(stops, c)
				}
			}
		}
		g = r.ref(g.attrs["href"])
	}
	return attrs, stops
}

func (r *reader) gradient(t *elem, a float64, bbox func() Rect) *Paint {
	attrs, stopElems := r.gradientAttrs(t)
	g := &Gradient{Radial: t.name == "radialGradient", Spread: orDefault(attrs["spreadMethod"], "pad"), Opacity: a, M: Identity}
	last := 0.0
	for _, s := range stopElems {
		own := r.sheet.own(s)
		st := style{}.with(own)
		off := opacity(orDefault(s.attr("offset"), "0"))
		off = math.Max(last, clamp01(off))
		last = off
		c, ok := r.color(orDefault(st["stop-color"], "black"), st)
		if !ok {
			c = Black
		}
		c.A *= clamp01(opacity(st["stop-opacity"]))
		g.Stops = append(g.Stops, Stop{off, c})
	}
	if len(g.Stops) == 0 {
		return nil
	}
	if len(g.Stops) == 1 {
		c := g.Stops[0].Color
		c.A *= a
		return &Paint{Color: c}
	}
	bboxUnits := attrs["gradientUnits"] != "userSpaceOnUse"
	ref := func(name, def string, size float64) float64 {
		v := orDefault(attrs[name], def)
		if bboxUnits {
			return opacity(v) // a number or a percentage of the box
		}
		f, _ := parseLength(v, size)
		return f
	}
	w, h, diag := r.vb.W, r.vb.H, math.Hypot(r.vb.W, r.vb.H)/math.Sqrt2
	if g.Radial {
		g.Cx, g.Cy, g.R = ref("cx", "50%", w), ref("cy", "50%", h), ref("r", "50%", diag)
		g.Fx, g.Fy = g.Cx, g.Cy
		if _, ok := attrs["fx"]; ok {
			g.Fx = ref("fx", "50%", w)
		}
		if _, ok := attrs["fy"]; ok {
			g.Fy = ref("fy", "50%", h)
		}
		if g.R <= 0 {
			c := g.Stops[len(g.Stops)-1].Color
			c.A *= a
			return &Paint{Color: c}
		}
	} else {
		g.X1, g.Y1, g.X2, g.Y2 = ref("x1", "0%", w), ref("y1", "0%", h), ref("x2", "100%", w), ref("y2", "0%", h)
	}
	if bboxUnits {
		b := bbox()
		if b.W <= 0 || b.H <= 0 {
			return nil
		}
		g.M = Matrix{A: b.W, D: b.H, E: b.X, F: b.Y}
	}
	if tr := attrs["gradientTransform"]; tr != "" {
		if v, err := logos.ParseTransform(tr); err == nil {
			g.M = g.M.Mul(Matrix{v[0], v[1], v[2], v[3], v[4], v[5]})
		}
	}
	return &Paint{Gradient: g}
}

// clip reads a clipPath: the union of its shapes, under m.
func (r *reader) clip(t *elem, m Matrix, bbox func() Rect) []Clip {
	if t.attr("clipPathUnits") == "objectBoundingBox" {
		b := bbox()
		m = m.Mul(Matrix{A: b.W, D: b.H, E: b.X, F: b.Y})
	}
	if tr := t.attr("transform"); tr != "" {
		if v, err := logos.ParseTransform(tr); err == nil {
			m = m.Mul(Matrix{v[0], v[1], v[2], v[3], v[4], v[5]})
		}
	}
	if v := r.sheet.own(t)["clip-path"]; v != "" && v != "none" {
		r.problem("clip-path on a clipPath")
	}
	st := style{}.with(r.sheet.own(t))
	out := []Clip{} // not nil: a clipPath with no shapes clips everything away
	var add func(e *elem, m Matrix, st style, depth int)
	add = func(e *elem, m Matrix, st style, depth int) {
		own := r.sheet.own(e)
		if own["display"] == "none" || depth > 8 {
			return
		}
		st = st.with(own)
		if v := st["visibility"]; v == "hidden" || v == "collapse" {
			return
		}
		if tr := e.attr("transform"); tr != "" {
			if v, err := logos.ParseTransform(tr); err == nil {
				m = m.Mul(Matrix{v[0], v[1], v[2], v[3], v[4], v[5]})
			}
		}
		if v := own["clip-path"]; v != "" && v != "none" {
			r.problem("clip-path inside a clipPath")
		}
		switch e.name {
		case "use":
			if u := r.ref(e.attrs["href"]); u != nil {
				x, _ := parseLength(e.attr("x"), r.vb.W)
				y, _ := parseLength(e.attr("y"), r.vb.H)
				add(u, m.Mul(Translate(x, y)), st, depth+1)
			}
		case "text":
			if strings.TrimSpace(e.allText()) != "" {
				r.problem("text")
			}
		default:
			if p, ok := r.geometry(e); ok {
				out = append(out, Clip{M: m, Path: p, EvenOdd: st["clip-rule"] == "evenodd"})
			}
		}
	}
	for _, c := range t.children {
		add(c, m, st, 0)
	}
	return out
}

// mask reads a mask element into the group it paints, clipped to the
// mask's region.
func (r *reader) mask(t *elem, m Matrix, bbox func() Rect) (*Group, bool) {
	own := r.sheet.own(t)
	region := Rect{-0.1, -0.1, 1.2, 1.2}
	if t.attr("maskUnits") == "userSpaceOnUse" {
		x, _ := parseLength(orDefault(t.attr("x"), "-10%"), r.vb.W)
		y, _ := parseLength(orDefault(t.attr("y"), "-10%"), r.vb.H)
		w, _ := parseLength(orDefault(t.attr("width"), "120%"), r.vb.W)
		h, _ := parseLength(orDefault(t.attr("height"), "120%"), r.vb.H)
		region = Rect{x, y, w, h}
	} else {
		b := bbox()
		f := func(name, def string) float64 { return opacity(orDefault(t.attr(name), def)) }
		region = Rect{b.X + f("x", "-10%")*b.W, b.Y + f("y", "-10%")*b.H, f("width", "120%") * b.W, f("height", "120%") * b.H}
	}
	cm := m
	if t.attr("maskContentUnits") == "objectBoundingBox" {
		b := bbox()
		cm = m.Mul(Matrix{A: b.W, D: b.H, E: b.X, F: b.Y})
	}
	g := &Group{Opacity: 1, Clip: []Clip{rectClip(m, region)}, Children: r.children(t, cm, style{}.with(own))}
	return g, own["mask-type"] == "alpha"
}

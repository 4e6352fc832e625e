package drawing

import (
	"fmt"
	"io"
	"math"
	"strconv"
)

// content is one content stream being written. Coordinates are written
// with dec decimals: enough for a ten-thousandth of the logo's size (or a
// hundredth of a CSS pixel on the page) in the current user space, which
// is finer than any print shows and keeps the file lean.
type content struct {
	d    *pdfDoc
	b    []byte
	gray bool    // draw every colour as its grey
	unit float64 // the coarsest step that still draws exactly, in the current space
	dec  int
}

func newContent(d *pdfDoc, gray bool, unit float64) *content {
	c := &content{d: d, gray: gray}
	c.setUnit(unit)
	return c
}

func (c *content) setUnit(u float64) {
	c.unit = u
	if u <= 0 || math.IsNaN(u) || math.IsInf(u, 0) {
		c.dec = 4
		return
	}
	c.dec = max(0, min(9, int(math.Ceil(-math.Log10(u)))))
}

// under is the unit in the space that m maps into the current one.
func (c *content) under(m Matrix) float64 {
	k := m.Scale()
	if k == 0 {
		return c.unit
	}
	return c.unit / k
}

func (c *content) op(s string) { c.b = append(c.b, s...); c.b = append(c.b, '\n') }

func (c *content) num(f float64) { c.b = appendNum(c.b, f, c.dec); c.b = append(c.b, ' ') }

// cm writes a transform: its linear part to five significant digits, its
// translation at the current precision.
func (c *content) cm(m Matrix) {
	big := math.Max(math.Max(math.Abs(m.A), math.Abs(m.B)), math.Max(math.Abs(m.C), math.Abs(m.D)))
	dec := 5
	if big > 0 {
		dec = max(0, min(9, 5-int(math.Floor(math.Log10(big)))))
	}
	for _, v := range []float64{m.A, m.B, m.C, m.D} {
		c.b = appendNum(c.b, v, dec)
		c.b = append(c.b, ' ')
	}
	c.num(m.E)
	c.num(m.F)
	c.op("cm")
}

func (c *content) path(p Path) {
	i := 0
	for _, op := range p.Ops {
		switch op {
		case MoveTo, LineTo:
			c.num(p.Pts[i].X)
			c.num(p.Pts[i].Y)
			if op == MoveTo {
				c.op("m")
			} else {
				c.op("l")
			}
			i++
		case CubeTo:
			for _, q := range p.Pts[i : i+3] {
				c.num(q.X)
				c.num(q.Y)
			}
			c.op("c")
			i += 3
		case Close:
			c.op("h")
		}
	}
}

func (c *content) color(col Color, stroke bool) {
	if c.gray {
		col = col.Gray()
	}
	for _, v := range []float64{col.R, col.G, col.B} {
		c.b = appendNum(c.b, v, 3)
		c.b = append(c.b, ' ')
	}
	if stroke {
		c.op("RG")
	} else {
		c.op("rg")
	}
}

func (c *content) node(n Node) {
	switch n := n.(type) {
	case *Shape:
		c.shape(n)
	case *Image:
		c.op("q")
		b := n.Img.Bounds()
		c.cm(n.M.Mul(Matrix{A: float64(b.Dx()), D: -float64(b.Dy()), E: float64(b.Min.X), F: float64(b.Min.Y + b.Dy())}))
		c.op(c.d.image(n, c.gray) + " Do")
		c.op("Q")
	case *Group:
		c.group(n)
	}
}

func (c *content) shape(s *Shape) {
	c.op("q")
	c.cm(s.M)
	outer := c.unit
	c.setUnit(c.under(s.M))
	defer c.setUnit(outer)
	if s.Fill != nil {
		fillOp, clipOp := "f", "W n"
		if s.EvenOdd {
			fillOp, clipOp = "f*", "W* n"
		}
		c.paint(s.Fill, func() { c.path(s.Path) }, fillOp, clipOp, false)
	}
	if s.Stroke != nil {
		c.num(s.Width)
		c.op("w " + strconv.Itoa(s.Cap) + " J " + strconv.Itoa(s.Join) + " j " + fnum(s.Miter) + " M")
		if len(s.Dash) > 0 {
			c.b = append(c.b, '[')
			for _, v := range s.Dash {
				c.num(v)
			}
			c.b = append(c.b, ']', ' ')
			c.num(s.DashOff)
			c.op("d")
		}
		if s.Stroke.Gradient == nil {
			c.paint(s.Stroke, func() { c.path(s.Path) }, "S", "", true)
		} else {
			// PDF cannot clip to a stroke: clip to the stroke's outline,
			// computed finely enough for print.
			k := 1000 / math.Max(1e-9, math.Max(s.Path.Bounds().W, s.Path.Bounds().H))
			outline := strokeOutline(&Shape{Path: s.Path, Width: s.Width, Cap: s.Cap, Join: s.Join, Miter: s.Miter, Dash: s.Dash, DashOff: s.DashOff}, ScaleBy(k, k))
			c.paint(s.Stroke, func() { c.path(outline.Transform(ScaleBy(1/k, 1/k))) }, "f", "W n", false)
		}
	}
	c.op("Q")
}

// paint fills or strokes the path that draw writes with p.
func (c *content) paint(p *Paint, draw func(), paintOp, clipOp string, stroke bool) {
	if g := p.Gradient; g != nil {
		c.op("q")
		draw()
		c.op(clipOp)
		if a, uniform := stopAlpha(g); uniform {
			if a*g.Opacity < 1 {
				c.op(c.d.alpha(a*g.Opacity) + " gs")
			}
		} else { // a soft mask of the stops' opacity, drawn the same way
			m := newContent(c.d, false, c.unit)
			m.op("q")
			m.cm(g.M)
			m.op(c.d.shading(g, false, true) + " sh")
			m.op("Q")
			form, _ := c.d.form(m.b, Rect{-1e5, -1e5, 2e5, 2e5}, true)
			c.op(c.d.softMask(form, false) + " gs")
			if g.Opacity < 1 {
				c.op(c.d.alpha(g.Opacity) + " gs")
			}
		}
		c.cm(g.M)
		c.op(c.d.shading(g, c.gray, false) + " sh")
		c.op("Q")
		return
	}
	if p.Color.A < 1 {
		c.op(c.d.alpha(p.Color.A) + " gs")
	}
	c.color(p.Color, stroke)
	draw()
	c.op(paintOp)
	if p.Color.A < 1 {
		c.op(c.d.alpha(1) + " gs")
	}
}

// stopAlpha is the opacity of the stops when they all share one.
func stopAlpha(g *Gradient) (float64, bool) {
	a := g.Stops[0].Color.A
	for _, s := range g.Stops[1:] {
		if math.Abs(s.Color.A-a) > 1e-3 {
			return 0, false
		}
	}
	return a, true
}

func (c *content) group(g *Group) {
	if g.plain() {
		for _, ch := range g.Children {
			c.node(ch)
		}
		return
	}
	if g.Clip != nil && len(g.Clip) == 0 {
		return // clipped away
	}
	c.op("q")
	if g.Clip != nil {
		for _, cl := range g.Clip {
			c.path(cl.Path.Transform(cl.M))
		}
		if len(g.Clip) == 1 && g.Clip[0].EvenOdd {
			c.op("W* n")
		} else {
			c.op("W n")
		}
	}
	if g.Mask != nil {
		m := newContent(c.d, false, c.unit)
		m.group(&Group{Opacity: 1, Clip: g.Mask.Clip, Children: g.Mask.Children})
		form, _ := c.d.form(m.b, g.Mask.bounds(), false)
		c.op(c.d.softMask(form, g.MaskAlpha) + " gs")
	}
	if g.Opacity < 1 {
		c.op(c.d.alpha(g.Opacity) + " gs")
	}
	if g.Mask == nil && g.Opacity >= 1 {
		// A clip alone needs no transparency group.
		for _, ch := range g.Children {
			c.node(ch)
		}
		c.op("Q")
		return
	}
	inner := newContent(c.d, c.gray, c.unit)
	for _, ch := range g.Children {
		inner.node(ch)
	}
	_, nm := c.d.form(inner.b, g.bounds(), false)
	c.op(nm + " Do")
	c.op("Q")
}

// NewPDFForm draws a scene in its user space as a self-contained form,
// its colours as greys when gray.
func NewPDFForm(sc *Scene, gray bool) *PDFForm {
	f := &PDFForm{}
	d := &pdfDoc{offsets: []int{0}, frag: f, images: map[imageKey]string{}, alphas: map[float64]string{}}
	d.resources = d.alloc()
	c := newContent(d, gray, math.Max(sc.ViewBox.W, sc.ViewBox.H)/1e4)
	c.node(sc.Root)
	f.Root, _ = d.form(c.b, sc.ViewBox, false)
	d.object(d.resources, fmt.Sprintf("<</XObject<<%s>>/ExtGState<<%s>>/Shading<<%s>>>>", d.xobjects, d.extg, d.shadings), nil)
	return f
}

// logoForm places a logo's form in the document once per colouring and
// names it.
func (d *pdfDoc) logoForm(a *Art, gray bool) string {
	k := formKey{a, gray}
	if nm, ok := d.forms[k]; ok {
		return nm
	}
	f := a.Forms[gray]
	if f == nil && a.scene != nil {
		f = NewPDFForm(a.scene, gray)
	}
	if f == nil {
		return ""
	}
	nm := d.place(f)
	d.forms[k] = nm
	return nm
}

// pdfScale is the PDF's size: 0.75 pt per CSS pixel.
const pdfScale = 0.75

// WritePDF writes the page as a one-page vector PDF, 0.75 pt per CSS
// pixel, with every Link a clickable area. Each logo is one form, drawn
// once and placed wherever the logo appears.
func (pg *Page) WritePDF(w io.Writer) error {
	d := newPDF(w)
	const k = pdfScale
	c := newContent(d, false, 0.01)
	c.cm(Matrix{A: k, D: -k, F: pg.H * k})
	c.color(pg.Background, false)
	c.num(0)
	c.num(0)
	c.num(pg.W)
	c.num(pg.H)
	c.op("re f")
	var annots []byte
	var walk func(items []Item)
	walk = func(items []Item) {
		for _, it := range items {
			switch it := it.(type) {
			case *Box:
				pdfBox(c, it)
			case *Text:
				c.color(it.Color, false)
				c.path(it.Path())
				c.op("f")
			case *Logo:
				nm := d.logoForm(it.Art, it.Gray)
				if nm == "" {
					continue
				}
				c.op("q")
				if it.Gray {
					c.op(d.alpha(archivedOpacity) + " gs")
				}
				c.cm(it.Art.Fit(it.X, it.Y, it.W, it.H))
				c.op(nm + " Do")
				c.op("Q")
			case *Link:
				walk(it.Items)
				n := d.alloc()
				d.object(n, fmt.Sprintf("<</Type/Annot/Subtype/Link/Rect[%s %s %s %s]/Border[0 0 0]/A<</S/URI/URI(%s)>>>>",
					fnum(it.X*k), fnum((pg.H-it.Y-it.H)*k), fnum((it.X+it.W)*k), fnum((pg.H-it.Y)*k), pdfString(it.URL)), nil)
				annots = fmt.Appendf(annots, " %d 0 R", n)
			}
		}
	}
	walk(pg.Items)
	contents, page, pages, catalog := d.alloc(), d.alloc(), d.alloc(), d.alloc()
	d.object(contents, "", c.b)
	d.object(page, fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 %s %s]/Resources %d 0 R/Contents %d 0 R/Annots[%s]>>",
		pages, fnum(pg.W*k), fnum(pg.H*k), d.resources, contents, annots), nil)
	d.object(pages, fmt.Sprintf("<</Type/Pages/Kids[%d 0 R]/Count 1>>", page), nil)
	d.object(catalog, fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages), nil)
	return d.finish(catalog)
}

func pdfBox(c *content, b *Box) {
	if b.Fill != nil {
		c.color(*b.Fill, false)
		c.path(b.Path())
		c.op("f")
	}
	if b.Stroke != nil {
		c.color(*b.Stroke, true)
		c.num(b.StrokeWidth)
		c.op("w")
		if b.Dashed {
			c.b = append(c.b, '[')
			c.num(3 * b.StrokeWidth)
			c.op("] 0 d")
		}
		c.path(b.Path())
		c.op("S")
		if b.Dashed {
			c.op("[] 0 d")
		}
	}
}

// pdfString escapes a literal string's delimiters; URLs are ASCII.
func pdfString(s string) string {
	var b []byte
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20 || r > 0x7e:
			b = fmt.Appendf(b, "%%%02X", r) // URLs from the site model are ASCII; anything else is percent-encoded
		default:
			b = append(b, byte(r))
		}
	}
	return string(b)
}

package drawing

import (
	"bytes"
	"fmt"
	"math"
)

// content is one content stream being written.
type content struct {
	d    *pdfDoc
	b    bytes.Buffer
	gray bool // draw every colour as its grey
}

func (c *content) op(format string, args ...any) {
	fmt.Fprintf(&c.b, format, args...)
	c.b.WriteByte('\n')
}

func (c *content) cm(m Matrix) {
	c.op("%s %s %s %s %s %s cm", fnum(m.A), fnum(m.B), fnum(m.C), fnum(m.D), fnum(m.E), fnum(m.F))
}

func (c *content) path(p Path) {
	p.each(func(op byte, pts []Point) {
		switch op {
		case MoveTo:
			c.op("%s %s m", fnum(pts[0].X), fnum(pts[0].Y))
		case LineTo:
			c.op("%s %s l", fnum(pts[0].X), fnum(pts[0].Y))
		case CubeTo:
			c.op("%s %s %s %s %s %s c", fnum(pts[0].X), fnum(pts[0].Y), fnum(pts[1].X), fnum(pts[1].Y), fnum(pts[2].X), fnum(pts[2].Y))
		case Close:
			c.b.WriteString("h\n")
		}
	})
}

func (c *content) color(col Color, stroke bool) {
	if c.gray {
		col = col.Gray()
	}
	op := "rg"
	if stroke {
		op = "RG"
	}
	c.op("%s %s %s %s", fnum(col.R), fnum(col.G), fnum(col.B), op)
}

func (c *content) node(n Node) {
	switch n := n.(type) {
	case *Shape:
		c.shape(n)
	case *Image:
		c.op("q")
		b := n.Img.Bounds()
		c.cm(n.M.Mul(Matrix{A: float64(b.Dx()), D: -float64(b.Dy()), E: float64(b.Min.X), F: float64(b.Min.Y + b.Dy())}))
		c.op("%s Do", c.d.image(n, c.gray))
		c.op("Q")
	case *Group:
		c.group(n)
	}
}

func (c *content) shape(s *Shape) {
	c.op("q")
	c.cm(s.M)
	if s.Fill != nil {
		fillOp, clipOp := "f", "W n"
		if s.EvenOdd {
			fillOp, clipOp = "f*", "W* n"
		}
		c.paint(s.Fill, func() { c.path(s.Path) }, fillOp, clipOp, false)
	}
	if s.Stroke != nil {
		c.op("%s w %d J %d j %s M", fnum(s.Width), s.Cap, s.Join, fnum(s.Miter))
		if len(s.Dash) > 0 {
			var b bytes.Buffer
			for i, v := range s.Dash {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(fnum(v))
			}
			c.op("[%s] %s d", b.String(), fnum(s.DashOff))
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
		c.op("%s", clipOp)
		if a, uniform := stopAlpha(g); uniform {
			if a*g.Opacity < 1 {
				c.op("%s gs", c.d.alpha(a*g.Opacity))
			}
		} else { // a soft mask of the stops' opacity, drawn the same way
			m := &content{d: c.d}
			m.op("q")
			m.cm(g.M)
			m.op("%s sh", c.d.shading(g, false, true))
			m.op("Q")
			c.op("%s gs", c.d.softMask(c.d.form(m.b.Bytes(), Rect{-1e5, -1e5, 2e5, 2e5}, true), false))
			if g.Opacity < 1 {
				c.op("%s gs", c.d.alpha(g.Opacity))
			}
		}
		c.cm(g.M)
		c.op("%s sh", c.d.shading(g, c.gray, false))
		c.op("Q")
		return
	}
	if p.Color.A < 1 {
		c.op("%s gs", c.d.alpha(p.Color.A))
	}
	c.color(p.Color, stroke)
	draw()
	c.op("%s", paintOp)
	if p.Color.A < 1 {
		c.op("%s gs", c.d.alpha(1))
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
	c.op("q")
	if g.Clip != nil {
		if len(g.Clip) == 0 {
			c.op("Q")
			return
		}
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
		m := &content{d: c.d}
		m.group(&Group{Opacity: 1, Clip: g.Mask.Clip, Children: g.Mask.Children})
		c.op("%s gs", c.d.softMask(c.d.form(m.b.Bytes(), g.Mask.bounds(), false), g.MaskAlpha))
	}
	if g.Opacity < 1 {
		c.op("%s gs", c.d.alpha(g.Opacity))
	}
	inner := &content{d: c.d, gray: c.gray}
	for _, ch := range g.Children {
		inner.node(ch)
	}
	c.op("%s Do", c.d.form(inner.b.Bytes(), g.bounds(), false))
	c.op("Q")
}

// sceneForm names the form that draws a scene in its user space, once per
// scene and colouring.
func (d *pdfDoc) sceneForm(sc *Scene, gray bool) string {
	k := formKey{sc, gray}
	if name, ok := d.forms[k]; ok {
		return name
	}
	c := &content{d: d, gray: gray}
	c.node(sc.Root)
	name := d.form(c.b.Bytes(), sc.ViewBox, false)
	d.forms[k] = name
	return name
}

// PDF writes the page as a one-page vector PDF, 0.75 pt per CSS pixel,
// with every Link a clickable area.
func (pg *Page) PDF() ([]byte, error) {
	d := newPDF()
	const k = 0.75
	c := &content{d: d}
	c.cm(Matrix{A: k, D: -k, F: pg.H * k})
	c.color(pg.Background, false)
	c.op("0 0 %s %s re f", fnum(pg.W), fnum(pg.H))
	var annots []string
	var walk func(items []Item)
	walk = func(items []Item) {
		for _, it := range items {
			switch it := it.(type) {
			case *Box:
				pg.pdfBox(c, it)
			case *Text:
				c.color(it.Color, false)
				c.path(it.Path())
				c.op("f")
			case *Logo:
				c.op("q")
				if it.Gray {
					c.op("%s gs", d.alpha(archivedOpacity))
				}
				c.cm(it.Scene.Fit(it.X, it.Y, it.W, it.H))
				c.op("%s Do", d.sceneForm(it.Scene, it.Gray))
				c.op("Q")
			case *Link:
				walk(it.Items)
				n := d.alloc()
				d.object(n, fmt.Sprintf("<</Type/Annot/Subtype/Link/Rect[%s %s %s %s]/Border[0 0 0]/A<</S/URI/URI(%s)>>>>",
					fnum(it.X*k), fnum((pg.H-it.Y-it.H)*k), fnum((it.X+it.W)*k), fnum((pg.H-it.Y)*k), pdfString(it.URL)), nil)
				annots = append(annots, fmt.Sprintf("%d 0 R", n))
			}
		}
	}
	walk(pg.Items)
	contents, page, pages, catalog := d.alloc(), d.alloc(), d.alloc(), d.alloc()
	d.object(contents, "", c.b.Bytes())
	d.object(page, fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 %s %s]/Resources %d 0 R/Contents %d 0 R/Annots[%s]>>",
		pages, fnum(pg.W*k), fnum(pg.H*k), d.resources, contents, joinSpace(annots)), nil)
	d.object(pages, fmt.Sprintf("<</Type/Pages/Kids[%d 0 R]/Count 1>>", page), nil)
	d.object(catalog, fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages), nil)
	return d.finish(catalog), nil
}

func (pg *Page) pdfBox(c *content, b *Box) {
	if b.Fill != nil {
		c.color(*b.Fill, false)
		c.path(b.Path())
		c.op("f")
	}
	if b.Stroke != nil {
		c.color(*b.Stroke, true)
		c.op("%s w", fnum(b.StrokeWidth))
		if b.Dashed {
			c.op("[%s] 0 d", fnum(3*b.StrokeWidth))
		}
		c.path(b.Path())
		c.op("S")
		if b.Dashed {
			c.op("[] 0 d")
		}
	}
}

func joinSpace(s []string) string {
	var b bytes.Buffer
	for i, x := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x)
	}
	return b.String()
}

// pdfString escapes a literal string's delimiters; URLs are ASCII.
func pdfString(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r > 0x7e:
			fmt.Fprintf(&b, "%%%02X", r) // URLs from the site model are ASCII; anything else is percent-encoded
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

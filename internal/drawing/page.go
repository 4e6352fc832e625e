package drawing

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// Page is a picture made of boxes, text and logos, in CSS pixels: what the
// poster lays out, drawn the same way into every format.
type Page struct {
	W, H       float64
	Background Color
	Items      []Item
}

// Item is a Box, a Text, a Logo or a Link.
type Item interface{ item() }

// Box is a rectangle with rounded corners, filled and/or outlined (inside
// its bounds, as CSS borders are).
type Box struct {
	Rect
	Radius      float64
	Fill        *Color
	Stroke      *Color
	StrokeWidth float64
	Dashed      bool
}

// Text is one line of text; X is where it starts, or its middle when Centre.
type Text struct {
	X, Y   float64 // Y is the baseline
	Size   float64
	Bold   bool
	Color  Color
	Text   string
	Centre bool
}

// Logo is a logo's art drawn fitted into Rect; Gray draws it in greys at
// 45% opacity, as the page shows archived items. Key names the logo for
// formats that include each logo once.
type Logo struct {
	Rect
	Key  string
	Art  *Art
	Gray bool
}

// Link makes its items a link to URL.
type Link struct {
	Rect
	URL   string
	Items []Item
}

func (*Box) item()  {}
func (*Text) item() {}
func (*Logo) item() {}
func (*Link) item() {}

// Path is the box's outline, inset by half its stroke.
func (b *Box) Path() Path {
	var p Path
	in := b.StrokeWidth / 2
	if b.Stroke == nil {
		in = 0
	}
	p.Rectangle(b.X+in, b.Y+in, b.W-2*in, b.H-2*in, math.Max(0, b.Radius-in), math.Max(0, b.Radius-in))
	return p
}

// Path is the text's outline.
func (t *Text) Path() Path {
	x := t.X
	if t.Centre {
		x -= TextWidth(t.Text, t.Size, t.Bold) / 2
	}
	return TextPath(t.Text, x, t.Y, t.Size, t.Bold)
}

// archivedOpacity and grayOut draw an archived item's logo as the page's
// CSS does: grayscale(1) and opacity .45.
const archivedOpacity = 0.45

func grayOut(img *image.RGBA) {
	for i := 0; i < len(img.Pix); i += 4 {
		p := img.Pix[i : i+4 : i+4]
		l := 0.2126*float64(p[0]) + 0.7152*float64(p[1]) + 0.0722*float64(p[2])
		g := uint8(math.Round(l * archivedOpacity))
		p[0], p[1], p[2], p[3] = g, g, g, uint8(math.Round(float64(p[3])*archivedOpacity))
	}
}

func premul(c Color) color.RGBA {
	return color.RGBA{R: uint8(math.Round(c.R * c.A * 255)), G: uint8(math.Round(c.G * c.A * 255)), B: uint8(math.Round(c.B * c.A * 255)), A: uint8(math.Round(c.A * 255))}
}

// fastBox draws a large box as the page draws bands and boxes: the straight
// parts as rectangles of pixels, only the rounded corners rasterized. It
// draws nothing and says false when the box's edges do not fall on pixel
// boundaries, where the general path must antialias them.
func fastBox(dst *image.RGBA, b *Box, m Matrix) bool {
	k := m.A
	x0, y0, x1, y1 := b.X*k, b.Y*k, (b.X+b.W)*k, (b.Y+b.H)*k
	r, w := b.Radius*k, b.StrokeWidth*k
	if b.Stroke == nil {
		w = 0
	}
	whole := func(v float64) bool { return v == math.Trunc(v) }
	if m.B != 0 || m.C != 0 || m.A != m.D || !whole(x0) || !whole(y0) || !whole(x1) || !whole(y1) || !whole(w) ||
		b.W*k < 4*(r+w) || b.H*k < 4*(r+w) {
		return false
	}
	c := int(math.Ceil(r + w)) // the corner squares, rasterized
	X0, Y0, X1, Y1, W := int(x0), int(y0), int(x1), int(y1), int(w)
	rect := func(c Color, x0, y0, x1, y1 int) {
		draw.Draw(dst, image.Rect(x0, y0, x1, y1).Intersect(dst.Bounds()), image.NewUniform(premul(c)), image.Point{}, draw.Over)
	}
	if b.Fill != nil {
		rect(*b.Fill, X0+W, Y0+c, X1-W, Y1-c)
		rect(*b.Fill, X0+c, Y0+W, X1-c, Y0+c)
		rect(*b.Fill, X0+c, Y1-c, X1-c, Y1-W)
	}
	if b.Stroke != nil {
		rect(*b.Stroke, X0+c, Y0, X1-c, Y0+W)
		rect(*b.Stroke, X0+c, Y1-W, X1-c, Y1)
		rect(*b.Stroke, X0, Y0+c, X0+W, Y1-c)
		rect(*b.Stroke, X1-W, Y0+c, X1, Y1-c)
	}
	s := &Shape{M: Identity, Path: b.Path(), Width: b.StrokeWidth, Miter: 4}
	if b.Fill != nil {
		s.Fill = &Paint{Color: *b.Fill}
	}
	if b.Stroke != nil {
		s.Stroke = &Paint{Color: *b.Stroke}
	}
	for _, q := range []image.Rectangle{image.Rect(X0, Y0, X0+c, Y0+c), image.Rect(X1-c, Y0, X1, Y0+c),
		image.Rect(X0, Y1-c, X0+c, Y1), image.Rect(X1-c, Y1-c, X1, Y1)} {
		if sub, ok := dst.SubImage(q.Intersect(dst.Bounds())).(*image.RGBA); ok && !sub.Rect.Empty() {
			drawShape(sub, s, m)
		}
	}
	return true
}

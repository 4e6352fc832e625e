package drawing

import (
	"image"
	"image/color"
	"math"
)

// gradientImage is a gradient as an image in device space, for draw.DrawMask.
type gradientImage struct {
	g   *Gradient
	inv Matrix // device pixel to gradient space
	lut [256]color.RGBA
}

func newGradientImage(g *Gradient, m Matrix) image.Image {
	inv, ok := m.Mul(g.M).Invert()
	if !ok {
		return image.Transparent
	}
	gi := &gradientImage{g: g, inv: inv}
	for i := range gi.lut {
		c := g.at(float64(i) / 255)
		a := c.A * g.Opacity
		gi.lut[i] = color.RGBA{uint8(math.Round(c.R * a * 255)), uint8(math.Round(c.G * a * 255)), uint8(math.Round(c.B * a * 255)), uint8(math.Round(a * 255))}
	}
	return gi
}

func (gi *gradientImage) ColorModel() color.Model { return color.RGBAModel }
func (gi *gradientImage) Bounds() image.Rectangle {
	return image.Rect(-1<<30, -1<<30, 1<<30, 1<<30)
}

func (gi *gradientImage) At(x, y int) color.Color {
	p := gi.inv.Apply(Point{float64(x) + 0.5, float64(y) + 0.5})
	t := gi.g.offset(p)
	switch gi.g.Spread {
	case "repeat":
		t -= math.Floor(t)
	case "reflect":
		t = math.Mod(math.Abs(t), 2)
		if t > 1 {
			t = 2 - t
		}
	}
	return gi.lut[int(math.Round(clamp01(t)*255))]
}

// offset is where p falls along the gradient: 0 at the start, 1 at the end.
func (g *Gradient) offset(p Point) float64 {
	if !g.Radial {
		dx, dy := g.X2-g.X1, g.Y2-g.Y1
		l := dx*dx + dy*dy
		if l == 0 {
			return 1
		}
		return ((p.X-g.X1)*dx + (p.Y-g.Y1)*dy) / l
	}
	// The circle of radius t·R centred at F + t·(C-F) that passes through p.
	cdx, cdy := g.Cx-g.Fx, g.Cy-g.Fy
	pdx, pdy := p.X-g.Fx, p.Y-g.Fy
	a := cdx*cdx + cdy*cdy - g.R*g.R
	b := pdx*cdx + pdy*cdy
	c := pdx*pdx + pdy*pdy
	if math.Abs(a) < 1e-12 {
		if b == 0 {
			return 0
		}
		return c / (2 * b)
	}
	disc := b*b - a*c
	if disc < 0 {
		return 0
	}
	t1, t2 := (b+math.Sqrt(disc))/a, (b-math.Sqrt(disc))/a
	return math.Max(t1, t2)
}

// at is the gradient's colour at offset t, interpolated with premultiplied
// alpha as browsers do.
func (g *Gradient) at(t float64) Color {
	s := g.Stops
	if t <= s[0].Offset {
		return s[0].Color
	}
	for i := 1; i < len(s); i++ {
		if t <= s[i].Offset {
			a, b := s[i-1], s[i]
			span := b.Offset - a.Offset
			if span <= 0 {
				return b.Color
			}
			f := (t - a.Offset) / span
			alpha := a.Color.A + (b.Color.A-a.Color.A)*f
			if alpha == 0 {
				return Color{}
			}
			mix := func(x, y float64) float64 { return (x*a.Color.A + (y*b.Color.A-x*a.Color.A)*f) / alpha }
			return Color{mix(a.Color.R, b.Color.R), mix(a.Color.G, b.Color.G), mix(a.Color.B, b.Color.B), alpha}
		}
	}
	return s[len(s)-1].Color
}

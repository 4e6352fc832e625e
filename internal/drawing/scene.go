package drawing

import (
	"image"
	"sync"
)

// Scene is a logo ready to draw: its viewBox and what it paints, in its
// user units. Problems lists what Read could not draw faithfully; a Scene
// with problems should not be drawn as if it were the logo.
type Scene struct {
	ViewBox  Rect
	Root     *Group
	Problems []string
	Rasters  []*Image // every embedded raster, in document order
}

// Node is a Shape, a Group or an Image.
type Node interface{ bounds() Rect }

// Paint is a solid colour or a gradient; opacity is already in its alpha.
type Paint struct {
	Color    Color
	Gradient *Gradient
}

// Gradient is a linear (X1,Y1 to X2,Y2) or radial (circle Cx,Cy,R with
// focus Fx,Fy) gradient in its own space, which M maps into user space
// (gradientTransform, and the bounding box for objectBoundingBox units).
type Gradient struct {
	Radial            bool
	X1, Y1, X2, Y2    float64
	Cx, Cy, R, Fx, Fy float64
	Stops             []Stop
	M                 Matrix
	Spread            string // pad, reflect or repeat
	Opacity           float64
}

// Stop is a colour at an offset in [0, 1].
type Stop struct {
	Offset float64
	Color  Color
}

// Line caps and joins.
const (
	CapButt = iota
	CapRound
	CapSquare
)

const (
	JoinMiter = iota
	JoinRound
	JoinBevel
)

// Shape is a path filled and/or stroked, under M.
type Shape struct {
	M       Matrix
	Path    Path
	Fill    *Paint // nil: not filled
	EvenOdd bool
	Stroke  *Paint // nil: not stroked
	Width   float64
	Cap     int
	Join    int
	Miter   float64
	Dash    []float64
	DashOff float64
}

func (s *Shape) bounds() Rect {
	b := s.Path.Transform(s.M).Bounds()
	if s.Stroke != nil {
		g := s.Width * s.M.Scale() * max(1, s.Miter/2)
		b = Rect{b.X - g, b.Y - g, b.W + 2*g, b.H + 2*g}
	}
	return b
}

// Clip is one shape of a clip path; a clip is the union of its shapes.
type Clip struct {
	M       Matrix
	Path    Path
	EvenOdd bool
}

// Group draws its children, then applies its clip, mask and opacity to the
// result as a whole. Children carry their own transforms.
type Group struct {
	Opacity   float64
	Clip      []Clip // nil: no clip; empty but not nil: clipped away
	Mask      *Group // luminance mask (alpha mask with MaskAlpha), drawn in the same space
	MaskAlpha bool
	Children  []Node
}

func (g *Group) bounds() Rect {
	var out Rect
	first := true
	for _, c := range g.Children {
		b := c.bounds()
		if b.Empty() {
			continue
		}
		if first {
			out, first = b, false
			continue
		}
		x0, y0 := min(out.X, b.X), min(out.Y, b.Y)
		x1, y1 := max(out.X+out.W, b.X+b.W), max(out.Y+out.H, b.Y+b.H)
		out = Rect{x0, y0, x1 - x0, y1 - y0}
	}
	return out
}

// plain says whether the group is only a container: no clip, mask or opacity.
func (g *Group) plain() bool { return g.Clip == nil && g.Mask == nil && g.Opacity >= 1 }

// Image is an embedded raster; M maps its pixel grid (0,0 to W,H of Img)
// into user space. Data and Format ("png", "jpeg", "gif") are the bytes it
// was decoded from, which a PDF can embed as they are.
type Image struct {
	M       Matrix
	Img     image.Image
	Data    []byte
	Format  string
	Opacity float64

	src *raster // shared by every Image of the same decoded bitmap; nil when built outside this package
}

// raster is what the Images of one decoded bitmap share: its halvings,
// made once, and its PDF image object (pdfDoc.images is keyed by it).
type raster struct {
	mu   sync.Mutex
	mips []*image.RGBA // Img halved once, twice, …, for drawing it small
}

// Placed is the same bitmap drawn with the matrix m and opacity: it shares
// the halvings and the PDF object of im.
func (im *Image) Placed(m Matrix, opacity float64) *Image {
	return &Image{M: m, Img: im.Img, Data: im.Data, Format: im.Format, Opacity: opacity, src: im.src}
}

func (im *Image) bounds() Rect {
	b := im.Img.Bounds()
	var p Path
	p.Rectangle(0, 0, float64(b.Dx()), float64(b.Dy()), 0, 0)
	return p.Transform(im.M).Bounds()
}

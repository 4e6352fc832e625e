package drawing

import (
	"image"
	"math"
)

// Art is what a logo is drawn as on a page, made once per logo and kept
// (the poster caches it by the logo's content): its viewBox, to fit it
// into a tile; a raster per size and colouring, which the PNG composites;
// and a PDF form per colouring, which the PDF places wherever the logo is.
type Art struct {
	ViewBox Rect
	Stamps  map[StampKey]*image.RGBA
	Forms   map[bool]*PDFForm // by gray
	scene   *Scene            // to draw what is missing, when known
}

// StampKey is a raster's size in device pixels and colouring.
type StampKey struct {
	W, H int
	Gray bool
}

// StampAt is where a logo fitted into r goes, in device pixels at scale,
// and the size of the raster it needs.
func StampAt(r Rect, scale float64, gray bool) (image.Point, StampKey) {
	x0, y0 := int(math.Round(r.X*scale)), int(math.Round(r.Y*scale))
	return image.Point{x0, y0}, StampKey{int(math.Round((r.X+r.W)*scale)) - x0, int(math.Round((r.Y+r.H)*scale)) - y0, gray}
}

// NewArt draws sc as the rasters and forms asked for. Grey rasters are
// drawn as the page's CSS draws an archived logo: grayscale(1), opacity .45.
func NewArt(sc *Scene, stamps []StampKey, forms []bool) *Art {
	a := &Art{ViewBox: sc.ViewBox, Stamps: map[StampKey]*image.RGBA{}, Forms: map[bool]*PDFForm{}, scene: sc}
	for _, k := range stamps {
		if _, ok := a.Stamps[k]; !ok && k.W > 0 && k.H > 0 {
			a.Stamps[k] = sc.stamp(k)
		}
	}
	for _, gray := range forms {
		if a.Forms[gray] == nil {
			a.Forms[gray] = NewPDFForm(sc, gray)
		}
	}
	return a
}

func (sc *Scene) stamp(k StampKey) *image.RGBA {
	st := image.NewRGBA(image.Rect(0, 0, k.W, k.H))
	sc.Draw(st, sc.Fit(0, 0, float64(k.W), float64(k.H)))
	if k.Gray {
		grayOut(st)
	}
	return st
}

// Fit is the transform that draws the logo's viewBox centred in a w×h box
// at x, y, as large as it fits.
func (a *Art) Fit(x, y, w, h float64) Matrix {
	return Translate(x, y).Mul(viewBoxTransform(a.ViewBox, w, h, ""))
}

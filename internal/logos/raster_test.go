package logos

import (
	"fmt"
	"image"
	"image/color"
	"testing"
)

// TestPaintedFunc checks the direct pixel readers against img.At, the
// definition they stand in for.
func TestPaintedFunc(t *testing.T) {
	r := image.Rect(1, 2, 5, 6)
	nrgba, rgba, gray := image.NewNRGBA(r), image.NewRGBA(r), image.NewGray(r)
	pal := image.NewPaletted(r, color.Palette{color.Transparent, color.NRGBA{R: 255, A: 128}})
	for _, p := range []image.Point{{2, 3}, {4, 5}} {
		nrgba.Set(p.X, p.Y, color.NRGBA{G: 9, A: 1})
		rgba.Set(p.X, p.Y, color.RGBA{A: 200})
		pal.SetColorIndex(p.X, p.Y, 1)
	}
	for _, img := range []image.Image{nrgba, rgba, gray, pal} {
		t.Run(fmt.Sprintf("%T", img), func(t *testing.T) {
			painted := paintedFunc(img)
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					_, _, _, a := img.At(x, y).RGBA()
					if got, want := painted(x, y), a > 0; got != want {
						t.Errorf("(%d,%d): got painted %v, want %v", x, y, got, want)
					}
				}
			}
		})
	}
}

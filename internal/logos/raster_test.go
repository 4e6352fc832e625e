package logos

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
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

// TestCropPixelBudget checks that embedded images past the logo's budget
// of decoded pixels count as fully painted: a looser crop, never a failure.
func TestCropPixelBudget(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 40, 40))
	img.Set(20, 20, color.NRGBA{A: 255}) // one painted pixel in a transparent border
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	href := "data:image/png;base64," + base64.StdEncoding.EncodeToString(b.Bytes())
	in := svg100(fmt.Sprintf(`<image href="%s" width="40" height="40"/><image href="%[1]s" x="50" y="50" width="40" height="40"/>`, href))
	for _, tc := range []struct {
		pixels int
		want   Box
	}{
		{2 * 40 * 40, Box{20, 20, 51, 51}}, // both decoded: their painted pixels
		{40 * 40, Box{20, 20, 70, 70}},     // the second counts as fully painted
		{0, Box{0, 0, 90, 90}},
	} {
		root, _, err := sanitizeTree(mustParse(t, []byte(in)))
		if err != nil {
			t.Fatal(err)
		}
		bud := newBudget(maxCropWork, cropTimeout)
		bud.pixels = tc.pixels
		got, err := measureDrawing(root, bud)
		if err != nil {
			t.Fatal(err)
		}
		if !near(got.box(), tc.want) {
			t.Errorf("%d pixels to decode: got %v, want %v", tc.pixels, got.box(), tc.want)
		}
	}
}

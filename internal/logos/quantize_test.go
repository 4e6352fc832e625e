package logos

import (
	"image"
	"image/draw"
	"math/rand/v2"
	"testing"
)

// TestDitherMatchesImageDraw checks the palette search against image/draw's
// linear one, pixel for pixel: noise, translucent noise, and a gradient of
// few colors, where ties between palette colors are common.
func TestDitherMatchesImageDraw(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for name, fill := range map[string]func(i int) uint8{
		"noise":             func(i int) uint8 { return uint8(r.Uint32()) | uint8(i%4/3*255) },
		"translucent noise": func(i int) uint8 { return uint8(r.Uint32()) },
		"gradient":          func(i int) uint8 { return uint8(i / 4 % 97 * (i%4 + 1)) },
	} {
		t.Run(name, func(t *testing.T) {
			img := image.NewNRGBA(image.Rect(3, 5, 120, 77)) // not at the origin
			for i := range img.Pix {
				img.Pix[i] = fill(i)
			}
			for _, colors := range []int{256, 16, 2} {
				pal := medianCut(img, colors)
				want := image.NewPaletted(img.Bounds(), pal)
				draw.FloydSteinberg.Draw(want, img.Bounds(), img, img.Bounds().Min)
				got := dither(img, pal)
				if got.Rect != want.Rect || string(got.Pix) != string(want.Pix) {
					t.Fatalf("%d colors: the dithered image differs from image/draw's", colors)
				}
			}
		})
	}
}

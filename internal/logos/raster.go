package logos

import (
	"bytes"
	"encoding/base64"
	"image"
	"strings"
)

// maxRasterPixels bounds the embedded images the cropper decodes to find
// their transparent borders; larger ones count as fully painted.
const maxRasterPixels = 16 << 20

// maxLogoPixels bounds the pixels decoded for one logo, since a PNG of
// millions of blank pixels compresses to a few kilobytes: the images past
// it count as fully painted, which leaves the crop looser but never wrong.
// The most in a real logo is 46 million (chelsio-communications.svg, 365
// bitmaps, about a second to decode).
const maxLogoPixels = 128 << 20

// bitmapBox is the part of an embedded data: raster that is not fully
// transparent, as fractions of its width and height (iw×ih pixels); ok is
// false when the image cannot be read.
type bitmapBox struct {
	x0, y0, x1, y1 float64
	iw, ih         int
	ok             bool
}

// opaqueBounds finds the painted part of an embedded raster: exported
// bitmaps often carry wide transparent borders that a browser does not
// paint. Before decoding, afford(pixels) must agree to the image's size.
func opaqueBounds(href string, afford func(pixels int) bool) bitmapBox {
	_, payload, found := strings.Cut(href, ";base64,")
	if !found || !strings.HasPrefix(strings.ToLower(href), "data:image/") {
		return bitmapBox{}
	}
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		return bitmapBox{}
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxRasterPixels ||
		!afford(cfg.Width*cfg.Height) {
		return bitmapBox{}
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return bitmapBox{}
	}
	b := img.Bounds()
	painted := paintedFunc(img)
	minX, minY, maxX, maxY := b.Max.X, b.Max.Y, b.Min.X-1, b.Min.Y-1
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if painted(x, y) {
				minX, minY = min(minX, x), min(minY, y)
				maxX, maxY = max(maxX, x), max(maxY, y)
			}
		}
	}
	w, h := float64(b.Dx()), float64(b.Dy())
	if maxX < minX {
		return bitmapBox{iw: b.Dx(), ih: b.Dy(), ok: true} // fully transparent
	}
	return bitmapBox{float64(minX-b.Min.X) / w, float64(minY-b.Min.Y) / h,
		float64(maxX+1-b.Min.X) / w, float64(maxY+1-b.Min.Y) / h, b.Dx(), b.Dy(), true}
}

// paintedFunc reports whether a pixel is not fully transparent, reading
// the pixel types PNG, JPEG and GIF decode to directly: img.At boxes every
// pixel in an interface, which made embedded bitmaps the costliest part of
// processing a landscape's logos.
func paintedFunc(img image.Image) func(x, y int) bool {
	switch m := img.(type) {
	case *image.NRGBA:
		return func(x, y int) bool { return m.Pix[m.PixOffset(x, y)+3] > 0 }
	case *image.RGBA:
		return func(x, y int) bool { return m.Pix[m.PixOffset(x, y)+3] > 0 }
	case *image.Paletted:
		var painted [256]bool
		for i, c := range m.Palette[:min(len(m.Palette), len(painted))] {
			_, _, _, a := c.RGBA()
			painted[i] = a > 0
		}
		return func(x, y int) bool { return painted[m.Pix[m.PixOffset(x, y)]] }
	case *image.Gray, *image.Gray16, *image.YCbCr, *image.CMYK:
		return func(int, int) bool { return true } // no alpha channel
	}
	return func(x, y int) bool {
		_, _, _, a := img.At(x, y).RGBA()
		return a > 0
	}
}

package logos

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"slices"
)

// Downscaled bitmaps have thousands of colors, from resampling, where
// logos hold a few. A palette of 256 colors, chosen by median cut from the
// image's own pixels and applied with Floyd–Steinberg dithering, is
// usually a third of the size as PNG and differs from the truecolor image
// by less than a device pixel's worth of noise.

// quantizedPNG encodes img with a palette of at most 256 colors.
func quantizedPNG(img *image.NRGBA) []byte {
	pal := medianCut(img, 256)
	dst := image.NewPaletted(img.Bounds(), pal)
	draw.FloydSteinberg.Draw(dst, img.Bounds(), img, image.Point{})
	var b bytes.Buffer
	(&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, dst)
	return b.Bytes()
}

// medianCut splits the image's colors into at most n boxes, each time
// halving the box with the widest channel at its median, and returns each
// box's mean color.
func medianCut(img *image.NRGBA, n int) color.Palette {
	px := make([][4]uint8, 0, len(img.Pix)/4)
	for i := 0; i+3 < len(img.Pix); i += 4 {
		p := [4]uint8{img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3]}
		if p[3] == 0 {
			p = [4]uint8{} // one transparent color
		}
		px = append(px, p)
	}
	boxes := []cutBox{newCutBox(px)}
	for len(boxes) < n {
		i := widest(boxes)
		if boxes[i].width == 0 {
			break // every box holds one color
		}
		b, ch := boxes[i].px, boxes[i].ch
		slices.SortFunc(b, func(x, y [4]uint8) int { return int(x[ch]) - int(y[ch]) })
		mid := len(b) / 2
		// Two statements: in one, a growing append would copy boxes
		// before boxes[i] was set, and the old box, overlapping both
		// halves, would stay and be cut again.
		boxes[i] = newCutBox(b[:mid])
		boxes = append(boxes, newCutBox(b[mid:]))
	}
	pal := make(color.Palette, 0, len(boxes))
	for _, box := range boxes {
		b := box.px
		var sum [4]int
		for _, p := range b {
			for k := range sum {
				sum[k] += int(p[k])
			}
		}
		l := max(len(b), 1)
		pal = append(pal, color.NRGBA{uint8(sum[0] / l), uint8(sum[1] / l), uint8(sum[2] / l), uint8(sum[3] / l)})
	}
	return pal
}

// cutBox is a box of median cut with its widest channel, measured once
// when the box is made: measuring every box again at every cut made the
// cut quadratic (seconds for one logo's bitmaps).
type cutBox struct {
	px        [][4]uint8
	ch, width int // the first channel of the widest range, and that range; 0 for fewer than two pixels
}

func newCutBox(px [][4]uint8) cutBox {
	b := cutBox{px: px}
	if len(px) < 2 {
		return b
	}
	for k := range 4 {
		lo, hi := uint8(255), uint8(0)
		for _, p := range px {
			lo, hi = min(lo, p[k]), max(hi, p[k])
		}
		if w := int(hi) - int(lo); w > b.width {
			b.ch, b.width = k, w
		}
	}
	return b
}

// widest is the first box of the widest channel range.
func widest(boxes []cutBox) int {
	box := 0
	for i, b := range boxes {
		if b.width > boxes[box].width {
			box = i
		}
	}
	return box
}

package logos

import (
	"bytes"
	"image"
	"image/color"
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
	dst := dither(img, pal)
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

// dither maps img onto pal with Floyd–Steinberg error diffusion, pixel for
// pixel as image/draw's FloydSteinberg does, but finds each pixel's
// nearest color among the palette sorted by red instead of trying all 256:
// on a 693×347 bitmap of noise (the least the sort can prune), 130 ms
// against image/draw's 297 ms, which was half of that logo's processing.
func dither(img *image.NRGBA, pal color.Palette) *image.Paletted {
	dst := image.NewPaletted(img.Bounds(), pal)
	near := newNearest(pal)
	w, h := img.Rect.Dx(), img.Rect.Dy()
	// The errors carried to this row and the next; +2 spares the edges.
	curr, next := make([][4]int32, w+2), make([][4]int32, w+2)
	for y := range h {
		for x := range w {
			r, g, b, a := img.NRGBAAt(img.Rect.Min.X+x, img.Rect.Min.Y+y).RGBA()
			e := [4]int32{int32(r), int32(g), int32(b), int32(a)}
			for k := range e {
				e[k] = clamp16(e[k] + curr[x+1][k]/16)
			}
			i := near.index(e)
			dst.Pix[y*dst.Stride+x] = uint8(i)
			for k := range e {
				d := e[k] - near.colors[i][k]
				next[x][k] += d * 3
				next[x+1][k] += d * 5
				next[x+2][k] += d
				curr[x+2][k] += d * 7
			}
		}
		curr, next = next, curr
		clear(next)
	}
	return dst
}

func clamp16(v int32) int32 {
	return min(max(v, 0), 0xffff)
}

// nearest finds a palette's closest color to a premultiplied 16-bit one by
// image/draw's measure (the sum of squared differences, each shifted right
// by 2), the lowest index among equals.
type nearest struct {
	colors [][4]int32 // by palette index
	byRed  []int      // palette indices, by red
}

func newNearest(pal color.Palette) *nearest {
	n := &nearest{colors: make([][4]int32, len(pal)), byRed: make([]int, len(pal))}
	for i, c := range pal {
		r, g, b, a := c.RGBA()
		n.colors[i] = [4]int32{int32(r), int32(g), int32(b), int32(a)}
		n.byRed[i] = i
	}
	slices.SortFunc(n.byRed, func(i, j int) int { return int(n.colors[i][0] - n.colors[j][0]) })
	return n
}

func sqDiff(x, y int32) uint32 {
	d := uint32(x - y)
	return (d * d) >> 2
}

// index walks out from e's red both ways, each way until the red
// difference alone exceeds the best sum found: no color further on can
// beat it, or tie it.
func (n *nearest) index(e [4]int32) int {
	start, _ := slices.BinarySearchFunc(n.byRed, e[0], func(i int, r int32) int { return int(n.colors[i][0] - r) })
	best, bestSum := 0, uint32(1<<32-1)
	try := func(i int) bool {
		c := n.colors[i]
		dr := sqDiff(e[0], c[0])
		if dr > bestSum {
			return false
		}
		if sum := dr + sqDiff(e[1], c[1]) + sqDiff(e[2], c[2]) + sqDiff(e[3], c[3]); sum < bestSum || sum == bestSum && i < best {
			best, bestSum = i, sum
		}
		return true
	}
	for j := start; j < len(n.byRed) && try(n.byRed[j]); j++ {
	}
	for j := start - 1; j >= 0 && try(n.byRed[j]); j-- {
	}
	return best
}

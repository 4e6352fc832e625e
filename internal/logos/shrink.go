package logos

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"strings"

	"golang.org/x/image/draw"
)

// A logo is shown at most in a featured tile at the largest zoom: two
// 110 px columns and their gap by two 82.5 px rows, less padding and
// border, 208 × 153 CSS pixels; the item page's box (136 × 86) fits in
// it. Embedded bitmaps are kept at displayDensity device pixels per CSS
// pixel of that box, what the densest screens draw, and downscaled when
// they hold more: exported logos embed bitmaps of thousands of pixels that
// no page ever shows. Prints need more: Processor.Original keeps them.
const (
	displayW, displayH = 240, 180 // CSS pixels, rounded up from the featured tile
	displayDensity     = 3

	// minShrink is the least a downscale must save, as a share of the
	// pixels, for it to be worth a lossy resample.
	minShrink = 0.8
)

// reduction is what reduceTree did to a logo.
type reduction struct {
	rasterBytes int // bytes of embedded bitmaps saved
	digits      int // significant digits for the minifier (precision.go); 0 keeps them all
}

// reduceTree downscales and re-encodes the embedded bitmaps of root, whose
// final viewBox is vb, to what the largest display needs, and works out
// the precision its numbers need. It measures where everything is drawn
// as the cropper does, text included; over budget, it changes nothing.
func reduceTree(root *node, vb rect, bud *budget) reduction {
	c := newCropper(root, vb, bud)
	c.scan, c.shown = true, map[*node]float64{}
	c.children(root, identity, style{}.inherit(c.ownProps(root)), false)
	if c.err != nil {
		return reduction{}
	}
	largest := math.Max(math.Max(math.Abs(vb.minX), math.Abs(vb.maxX)), math.Max(math.Abs(vb.minY), math.Abs(vb.maxY)))
	root.walk(func(n *node) bool {
		if _, drawn := c.own[n]; !drawn {
			c.noteMagnitude(n, identity, identity) // not drawn where the scan could see (patterns, markers): at face value
		}
		return true
	})
	r := reduction{digits: significantDigits(math.Max(largest, c.largest), math.Max(vb.w(), vb.h()))}
	cssPerUnit := math.Min(displayW/vb.w(), displayH/vb.h())
	root.walk(func(n *node) bool {
		unitsPerPixel, drawn := c.shown[n]
		if !drawn {
			return true // not an image, or not drawn as such (in a pattern, or unused): keep it
		}
		old := n.href()
		if href, ok := shrinkBitmap(old, displayDensity*unitsPerPixel*cssPerUnit, c.affordPixels); ok && len(href) < len(old) {
			n.setHref(href)
			r.rasterBytes += len(old) - len(href)
		}
		return true
	})
	return r
}

// recordShown notes how many root units one bitmap pixel of n covers when
// n is drawn under m in a w×h box, keeping the most over every place it is
// drawn.
func (c *cropper) recordShown(n *node, m matrix, w, h float64) {
	_, payload, _ := strings.Cut(n.href(), ";base64,")
	cfg, _, err := image.DecodeConfig(base64.NewDecoder(base64.StdEncoding, strings.NewReader(payload)))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return
	}
	// A pixel covers at most the larger of w/width and h/height in the
	// image's units (preserveAspectRatio none stretches one axis), and m
	// stretches those by at most its larger axis.
	px := math.Max(w/float64(cfg.Width), h/float64(cfg.Height))
	stretch := math.Max(math.Hypot(m.a, m.b), math.Hypot(m.c, m.d))
	c.shown[n] = math.Max(c.shown[n], px*stretch)
}

// shrinkBitmap returns the data: URL href downscaled, when devicePerPixel
// (the device pixels one of its pixels covers at the largest display) is
// below minShrink; ok is false when it is not, or cannot be read.
func shrinkBitmap(href string, devicePerPixel float64, afford func(int) bool) (string, bool) {
	_, payload, _ := strings.Cut(href, ";base64,")
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		return "", false
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width*cfg.Height > maxRasterPixels || !afford(cfg.Width*cfg.Height) {
		return "", false
	}
	if devicePerPixel >= minShrink {
		return "", false // already about as sharp as shown: keep its bytes as they are
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return "", false
	}
	w := max(1, int(math.Ceil(float64(cfg.Width)*devicePerPixel)))
	h := max(1, int(math.Ceil(float64(cfg.Height)*devicePerPixel)))
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	enc, mime := encodeBitmap(dst, format)
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(enc), true
}

// encodeBitmap encodes img as PNG, or as JPEG when it is opaque and came
// from a JPEG (a PNG's sharp edges would ring in a JPEG).
func encodeBitmap(img *image.NRGBA, format string) ([]byte, string) {
	var b bytes.Buffer
	if format == "jpeg" && opaque(img) {
		jpeg.Encode(&b, img, &jpeg.Options{Quality: 90})
		return b.Bytes(), "image/jpeg"
	}
	(&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img)
	if q := quantizedPNG(img); len(q) < b.Len() {
		return q, "image/png"
	}
	return b.Bytes(), "image/png"
}

func opaque(img *image.NRGBA) bool {
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 0xff {
			return false
		}
	}
	return true
}

// scanPatterns visits the content of the patterns that paint shape, as
// drawn for it: exports from design tools place their bitmaps in a
// pattern that fills a rectangle, sized to the rectangle's box.
func (c *cropper) scanPatterns(shape *node, m matrix, st style) {
	for _, k := range []string{"fill", "stroke"} {
		pat := c.ref(st[k], "pattern")
		if pat == nil {
			continue
		}
		sink := &boxSink{m: identity}
		if !c.shapeGeometry(shape, sink) || !sink.box.ok {
			continue
		}
		box := sink.box // in the shape's own units, which objectBoundingBox refers to
		pm := m
		if t, ok := pat.attr("patternTransform"); ok {
			if tm, err := parseTransform(t); err == nil {
				pm = pm.mul(tm)
			}
		}
		if vb, ok := viewBoxOf(pat); ok {
			tw, _ := parseLength(pat.attrOr("width", "0"), c.vw)
			th, _ := parseLength(pat.attrOr("height", "0"), c.vh)
			if pat.attrOr("patternUnits", "objectBoundingBox") == "objectBoundingBox" {
				tw, th = tw*box.w(), th*box.h()
			}
			if tw <= 0 || th <= 0 {
				continue
			}
			pm = pm.mul(viewBoxTransform(vb, tw, th, pat.attrOr("preserveAspectRatio", "")))
		} else if pat.attrOr("patternContentUnits", "userSpaceOnUse") == "objectBoundingBox" {
			pm = pm.mul(matrix{a: box.w(), d: box.h(), e: box.minX, f: box.minY})
		}
		c.children(pat, pm, style{}, false)
	}
}

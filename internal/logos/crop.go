package logos

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// CropMargin is the even margin left around a cropped drawing, as a share
// of its larger side.
const CropMargin = 0.02

// viewBox reads the root's viewBox, or makes one from its width and height.
func viewBox(root *node) (rect, bool) {
	if v, ok := root.attr("viewBox"); ok {
		nums, err := parseNumbers(v)
		if err == nil && len(nums) == 4 && nums[2] > 0 && nums[3] > 0 {
			return rect{nums[0], nums[1], nums[0] + nums[2], nums[1] + nums[3], true}, true
		}
	}
	ws, _ := root.attr("width")
	hs, _ := root.attr("height")
	w, okw := parseLength(ws, 0)
	h, okh := parseLength(hs, 0)
	if okw && okh && w > 0 && h > 0 && !strings.HasSuffix(ws, "%") && !strings.HasSuffix(hs, "%") {
		return rect{0, 0, w, h, true}, true
	}
	return rect{}, false
}

// formatNum writes v rounded to a step suited to a box of size size.
func formatNum(v, size float64) string {
	digits := 5 - int(math.Floor(math.Log10(math.Max(size, 1e-9)))) // a 1e-5 step: no visible shift
	if digits < 0 {
		digits = 0
	}
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Crop tightens the viewBox of a logo to its drawing plus an even margin,
// so that logos with uneven padding line up in tiles. It sanitizes first,
// and returns the logo uncropped, with the reason, when the drawing cannot
// be measured (text, for one); cropped says whether the viewBox changed.
func Crop(data []byte) (out []byte, cropped bool, err error) {
	doc, err := parseSVG(data)
	if err != nil {
		return nil, false, err
	}
	root, _, err := sanitizeTree(doc.root)
	if err != nil {
		return nil, false, err
	}
	cropped, err = cropTree(root, newBudget(maxCropWork, cropTimeout))
	return render(root), cropped, err
}

// cropTree sets root's viewBox to the cropped box, or to its own viewBox
// when it cannot be measured or measuring it spends bud, and drops width
// and height so that the logo scales to its tile.
func cropTree(root *node, bud *budget) (bool, error) {
	vb, ok := viewBox(root)
	if !ok {
		return false, errors.New("has neither a viewBox nor a width and height")
	}
	setViewBox(root, vb)
	b, err := measureDrawing(root, bud)
	if err != nil {
		return false, err
	}
	out, err := cropBox(b, vb)
	if err != nil {
		return false, err
	}
	if sameBox(out, vb) {
		return false, nil
	}
	setViewBox(root, out)
	return true, nil
}

// cropBox adds the margin to the part of the drawing inside the viewBox;
// where the viewBox cut the drawing, its edge stays, so nothing it hid
// comes into view.
func cropBox(b, vb rect) (rect, error) {
	in := b.intersect(vb)
	if !in.ok || in.w() <= 0 || in.h() <= 0 {
		return rect{}, errors.New("paints nothing inside its viewBox")
	}
	out := in.grow(CropMargin * math.Max(in.w(), in.h()))
	if b.minX < vb.minX {
		out.minX = math.Max(out.minX, vb.minX)
	}
	if b.minY < vb.minY {
		out.minY = math.Max(out.minY, vb.minY)
	}
	if b.maxX > vb.maxX {
		out.maxX = math.Min(out.maxX, vb.maxX)
	}
	if b.maxY > vb.maxY {
		out.maxY = math.Min(out.maxY, vb.maxY)
	}
	return out, nil
}

func sameBox(a, b rect) bool {
	eps := 1e-3 * math.Max(b.w(), b.h())
	return math.Abs(a.minX-b.minX) < eps && math.Abs(a.minY-b.minY) < eps &&
		math.Abs(a.maxX-b.maxX) < eps && math.Abs(a.maxY-b.maxY) < eps
}

func setViewBox(root *node, r rect) {
	size := math.Max(r.w(), r.h())
	root.setAttr("viewBox", strings.Join([]string{formatNum(r.minX, size), formatNum(r.minY, size),
		formatNum(r.w(), size), formatNum(r.h(), size)}, " "))
	root.delAttr("width")
	root.delAttr("height")
}

// Box is a rectangle in a logo's user units.
type Box struct{ X, Y, W, H float64 }

func (r rect) box() Box { return Box{r.minX, r.minY, r.w(), r.h()} }

// Measure is for tools that compare the cropper with a browser. It returns
// the logo sanitized, with its viewBox normalised and no width or height,
// the viewBox, and the box its drawing paints inside that viewBox (err says
// why there is none).
func Measure(data []byte) (svg []byte, drawing, vb Box, err error) {
	doc, err := parseSVG(data)
	if err != nil {
		return nil, Box{}, Box{}, err
	}
	root, _, err := sanitizeTree(doc.root)
	if err != nil {
		return nil, Box{}, Box{}, err
	}
	v, ok := viewBox(root)
	if !ok {
		return render(root), Box{}, Box{}, errors.New("has neither a viewBox nor a width and height")
	}
	setViewBox(root, v)
	svg = render(root)
	b, err := drawingBox(root)
	if err != nil {
		return svg, Box{}, v.box(), err
	}
	in := b.intersect(v)
	if !in.ok {
		return svg, Box{}, v.box(), errors.New("paints nothing inside its viewBox")
	}
	return svg, in.box(), v.box(), nil
}

package drawing

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"math"
	"strconv"
	"strings"
)

// pdfDoc writes a PDF 1.4 file: numbered objects, then the cross-reference
// table. Every content stream shares one resource dictionary, written
// last, so that forms can name each other, images, shadings and graphics
// states without bookkeeping per stream.
type pdfDoc struct {
	out       bytes.Buffer
	offsets   map[int]int
	next      int
	resources int // the shared resource dictionary's object number

	xobjects, extg, shadings []string // "/Name ref" entries of the resources
	forms                    map[formKey]string
	images                   map[imageKey]string
	alphas                   map[string]string
}

type formKey struct {
	scene *Scene
	gray  bool
}

type imageKey struct {
	im   *Image
	gray bool
}

func newPDF() *pdfDoc {
	d := &pdfDoc{offsets: map[int]int{}, next: 1, forms: map[formKey]string{}, images: map[imageKey]string{}, alphas: map[string]string{}}
	d.out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	d.resources = d.alloc()
	return d
}

func (d *pdfDoc) alloc() int { n := d.next; d.next++; return n }

// object writes object n: a dictionary, with a compressed stream when
// stream is not nil.
func (d *pdfDoc) object(n int, dict string, stream []byte) {
	d.offsets[n] = d.out.Len()
	fmt.Fprintf(&d.out, "%d 0 obj\n", n)
	if stream == nil {
		d.out.WriteString(dict + "\nendobj\n")
		return
	}
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	w.Write(stream)
	w.Close()
	fmt.Fprintf(&d.out, "<<%s/Filter/FlateDecode/Length %d>>\nstream\n", dict, z.Len())
	d.out.Write(z.Bytes())
	d.out.WriteString("\nendstream\nendobj\n")
}

// raw writes a stream that is already encoded with filter.
func (d *pdfDoc) raw(n int, dict, filter string, data []byte) {
	d.offsets[n] = d.out.Len()
	fmt.Fprintf(&d.out, "%d 0 obj\n<<%s/Filter/%s/Length %d>>\nstream\n", n, dict, filter, len(data))
	d.out.Write(data)
	d.out.WriteString("\nendstream\nendobj\n")
}

func (d *pdfDoc) finish(root int) []byte {
	d.object(d.resources, fmt.Sprintf("<</XObject<<%s>>/ExtGState<<%s>>/Shading<<%s>>>>",
		strings.Join(d.xobjects, ""), strings.Join(d.extg, ""), strings.Join(d.shadings, "")), nil)
	xref := d.out.Len()
	fmt.Fprintf(&d.out, "xref\n0 %d\n0000000000 65535 f \n", d.next)
	for n := 1; n < d.next; n++ {
		fmt.Fprintf(&d.out, "%010d 00000 n \n", d.offsets[n])
	}
	fmt.Fprintf(&d.out, "trailer\n<</Size %d/Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", d.next, root, xref)
	return d.out.Bytes()
}

// alpha names a graphics state with fill and stroke opacity a.
func (d *pdfDoc) alpha(a float64) string {
	k := fnum(a)
	if name, ok := d.alphas[k]; ok {
		return name
	}
	n := d.alloc()
	d.object(n, fmt.Sprintf("<</Type/ExtGState/ca %s/CA %s>>", k, k), nil)
	name := "/A" + strconv.Itoa(n)
	d.extg = append(d.extg, fmt.Sprintf("%s %d 0 R", name, n))
	d.alphas[k] = name
	return name
}

// softMask names a graphics state whose soft mask is form (luminosity, or
// alpha when byAlpha).
func (d *pdfDoc) softMask(form string, byAlpha bool) string {
	kind := "Luminosity"
	if byAlpha {
		kind = "Alpha"
	}
	n := d.alloc()
	d.object(n, fmt.Sprintf("<</Type/ExtGState/SMask<</Type/Mask/S/%s/G %s>>>>", kind, d.ref(form)), nil)
	name := "/M" + strconv.Itoa(n)
	d.extg = append(d.extg, fmt.Sprintf("%s %d 0 R", name, n))
	return name
}

// ref is the reference of a named XObject.
func (d *pdfDoc) ref(name string) string {
	for _, e := range d.xobjects {
		if strings.HasPrefix(e, name+" ") {
			return strings.TrimPrefix(e, name+" ")
		}
	}
	return "null"
}

// form writes content as a transparency group form with bbox, and names it.
func (d *pdfDoc) form(content []byte, bbox Rect, gray bool) string {
	n := d.alloc()
	cs := "DeviceRGB"
	if gray {
		cs = "DeviceGray"
	}
	d.object(n, fmt.Sprintf("/Type/XObject/Subtype/Form/BBox[%s %s %s %s]/Group<</S/Transparency/CS/%s>>/Resources %d 0 R",
		fnum(bbox.X), fnum(bbox.Y), fnum(bbox.X+bbox.W), fnum(bbox.Y+bbox.H), cs, d.resources), content)
	name := "/F" + strconv.Itoa(n)
	d.xobjects = append(d.xobjects, fmt.Sprintf("%s %d 0 R", name, n))
	return name
}

// image embeds a raster: JPEG bytes as they are, anything else as
// compressed RGB with its alpha as a soft mask.
func (d *pdfDoc) image(im *Image, gray bool) string {
	k := imageKey{im, gray}
	if name, ok := d.images[k]; ok {
		return name
	}
	b := im.Img.Bounds()
	n := d.alloc()
	dict := fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/BitsPerComponent 8", b.Dx(), b.Dy())
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(im.Data)); im.Format == "jpeg" && !gray && err == nil && cfg.ColorModel != nil && isRGBorGray(im.Img) {
		cs := "DeviceRGB"
		if _, ok := im.Img.(*image.Gray); ok {
			cs = "DeviceGray"
		}
		d.raw(n, dict+"/ColorSpace/"+cs, "DCTDecode", im.Data)
	} else {
		rgb, alpha, opaque := pixels(im.Img, gray)
		if !opaque {
			m := d.alloc()
			d.object(m, fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/BitsPerComponent 8/ColorSpace/DeviceGray", b.Dx(), b.Dy()), alpha)
			dict += fmt.Sprintf("/SMask %d 0 R", m)
		}
		d.object(n, dict+"/ColorSpace/DeviceRGB", rgb)
	}
	name := "/I" + strconv.Itoa(n)
	d.xobjects = append(d.xobjects, fmt.Sprintf("%s %d 0 R", name, n))
	d.images[k] = name
	return name
}

func isRGBorGray(img image.Image) bool {
	switch img.(type) {
	case *image.YCbCr, *image.Gray, *image.RGBA, *image.NRGBA:
		return true
	}
	return false
}

// pixels is the image as unpremultiplied RGB bytes and alpha bytes.
func pixels(img image.Image, gray bool) (rgb, alpha []byte, opaque bool) {
	b := img.Bounds()
	n, ok := img.(*image.NRGBA)
	if !ok { // image/draw converts the common kinds quickly
		n = image.NewNRGBA(b)
		draw.Draw(n, b, img, b.Min, draw.Src)
	}
	rgb = make([]byte, 0, 3*b.Dx()*b.Dy())
	alpha = make([]byte, 0, b.Dx()*b.Dy())
	opaque = true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := n.Pix[n.PixOffset(b.Min.X, y):]
		for x := 0; x < b.Dx(); x++ {
			p := row[4*x : 4*x+4 : 4*x+4]
			if gray {
				l := byte(0.2126*float64(p[0]) + 0.7152*float64(p[1]) + 0.0722*float64(p[2]))
				rgb = append(rgb, l, l, l)
			} else {
				rgb = append(rgb, p[0], p[1], p[2])
			}
			alpha = append(alpha, p[3])
			opaque = opaque && p[3] == 0xff
		}
	}
	return rgb, alpha, opaque
}

// shading writes an axial or radial shading of g's colours (or, with
// alphaOnly, of their opacity as greys) and names it.
func (d *pdfDoc) shading(g *Gradient, gray, alphaOnly bool) string {
	cs, comp := "DeviceRGB", func(c Color) string { return fnum(c.R) + " " + fnum(c.G) + " " + fnum(c.B) }
	if gray || alphaOnly {
		cs = "DeviceGray"
		comp = func(c Color) string { return fnum(c.Gray().R) }
	}
	if alphaOnly {
		comp = func(c Color) string { return fnum(c.A) }
	}
	stops := g.Stops
	if stops[0].Offset > 0 {
		stops = append([]Stop{{0, stops[0].Color}}, stops...)
	}
	if stops[len(stops)-1].Offset < 1 {
		stops = append(stops, Stop{1, stops[len(stops)-1].Color})
	}
	var fns, bounds, encode []string
	for i := 1; i < len(stops); i++ {
		fns = append(fns, fmt.Sprintf("<</FunctionType 2/Domain[0 1]/C0[%s]/C1[%s]/N 1>>", comp(stops[i-1].Color), comp(stops[i].Color)))
		if i < len(stops)-1 {
			bounds = append(bounds, fnum(stops[i].Offset))
		}
		encode = append(encode, "0 1")
	}
	fn := fmt.Sprintf("<</FunctionType 3/Domain[0 1]/Functions[%s]/Bounds[%s]/Encode[%s]>>", strings.Join(fns, ""), strings.Join(bounds, " "), strings.Join(encode, " "))
	var dict string
	if g.Radial {
		dict = fmt.Sprintf("<</ShadingType 3/ColorSpace/%s/Coords[%s %s 0 %s %s %s]/Function %s/Extend[true true]>>",
			cs, fnum(g.Fx), fnum(g.Fy), fnum(g.Cx), fnum(g.Cy), fnum(g.R), fn)
	} else {
		dict = fmt.Sprintf("<</ShadingType 2/ColorSpace/%s/Coords[%s %s %s %s]/Function %s/Extend[true true]>>",
			cs, fnum(g.X1), fnum(g.Y1), fnum(g.X2), fnum(g.Y2), fn)
	}
	n := d.alloc()
	d.object(n, dict, nil)
	name := "/S" + strconv.Itoa(n)
	d.shadings = append(d.shadings, fmt.Sprintf("%s %d 0 R", name, n))
	return name
}

// fnum writes a number the short way PDF reads: at most four decimals.
func fnum(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "0"
	}
	s := strconv.FormatFloat(math.Round(f*1e4)/1e4, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

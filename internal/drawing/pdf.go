package drawing

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// pdfDoc writes a PDF 1.4 file as it goes: numbered objects, then the
// cross-reference table. Every content stream shares one resource
// dictionary, written last, so that forms can name each other, images,
// shadings and graphics states without bookkeeping per stream.
type pdfDoc struct {
	out       *bufio.Writer
	n         int // bytes written
	err       error
	offsets   []int // by object number
	resources int   // the shared resource dictionary's object number

	xobjects, extg, shadings []byte // "/Name ref" entries of the resources
	forms                    map[formKey]string
	images                   map[imageKey]string
	alphas                   map[float64]string
	zbuf                     bytes.Buffer

	frag *PDFForm // when set, objects are collected here instead of written
}

// PDFForm is a self-contained set of PDF objects that draws one logo: a
// form (object Root) with its own resource dictionary and whatever it
// uses, numbered from 1 and referring to each other as "@N@" in their
// dictionaries. It is made once (and can be cached), and placed into any
// document by renumbering those short, uncompressed dictionaries; the
// compressed content streams are copied as they are.
type PDFForm struct {
	Root int
	Objs []PDFObject
}

// PDFObject is one object of a PDFForm; Stream is already encoded as Dict says.
type PDFObject struct {
	Num       int
	Dict      string
	Stream    []byte
	HasStream bool
}

type formKey struct {
	art  *Art
	gray bool
}

// imageKey names a PDF image object: one per decoded bitmap (Image.src),
// however many times a logo draws it.
type imageKey struct {
	src  any // *raster, or the *Image when it has none
	gray bool
}

func newPDF(w io.Writer) *pdfDoc {
	d := &pdfDoc{out: bufio.NewWriterSize(w, 1<<16), offsets: []int{0}, forms: map[formKey]string{}, images: map[imageKey]string{}, alphas: map[float64]string{}}
	d.write([]byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"))
	d.resources = d.alloc()
	return d
}

func (d *pdfDoc) write(b []byte) {
	if d.err == nil {
		var n int
		n, d.err = d.out.Write(b)
		d.n += n
	}
}

func (d *pdfDoc) writeString(s string) {
	if d.err == nil {
		var n int
		n, d.err = d.out.WriteString(s)
		d.n += n
	}
}

func (d *pdfDoc) alloc() int { d.offsets = append(d.offsets, 0); return len(d.offsets) - 1 }

// ref is a reference to object n: "@n@" inside a PDFForm, to be renumbered.
func (d *pdfDoc) ref(n int) string {
	if d.frag != nil {
		return "@" + strconv.Itoa(n) + "@"
	}
	return strconv.Itoa(n) + " 0 R"
}

// object writes object n: a dictionary, with a compressed stream when
// stream is not nil.
func (d *pdfDoc) object(n int, dict string, stream []byte) {
	if d.frag != nil {
		o := PDFObject{Num: n, Dict: dict}
		if stream != nil {
			d.deflate(stream)
			o.Dict = "<<" + dict + "/Filter/FlateDecode/Length " + strconv.Itoa(d.zbuf.Len()) + ">>"
			o.Stream, o.HasStream = bytes.Clone(d.zbuf.Bytes()), true
		}
		d.frag.Objs = append(d.frag.Objs, o)
		return
	}
	d.offsets[n] = d.n
	d.writeString(strconv.Itoa(n) + " 0 obj\n")
	if stream == nil {
		d.writeString(dict + "\nendobj\n")
		return
	}
	d.deflate(stream)
	d.writeString("<<" + dict + "/Filter/FlateDecode/Length " + strconv.Itoa(d.zbuf.Len()) + ">>\nstream\n")
	d.write(d.zbuf.Bytes())
	d.writeString("\nendstream\nendobj\n")
}

// zlibWriters are reused: setting one up costs more than compressing a
// small logo's stream.
var zlibWriters = sync.Pool{New: func() any { w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed); return w }}

// deflate compresses stream into d.zbuf.
func (d *pdfDoc) deflate(stream []byte) {
	d.zbuf.Reset()
	z := zlibWriters.Get().(*zlib.Writer)
	z.Reset(&d.zbuf)
	z.Write(stream)
	z.Close()
	zlibWriters.Put(z)
}

// raw writes a stream that is already encoded with filter.
func (d *pdfDoc) raw(n int, dict, filter string, data []byte) {
	if d.frag != nil {
		d.frag.Objs = append(d.frag.Objs, PDFObject{Num: n, Dict: fmt.Sprintf("<<%s/Filter/%s/Length %d>>", dict, filter, len(data)), Stream: data, HasStream: true})
		return
	}
	d.offsets[n] = d.n
	d.writeString(fmt.Sprintf("%d 0 obj\n<<%s/Filter/%s/Length %d>>\nstream\n", n, dict, filter, len(data)))
	d.write(data)
	d.writeString("\nendstream\nendobj\n")
}

func (d *pdfDoc) finish(root int) error {
	d.object(d.resources, fmt.Sprintf("<</XObject<<%s>>/ExtGState<<%s>>/Shading<<%s>>>>", d.xobjects, d.extg, d.shadings), nil)
	xref := d.n
	d.writeString(fmt.Sprintf("xref\n0 %d\n0000000000 65535 f \n", len(d.offsets)))
	for _, off := range d.offsets[1:] {
		d.writeString(fmt.Sprintf("%010d 00000 n \n", off))
	}
	d.writeString(fmt.Sprintf("trailer\n<</Size %d/Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(d.offsets), root, xref))
	if d.err != nil {
		return d.err
	}
	return d.out.Flush()
}

// name adds a resource entry named by its object number.
func (d *pdfDoc) name(list *[]byte, prefix string, n int) string {
	nm := prefix + strconv.Itoa(n)
	*list = append(*list, nm+" "+d.ref(n)...)
	return nm
}

// place writes a PDFForm's objects into the document, renumbered after
// the last object, and names its form.
func (d *pdfDoc) place(f *PDFForm) string {
	base := len(d.offsets) - 1
	for range f.Objs {
		d.alloc()
	}
	renumber := func(dict string) string {
		var b []byte
		for {
			i := strings.IndexByte(dict, '@')
			if i < 0 {
				return string(append(b, dict...))
			}
			j := strings.IndexByte(dict[i+1:], '@')
			if j < 0 {
				return string(append(b, dict...))
			}
			n, err := strconv.Atoi(dict[i+1 : i+1+j])
			if err != nil {
				return string(append(b, dict...)) // not ours: left as it is
			}
			b = append(append(b, dict[:i]...), strconv.Itoa(base+n)+" 0 R"...)
			dict = dict[i+2+j:]
		}
	}
	for _, o := range f.Objs {
		n := base + o.Num
		d.offsets[n] = d.n
		d.writeString(strconv.Itoa(n) + " 0 obj\n" + renumber(o.Dict))
		if o.HasStream {
			d.writeString("\nstream\n")
			d.write(o.Stream)
			d.writeString("\nendstream")
		}
		d.writeString("\nendobj\n")
	}
	return d.name(&d.xobjects, "/F", base+f.Root)
}

// alpha names a graphics state with fill and stroke opacity a.
func (d *pdfDoc) alpha(a float64) string {
	a = math.Round(a*1e4) / 1e4
	if nm, ok := d.alphas[a]; ok {
		return nm
	}
	n := d.alloc()
	k := string(appendNum(nil, a, 4))
	d.object(n, "<</Type/ExtGState/ca "+k+"/CA "+k+">>", nil)
	nm := d.name(&d.extg, "/A", n)
	d.alphas[a] = nm
	return nm
}

// softMask names a graphics state whose soft mask is form n (luminosity,
// or alpha when byAlpha).
func (d *pdfDoc) softMask(form int, byAlpha bool) string {
	kind := "Luminosity"
	if byAlpha {
		kind = "Alpha"
	}
	n := d.alloc()
	d.object(n, fmt.Sprintf("<</Type/ExtGState/SMask<</Type/Mask/S/%s/G %s>>>>", kind, d.ref(form)), nil)
	return d.name(&d.extg, "/M", n)
}

// form writes content as a transparency group form with bbox and returns
// its object number and name.
func (d *pdfDoc) form(content []byte, bbox Rect, gray bool) (int, string) {
	n := d.alloc()
	cs := "DeviceRGB"
	if gray {
		cs = "DeviceGray"
	}
	var b []byte
	b = append(b, "/Type/XObject/Subtype/Form/BBox["...)
	for i, v := range []float64{bbox.X, bbox.Y, bbox.X + bbox.W, bbox.Y + bbox.H} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum(b, v, 3)
	}
	b = fmt.Appendf(b, "]/Group<</S/Transparency/CS/%s>>/Resources %s", cs, d.ref(d.resources))
	d.object(n, string(b), content)
	return n, d.name(&d.xobjects, "/F", n)
}

// image embeds a raster: JPEG bytes as they are, an opaque 8-bit PNG's
// compressed rows as they are, anything else as compressed RGB with its
// alpha as a soft mask.
func (d *pdfDoc) image(im *Image, gray bool) string {
	k := imageKey{any(im), gray}
	if im.src != nil {
		k.src = im.src
	}
	if nm, ok := d.images[k]; ok {
		return nm
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
	} else if colors, idat, ok := opaquePNG(im.Data); im.Format == "png" && !gray && ok {
		cs := map[int]string{1: "DeviceGray", 3: "DeviceRGB"}[colors]
		d.raw(n, fmt.Sprintf("%s/ColorSpace/%s/DecodeParms<</Predictor 15/Colors %d/BitsPerComponent 8/Columns %d>>", dict, cs, colors, b.Dx()), "FlateDecode", idat)
	} else {
		rgb, alpha, opaque := pixels(im.Img, gray)
		if !opaque {
			m := d.alloc()
			d.object(m, fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/BitsPerComponent 8/ColorSpace/DeviceGray", b.Dx(), b.Dy()), alpha)
			dict += "/SMask " + d.ref(m)
		}
		d.object(n, dict+"/ColorSpace/DeviceRGB", rgb)
	}
	nm := d.name(&d.xobjects, "/I", n)
	d.images[k] = nm
	return nm
}

// opaquePNG returns the zlib stream of an 8-bit, non-interlaced RGB or
// grey PNG without transparency, which a PDF reads as it is with the PNG
// predictors, and its number of colour components.
func opaquePNG(data []byte) (colors int, idat []byte, ok bool) {
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		return 0, nil, false
	}
	p := data[8:]
	for len(p) >= 12 {
		n := int(binary.BigEndian.Uint32(p))
		if n < 0 || n > len(p)-12 {
			return 0, nil, false
		}
		kind, body := string(p[4:8]), p[8:8+n]
		switch kind {
		case "IHDR":
			if n != 13 || body[8] != 8 || body[10] != 0 || body[11] != 0 || body[12] != 0 {
				return 0, nil, false
			}
			switch body[9] {
			case 0:
				colors = 1
			case 2:
				colors = 3
			default:
				return 0, nil, false
			}
		case "tRNS", "PLTE":
			return 0, nil, false
		case "IDAT":
			idat = append(idat, body...)
		case "IEND":
			return colors, idat, colors > 0 && len(idat) > 0
		}
		p = p[12+n:]
	}
	return 0, nil, false
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
	rgb = make([]byte, 3*b.Dx()*b.Dy())
	alpha = make([]byte, b.Dx()*b.Dy())
	opaque = true
	i := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := n.Pix[n.PixOffset(b.Min.X, y):][:4*b.Dx()]
		for x := 0; x+3 < len(row); x += 4 {
			p := row[x : x+4 : x+4]
			if gray {
				l := byte(0.2126*float64(p[0]) + 0.7152*float64(p[1]) + 0.0722*float64(p[2]))
				rgb[3*i], rgb[3*i+1], rgb[3*i+2] = l, l, l
			} else {
				rgb[3*i], rgb[3*i+1], rgb[3*i+2] = p[0], p[1], p[2]
			}
			alpha[i] = p[3]
			opaque = opaque && p[3] == 0xff
			i++
		}
	}
	return rgb, alpha, opaque
}

// shading writes an axial or radial shading of g's colours (or, with
// alphaOnly, of their opacity as greys) and names it.
func (d *pdfDoc) shading(g *Gradient, gray, alphaOnly bool) string {
	cs, comp := "DeviceRGB", func(b []byte, c Color) []byte {
		return appendNum(append(appendNum(append(appendNum(b, c.R, 4), ' '), c.G, 4), ' '), c.B, 4)
	}
	if gray || alphaOnly {
		cs = "DeviceGray"
		comp = func(b []byte, c Color) []byte { return appendNum(b, c.Gray().R, 4) }
	}
	if alphaOnly {
		comp = func(b []byte, c Color) []byte { return appendNum(b, c.A, 4) }
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
		fns = append(fns, fmt.Sprintf("<</FunctionType 2/Domain[0 1]/C0[%s]/C1[%s]/N 1>>", comp(nil, stops[i-1].Color), comp(nil, stops[i].Color)))
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
	return d.name(&d.shadings, "/S", n)
}

// fnum writes a number with at most four decimals.
func fnum(f float64) string { return string(appendNum(nil, f, 4)) }

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// appendNum appends f rounded to dec decimals (at most 9), in the shortest
// way PDF reads: no trailing zeros, no leading zero before the point.
func appendNum(b []byte, f float64, dec int) []byte {
	dec = max(0, min(dec, len(pow10)-1))
	v := math.Round(f * pow10[dec])
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, '0')
	}
	if math.Abs(v) >= 1<<53 {
		return strconv.AppendFloat(b, math.Round(f), 'f', 0, 64)
	}
	n := int64(v)
	if n == 0 {
		return append(b, '0')
	}
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	p := int64(pow10[dec])
	ip, fp := n/p, n%p
	if ip != 0 || fp == 0 {
		b = strconv.AppendInt(b, ip, 10)
	}
	if fp == 0 {
		return b
	}
	digits := dec
	for fp%10 == 0 {
		fp /= 10
		digits--
	}
	b = append(b, '.')
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], fp, 10)
	for range digits - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

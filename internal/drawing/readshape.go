package drawing

import (
	"bytes"
	"encoding/base64"
	"image"
	_ "image/gif" // logos embed GIF, JPEG and PNG rasters
	_ "image/jpeg"
	_ "image/png"
	"math"
	"net/url"
	"strings"

	"github.com/serverless-landscape/landscape/internal/logos"
)

// pathSink collects logos.WalkPath's segments.
type pathSink struct{ p *Path }

func (s pathSink) MoveTo(x, y float64) { s.p.MoveTo(Point{x, y}) }
func (s pathSink) LineTo(x, y float64) { s.p.LineTo(Point{x, y}) }
func (s pathSink) CubeTo(x1, y1, x2, y2, x, y float64) {
	s.p.CubeTo(Point{x1, y1}, Point{x2, y2}, Point{x, y})
}
func (s pathSink) ClosePath() { s.p.Close() }

// geometry is the outline of a basic shape or path, in its user space.
func (r *reader) geometry(e *elem) (Path, bool) {
	var p Path
	num := func(name string, ref float64) float64 {
		v, _ := parseLength(e.attr(name), ref)
		return v
	}
	w, h, diag := r.vb.W, r.vb.H, math.Hypot(r.vb.W, r.vb.H)/math.Sqrt2
	switch e.name {
	case "path":
		_ = logos.WalkPath(e.attrs["d"], pathSink{&p}) // drawn up to the first error, as browsers do
	case "rect":
		rw, rh := num("width", w), num("height", h)
		if rw <= 0 || rh <= 0 {
			return p, false
		}
		rx, okx := parseLength(e.attr("rx"), w)
		ry, oky := parseLength(e.attr("ry"), h)
		if !okx {
			rx = ry
		}
		if !oky {
			ry = rx
		}
		p.Rectangle(num("x", w), num("y", h), rw, rh, math.Max(rx, 0), math.Max(ry, 0))
	case "circle":
		if rad := num("r", diag); rad > 0 {
			p.Ellipse(num("cx", w), num("cy", h), rad, rad)
		}
	case "ellipse":
		rx, ry := num("rx", w), num("ry", h)
		if !e.has("rx") {
			rx = ry
		}
		if !e.has("ry") {
			ry = rx
		}
		if rx > 0 && ry > 0 {
			p.Ellipse(num("cx", w), num("cy", h), rx, ry)
		}
	case "line":
		p.MoveTo(Point{num("x1", w), num("y1", h)})
		p.LineTo(Point{num("x2", w), num("y2", h)})
	case "polyline", "polygon":
		v, _ := logos.ParseNumbers(e.attr("points"))
		for i := 0; i+1 < len(v); i += 2 {
			if i == 0 {
				p.MoveTo(Point{v[0], v[1]})
			} else {
				p.LineTo(Point{v[i], v[i+1]})
			}
		}
		if e.name == "polygon" && len(v) >= 4 {
			p.Close()
		}
	}
	return p, len(p.Ops) > 0
}

func (r *reader) shape(e *elem, m Matrix, st style) *Shape {
	if v := st["visibility"]; v == "hidden" || v == "collapse" {
		return nil
	}
	p, ok := r.geometry(e)
	if !ok {
		return nil
	}
	s := &Shape{M: m, Path: p, EvenOdd: st["fill-rule"] == "evenodd", Miter: 4}
	bbox := func() Rect { return exactBounds(p) }
	if e.name != "line" { // a line encloses nothing; an open polyline is filled as if closed
		s.Fill = r.paint(orDefault(st["fill"], "black"), st["fill-opacity"], st, bbox)
	}
	if v := st["stroke"]; v != "" && v != "none" {
		width := 1.0
		if sw, ok := parseLength(st["stroke-width"], math.Hypot(r.vb.W, r.vb.H)/math.Sqrt2); ok {
			width = sw
		}
		if width > 0 {
			s.Stroke = r.paint(v, st["stroke-opacity"], st, bbox)
			s.Width = width
			r.strokeStyle(s, st)
		}
	}
	if s.Fill == nil && s.Stroke == nil {
		return nil
	}
	for _, k := range []string{"marker", "marker-start", "marker-mid", "marker-end"} {
		if v := st[k]; v != "" && v != "none" {
			r.problem("marker")
		}
	}
	if s.Fill != nil && s.Stroke != nil && strings.HasPrefix(st["paint-order"], "stroke") {
		r.problem("paint-order")
	}
	if st["vector-effect"] == "non-scaling-stroke" {
		r.problem("non-scaling-stroke")
	}
	return s
}

func (r *reader) strokeStyle(s *Shape, st style) {
	switch st["stroke-linecap"] {
	case "round":
		s.Cap = CapRound
	case "square":
		s.Cap = CapSquare
	}
	switch st["stroke-linejoin"] {
	case "round":
		s.Join = JoinRound
	case "bevel":
		s.Join = JoinBevel
	}
	if v, err := parseFloat(st["stroke-miterlimit"]); err == nil && v >= 1 {
		s.Miter = v
	}
	if d := st["stroke-dasharray"]; d != "" && d != "none" {
		v, err := logos.ParseNumbers(strings.NewReplacer("px", "").Replace(d))
		sum := 0.0
		for _, x := range v {
			if x < 0 {
				err = errNegative
			}
			sum += x
		}
		if err == nil && sum > 0 {
			if len(v)%2 == 1 {
				v = append(v, v...)
			}
			s.Dash = v
			s.DashOff, _ = parseLength(st["stroke-dashoffset"], 0)
		}
	}
}

// exactBounds is the box of a path's curves, flattened finely.
func exactBounds(p Path) Rect {
	b := p.Bounds()
	lines, _ := p.flatten(math.Max(b.W, b.H)/1000 + 1e-9)
	var q Path
	for _, l := range lines {
		for _, pt := range l {
			q.Pts = append(q.Pts, pt)
		}
	}
	return q.Bounds()
}

// image draws an embedded raster. Only data: URLs of PNG, JPEG and GIF
// remain after sanitizing; an SVG inside an image is not drawn.
func (r *reader) image(e *elem, m Matrix) []Node {
	href := e.attrs["href"]
	first := r.decoded[href]
	if first == nil {
		data, format, ok := decodeDataURL(href)
		if !ok {
			if strings.HasPrefix(strings.TrimSpace(href), "data:image/svg") {
				r.problem("svg image")
			}
			return nil
		}
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			r.problem("unreadable raster")
			return nil
		}
		first = &Image{Img: img, Data: data, Format: format, Opacity: 1, src: &raster{}}
		if r.decoded == nil {
			r.decoded = map[string]*Image{}
		}
		r.decoded[href] = first
		r.rasters = append(r.rasters, first)
	}
	img := first.Img
	ib := img.Bounds()
	iw, ih := float64(ib.Dx()), float64(ib.Dy())
	x, _ := parseLength(e.attr("x"), r.vb.W)
	y, _ := parseLength(e.attr("y"), r.vb.H)
	w, okw := parseLength(e.attr("width"), r.vb.W)
	h, okh := parseLength(e.attr("height"), r.vb.H)
	if !okw && !okh {
		w, h = iw, ih
	} else if !okw {
		w = h * iw / ih
	} else if !okh {
		h = w * ih / iw
	}
	if w <= 0 || h <= 0 || iw == 0 || ih == 0 {
		return nil
	}
	par := e.attr("preserveAspectRatio")
	im := first.Placed(m.Mul(Translate(x, y)).Mul(viewBoxTransform(Rect{0, 0, iw, ih}, w, h, par)).Mul(Translate(-float64(ib.Min.X), -float64(ib.Min.Y))), 1)
	if strings.Contains(par, "slice") {
		return []Node{&Group{Opacity: 1, Clip: []Clip{rectClip(m, Rect{x, y, w, h})}, Children: []Node{im}}}
	}
	return []Node{im}
}

func decodeDataURL(href string) ([]byte, string, bool) {
	href = strings.TrimSpace(href)
	rest, ok := strings.CutPrefix(href, "data:")
	if !ok {
		return nil, "", false
	}
	meta, payload, ok := strings.Cut(rest, ",")
	if !ok {
		return nil, "", false
	}
	format := ""
	switch mt := strings.ToLower(strings.SplitN(meta, ";", 2)[0]); mt {
	case "image/png":
		format = "png"
	case "image/jpeg", "image/jpg":
		format = "jpeg"
	case "image/gif":
		format = "gif"
	default:
		return nil, "", false
	}
	if strings.HasSuffix(strings.ToLower(meta), ";base64") {
		clean := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}, payload)
		b, err := base64.StdEncoding.DecodeString(clean)
		if err != nil {
			b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(clean, "="))
		}
		return b, format, err == nil
	}
	s, err := url.PathUnescape(payload)
	return []byte(s), format, err == nil
}

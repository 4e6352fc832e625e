package poster

import (
	"encoding/base64"
	"fmt"
	"image"
	"slices"
	"strings"

	"github.com/klauspost/compress/s2"

	"github.com/serverless-landscape/landscape/internal/drawing"
)

// Prepared is a logo made ready for the posters from its bytes alone, so
// that a build can keep it (by the SHA-256 of the bytes) and the next one
// reuse it instead of reading and drawing the logo again.
type Prepared struct {
	Why      string // what the renderer cannot draw; "" when it draws the vectors
	Measured string // the reason from a fidelity record (Input.Unfaithful), or ""
	Drawn    bool   // false: the logo is a name tile
	ViewBox  drawing.Rect
	Symbol   []byte // the scoped <symbol> for the SVG, \x00 where its id prefix goes
	Stamps   []Stamp
	Forms    []Form
}

// Stamp is the logo rasterized at one size: premultiplied RGBA rows,
// compressed with S2 (github.com/klauspost/compress/s2, which the build
// has already for deflate): a tenth of deflate's time, for a pack that
// only this machine reads.
type Stamp struct {
	Key drawing.StampKey
	Pix []byte
}

// Form is the logo's PDF form in one colouring.
type Form struct {
	Gray bool
	Form *drawing.PDFForm
}

// need is what the posters of one build draw of a logo.
type need struct {
	stamps []drawing.StampKey
	forms  []bool // by gray
}

func (n *need) addStamp(k drawing.StampKey) {
	if !slices.Contains(n.stamps, k) {
		n.stamps = append(n.stamps, k)
	}
}

func (n *need) addForm(gray bool) {
	if !slices.Contains(n.forms, gray) {
		n.forms = append(n.forms, gray)
	}
}

// covers says whether p has everything n asks for.
func (p *Prepared) covers(n *need) bool {
	if !p.Drawn {
		return true
	}
	for _, k := range n.stamps {
		if !slices.ContainsFunc(p.Stamps, func(s Stamp) bool { return s.Key == k }) {
			return false
		}
	}
	for _, g := range n.forms {
		if !slices.ContainsFunc(p.Forms, func(f Form) bool { return f.Gray == g }) {
			return false
		}
	}
	return true
}

// prepare reads a logo and draws what n asks for. A logo the renderer
// cannot draw faithfully, by its own account or by measured, is drawn as
// its largest embedded raster, or else is a name tile.
func prepare(data []byte, n *need, measured string) (*Prepared, *drawing.Art) {
	sc, sym, err := drawing.ReadSymbol(data, "\x00")
	if err != nil {
		return &Prepared{Why: "markup (" + err.Error() + ")", Measured: measured}, nil
	}
	p := &Prepared{Measured: measured}
	if measured != "" {
		sc.Problems = append(sc.Problems, measured)
	}
	if len(sc.Problems) > 0 {
		p.Why = strings.Join(sc.Problems, ", ")
		r := largest(sc.Rasters)
		if r == nil {
			return p, nil
		}
		b := r.Img.Bounds()
		svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d"><image width="%d" height="%d" href="data:image/%s;base64,%s"/></svg>`,
			b.Dx(), b.Dy(), b.Dx(), b.Dy(), r.Format, base64.StdEncoding.EncodeToString(r.Data))
		if _, sym, err = drawing.ReadSymbol([]byte(svg), "\x00"); err != nil {
			return p, nil
		}
		sc = rasterScene(r)
	}
	art := drawing.NewArt(sc, n.stamps, n.forms)
	p.Drawn, p.ViewBox, p.Symbol = true, sc.ViewBox, sym
	for _, k := range n.stamps {
		if st := art.Stamps[k]; st != nil {
			p.Stamps = append(p.Stamps, Stamp{Key: k, Pix: s2.Encode(nil, st.Pix)})
		}
	}
	for _, g := range n.forms {
		p.Forms = append(p.Forms, Form{Gray: g, Form: art.Forms[g]})
	}
	return p, art
}

// art is the drawing of a prepared logo; nil for a name tile or when the
// prepared data is damaged.
func (p *Prepared) art() *drawing.Art {
	if !p.Drawn {
		return nil
	}
	a := &drawing.Art{ViewBox: p.ViewBox, Stamps: map[drawing.StampKey]*image.RGBA{}, Forms: map[bool]*drawing.PDFForm{}}
	for _, s := range p.Stamps {
		if s.Key.W <= 0 || s.Key.H <= 0 || s.Key.W*s.Key.H > 1<<24 {
			return nil
		}
		pix := make([]byte, 4*s.Key.W*s.Key.H)
		if n, err := s2.DecodedLen(s.Pix); err != nil || n != len(pix) {
			return nil // damaged, or deflated by an older build
		}
		if _, err := s2.Decode(pix, s.Pix); err != nil {
			return nil
		}
		a.Stamps[s.Key] = &image.RGBA{Pix: pix, Stride: 4 * s.Key.W, Rect: image.Rect(0, 0, s.Key.W, s.Key.H)}
	}
	for _, f := range p.Forms {
		if f.Form == nil {
			return nil
		}
		a.Forms[f.Gray] = f.Form
	}
	return a
}

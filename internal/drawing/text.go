package drawing

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Text on pages is drawn in the Go fonts as outlines, so that the PNG and
// the PDF show the same letters without embedding or finding a font.

// FontFamily is what an SVG names the Go fonts by, with fallbacks of a
// similar width for viewers that lack them.
const FontFamily = "'Go', 'Helvetica Neue', Arial, sans-serif"

type face struct {
	f   *sfnt.Font
	buf sfnt.Buffer
}

var (
	fontsOnce    sync.Once
	fontsMu      sync.Mutex // sfnt.Buffer is not safe for concurrent use
	regular, bld *face
)

func fonts(bold bool) *face {
	fontsOnce.Do(func() {
		r, err1 := sfnt.Parse(goregular.TTF)
		b, err2 := sfnt.Parse(gobold.TTF)
		if err1 != nil || err2 != nil {
			panic(fmt.Sprintf("go fonts: %v %v", err1, err2)) // the fonts are compiled in: this cannot happen
		}
		regular, bld = &face{f: r}, &face{f: b}
	})
	if bold {
		return bld
	}
	return regular
}

// Missing lists the characters of s that the Go fonts have no glyph for
// (spaces and controls aside).
func Missing(s string) []rune {
	fontsMu.Lock()
	defer fontsMu.Unlock()
	fc := fonts(false)
	var out []rune
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			continue
		}
		if i, err := fc.f.GlyphIndex(&fc.buf, r); err != nil || i == 0 {
			out = append(out, r)
		}
	}
	return out
}

// TextWidth is the advance of s at size px.
func TextWidth(s string, size float64, bold bool) float64 {
	fontsMu.Lock()
	defer fontsMu.Unlock()
	fc := fonts(bold)
	ppem := fixed.Int26_6(size * 64)
	w := fixed.Int26_6(0)
	prev := sfnt.GlyphIndex(0)
	for _, r := range s {
		i, _ := fc.f.GlyphIndex(&fc.buf, r)
		if prev != 0 {
			k, _ := fc.f.Kern(&fc.buf, prev, i, ppem, font.HintingNone)
			w += k
		}
		a, _ := fc.f.GlyphAdvance(&fc.buf, i, ppem, font.HintingNone)
		w += a
		prev = i
	}
	return float64(w) / 64
}

// TextPath is the outline of s at size px with its baseline starting at x, y.
func TextPath(s string, x, y, size float64, bold bool) Path {
	fontsMu.Lock()
	defer fontsMu.Unlock()
	fc := fonts(bold)
	ppem := fixed.Int26_6(size * 64)
	var p Path
	pen := x
	prev := sfnt.GlyphIndex(0)
	for _, r := range s {
		i, _ := fc.f.GlyphIndex(&fc.buf, r)
		if prev != 0 {
			k, _ := fc.f.Kern(&fc.buf, prev, i, ppem, font.HintingNone)
			pen += float64(k) / 64
		}
		segs, err := fc.f.LoadGlyph(&fc.buf, i, ppem, nil)
		if err == nil {
			pt := func(q fixed.Point26_6) Point { return Point{pen + float64(q.X)/64, y + float64(q.Y)/64} }
			for _, sg := range segs {
				switch sg.Op {
				case sfnt.SegmentOpMoveTo:
					if len(p.Ops) > 0 {
						p.Close()
					}
					p.MoveTo(pt(sg.Args[0]))
				case sfnt.SegmentOpLineTo:
					p.LineTo(pt(sg.Args[0]))
				case sfnt.SegmentOpQuadTo:
					p0 := p.Pts[len(p.Pts)-1]
					c, q := pt(sg.Args[0]), pt(sg.Args[1])
					p.CubeTo(Point{p0.X + 2.0/3*(c.X-p0.X), p0.Y + 2.0/3*(c.Y-p0.Y)}, Point{q.X + 2.0/3*(c.X-q.X), q.Y + 2.0/3*(c.Y-q.Y)}, q)
				case sfnt.SegmentOpCubeTo:
					p.CubeTo(pt(sg.Args[0]), pt(sg.Args[1]), pt(sg.Args[2]))
				}
			}
			if len(segs) > 0 {
				p.Close()
			}
		}
		a, _ := fc.f.GlyphAdvance(&fc.buf, i, ppem, font.HintingNone)
		pen += float64(a) / 64
		prev = i
	}
	return p
}

// Ellipsize shortens s with an ellipsis until it fits in width.
func Ellipsize(s string, size, width float64, bold bool) string {
	if TextWidth(s, size, bold) <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimSpace(string(rs[:n])) + "…"
		if TextWidth(t, size, bold) <= width {
			return t
		}
	}
	return "…"
}

// Wrap breaks s into at most lines lines that fit in width, between words
// and, for a word too long for a line, inside it; the last line is
// ellipsized when the text goes on.
func Wrap(s string, size, width float64, bold bool, lines int) []string {
	fits := func(t string) bool { return TextWidth(t, size, bold) <= width }
	words := strings.Fields(s)
	var out []string
	cur := ""
	for len(words) > 0 {
		w := words[0]
		switch {
		case cur == "" && fits(w), cur != "" && fits(cur+" "+w):
			cur = strings.TrimSpace(cur + " " + w)
			words = words[1:]
			continue
		case cur == "": // a word wider than the line: break it
			rs := []rune(w)
			n := len(rs) - 1
			for n > 1 && !fits(string(rs[:n])) {
				n--
			}
			cur, words[0] = string(rs[:n]), string(rs[n:])
		}
		if len(out) == lines-1 {
			return append(out, Ellipsize(strings.Join(append([]string{cur}, words...), " "), size, width, bold))
		}
		out, cur = append(out, cur), ""
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

package poster

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/serverless-landscape/landscape/internal/drawing"
)

// writeSVG writes the poster as one self-contained SVG: each logo's own
// markup once, as a scoped <symbol>, placed by <use>; every tile a link to
// its item's page. Archived logos use a saturate filter, which the logo
// sanitizer allows, for the page's grayscale(1).
func (po *Poster) writeSVG(w *bufio.Writer) error {
	pg := po.Page
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s">`, num(pg.W), num(pg.H), num(pg.W), num(pg.H))
	w.WriteString(`<defs><filter id="archived"><feColorMatrix type="saturate" values="0"/></filter>`)
	for _, k := range slices.Sorted(maps.Keys(po.logos)) {
		for i, part := range bytes.Split(po.logos[k], []byte{0}) { // \x00 stands for the logo's key
			if i > 0 {
				w.WriteString(k)
			}
			w.Write(part)
		}
	}
	w.WriteString(`</defs>`)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="%s"/>`, hexColor(pg.Background))
	var b bytes.Buffer
	writeItems(&b, pg.Items)
	w.Write(b.Bytes())
	_, err := w.WriteString(`</svg>`)
	return err
}

func writeItems(b *bytes.Buffer, items []drawing.Item) {
	for _, it := range items {
		switch it := it.(type) {
		case *drawing.Box:
			in := 0.0
			if it.Stroke != nil {
				in = it.StrokeWidth / 2
			}
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s"`, num(it.X+in), num(it.Y+in), num(it.W-2*in), num(it.H-2*in))
			if it.Radius > 0 {
				fmt.Fprintf(b, ` rx="%s"`, num(max(0, it.Radius-in)))
			}
			fill := "none"
			if it.Fill != nil {
				fill = hexColor(*it.Fill)
			}
			fmt.Fprintf(b, ` fill="%s"`, fill)
			if it.Stroke != nil {
				fmt.Fprintf(b, ` stroke="%s" stroke-width="%s"`, hexColor(*it.Stroke), num(it.StrokeWidth))
				if it.Dashed {
					fmt.Fprintf(b, ` stroke-dasharray="%s"`, num(3*it.StrokeWidth))
				}
			}
			b.WriteString(`/>`)
		case *drawing.Text:
			fmt.Fprintf(b, `<text x="%s" y="%s" font-family="%s" font-size="%s" fill="%s"`, num(it.X), num(it.Y), drawing.FontFamily, num(it.Size), hexColor(it.Color))
			if it.Bold {
				b.WriteString(` font-weight="bold"`)
			}
			if it.Centre {
				b.WriteString(` text-anchor="middle"`)
			}
			b.WriteByte('>')
			xml.EscapeText(b, []byte(it.Text))
			b.WriteString(`</text>`)
		case *drawing.Logo:
			fmt.Fprintf(b, `<use href="#%s" x="%s" y="%s" width="%s" height="%s"`, it.Key, num(it.X), num(it.Y), num(it.W), num(it.H))
			if it.Gray {
				b.WriteString(` filter="url(#archived)" opacity=".45"`)
			}
			b.WriteString(`/>`)
		case *drawing.Link:
			b.WriteString(`<a href="`)
			xml.EscapeText(b, []byte(it.URL))
			b.WriteString(`">`)
			writeItems(b, it.Items)
			b.WriteString(`</a>`)
		}
	}
}

func num(f float64) string { return strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64) }

func hexColor(c drawing.Color) string {
	s := fmt.Sprintf("#%02x%02x%02x", int(c.R*255+.5), int(c.G*255+.5), int(c.B*255+.5))
	if c.A < 1 {
		s += fmt.Sprintf("%02x", int(c.A*255+.5))
	}
	return s
}

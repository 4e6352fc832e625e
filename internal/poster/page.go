package poster

import (
	"fmt"
	"strings"

	"github.com/serverless-landscape/landscape/internal/drawing"
	"github.com/serverless-landscape/landscape/internal/site"
)

type planner struct {
	in    Input
	lib   map[string]*logo
	theme theme
}

func (p *planner) poster(pl *plan) *Poster {
	l := pl.layout
	t := p.theme
	pg := &drawing.Page{W: l.W, H: l.H, Background: t.bg}
	po := &Poster{Name: pl.name, Formats: pl.formats, Layout: l, Page: pg, logos: map[string][]byte{}}
	add := func(it drawing.Item) { pg.Items = append(pg.Items, it) }
	add(&drawing.Text{X: margin, Y: margin + 40, Size: 36, Bold: true, Color: t.text, Text: pl.title})
	items := 0
	for _, b := range l.Bands {
		for _, bx := range b.Boxes {
			items += len(bx.Tiles)
		}
	}
	sub := fmt.Sprintf("%s tiles in %d categories", thousands(items), len(l.Bands))
	add(&drawing.Text{X: margin, Y: margin + 68, Size: 16, Color: t.muted, Text: sub})
	for _, b := range l.Bands {
		p.band(po, b)
	}
	add(&drawing.Text{X: margin, Y: l.H - margin - 14, Size: 14, Color: t.muted, Text: p.footer()})
	return po
}

func (p *planner) footer() string {
	var parts []string
	if !p.in.Date.IsZero() {
		parts = append(parts, "Data as of "+p.in.Date.UTC().Format("2006-01-02"))
	}
	if u := siteURL(p.in.Site); strings.HasPrefix(u, "http") {
		parts = append(parts, u)
	}
	parts = append(parts, thousands(len(p.in.Site.Items))+" items")
	return strings.Join(parts, " · ")
}

func (p *planner) band(po *Poster, b Band) {
	t := p.theme
	pg := po.Page
	add := func(it drawing.Item) { pg.Items = append(pg.Items, it) }
	add(&drawing.Box{Rect: rect(b.Rect), Radius: 8, Fill: &t.card, Stroke: &t.line, StrokeWidth: 1})
	head := b.Rect
	head.H = bandHeadH
	add(&drawing.Box{Rect: drawing.Rect{X: head.X + 1, Y: head.Y + 1, W: head.W - 2, H: head.H - 1}, Radius: 7, Fill: &t.accent})
	add(&drawing.Box{Rect: drawing.Rect{X: head.X + 1, Y: head.Y + 16, W: head.W - 2, H: head.H - 16}, Fill: &t.accent}) // square lower corners
	add(&drawing.Text{X: head.X + 12, Y: head.Y + 21, Size: 15, Bold: true, Color: t.onAccent,
		Text: drawing.Ellipsize(b.Category.Name, 15, head.W-24, true)})
	for _, bx := range b.Boxes {
		add(&drawing.Box{Rect: rect(bx.Rect), Radius: 6, Stroke: &t.line, StrokeWidth: 1})
		add(&drawing.Text{X: bx.X + boxBorder + boxPadX, Y: bx.Y + boxBorder + boxPadTop + 11, Size: 12, Bold: true, Color: t.muted,
			Text: drawing.Ellipsize(bx.Sub.Name, 12, bx.W-2*boxPadX-2*boxBorder, true)})
		for _, tl := range bx.Tiles {
			add(p.tile(po, tl))
		}
	}
}

// tileBorder is a tile's border width and padding: the featured ones'
// are larger.
func tileBorder(tl Tile) (width, pad float64) {
	if tl.Featured {
		return 2, featuredPad
	}
	return 1, tilePad
}

// tileInner is the part of a tile its logo is fitted into.
func tileInner(tl Tile) drawing.Rect {
	width, pad := tileBorder(tl)
	r := rect(tl.Rect)
	return drawing.Rect{X: r.X + width + pad, Y: r.Y + width + pad, W: r.W - 2*(width+pad), H: r.H - 2*(width+pad)}
}

// tile is an item's tile as the page's .t classes draw it.
func (p *planner) tile(po *Poster, tl Tile) drawing.Item {
	t := p.theme
	it := tl.Item
	bg, border := t.card, t.tileBorder
	width, _ := tileBorder(tl)
	if !it.OpenSource {
		bg, border = t.closed, t.closedBorder
	}
	if it.Archived {
		bg = t.archived
	}
	if tl.Featured {
		border = t.featured
	}
	r := rect(tl.Rect)
	link := &drawing.Link{Rect: r, URL: itemURL(p.in.Site, it)}
	link.Items = append(link.Items, &drawing.Box{Rect: r, Radius: 4, Fill: &bg, Stroke: &border, StrokeWidth: width, Dashed: !it.OpenSource && !tl.Featured})
	inner := tileInner(tl)
	if l := p.lib[it.Logo]; l != nil && l.art != nil {
		link.Items = append(link.Items, &drawing.Logo{Rect: inner, Key: l.key, Art: l.art, Gray: it.Archived})
		po.logos[l.key] = l.symbol
		return link
	}
	size, bold := 10.0, false
	if tl.Featured {
		size, bold = 13, true
	}
	color := t.text
	if it.Archived {
		color = drawing.Color{R: 0x41 / 255.0, G: 0x47 / 255.0, B: 0x4e / 255.0, A: 1}
	}
	lines := drawing.Wrap(it.Name, size, inner.W, bold, 3)
	lh := size * 1.15
	y := inner.Y + inner.H/2 - lh*float64(len(lines))/2 + size*0.8
	for i, line := range lines {
		link.Items = append(link.Items, &drawing.Text{X: inner.X + inner.W/2, Y: y + float64(i)*lh, Size: size, Bold: bold, Color: color, Text: line, Centre: true})
	}
	return link
}

func rect(r Rect) drawing.Rect { return drawing.Rect{X: r.X, Y: r.Y, W: r.W, H: r.H} }

// siteURL is where the site lives: its url and base path, or "" without a url.
func siteURL(s *site.Site) string {
	u := strings.TrimRight(s.Settings.URL, "/")
	if u == "" {
		return ""
	}
	return u + s.Settings.BasePath
}

// itemURL links a tile to its item's page: absolute when settings give the
// site's url, so that a downloaded poster still links; otherwise relative to
// the poster, which sits beside index.html.
func itemURL(s *site.Site, it *site.Item) string {
	return siteURL(s) + "items/" + it.ID + ".html"
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

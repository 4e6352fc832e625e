package render

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"unicode/utf8"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

// badgeView is what a project puts in its README to say it is listed: the
// badge (badges/ID.svg, drawn at build time) as Markdown and as HTML.
type badgeView struct {
	Src, Markdown, HTML string
}

func newBadgeView(p Page, it *site.Item) badgeView {
	root := p.Base
	if p.Canonical != "" {
		root = p.Canonical[:len(p.Canonical)-len(p.Path)]
	}
	img, page := root+badgePath(it), root+"items/"+it.ID+".html"
	alt := "Listed in the " + p.Settings.Name
	return badgeView{
		Src:      p.Base + badgePath(it),
		Markdown: "[![" + alt + "](" + img + ")](" + page + ")",
		HTML:     `<a href="` + xmlEscape(page) + `"><img src="` + xmlEscape(img) + `" alt="` + xmlEscape(alt) + `"></a>`,
	}
}

func badgePath(it *site.Item) string { return "badges/" + it.ID + ".svg" }

// Badge geometry: a label on the left, the item's name and maturity on the
// right, in 11px text whose width is estimated from its runes.
const (
	badgeHeight = 20
	badgeRune   = 7 // average advance of an 11px sans-serif rune, rounded up
	badgePad    = 8
	badgeMaxLen = 40
)

// badgeSVG draws the badge: the landscape's name on grey, the item's name
// and maturity on the landscape's accent colour (settings color1, when it
// keeps white text readable).
func badgeSVG(s *landscape.Settings, it *site.Item) []byte {
	left := truncate(badgeMaxLen, s.Name)
	right := truncate(badgeMaxLen, it.Name)
	if it.Maturity != "" {
		right += " · " + it.Maturity
	}
	lw := utf8.RuneCountInString(left)*badgeRune + 2*badgePad
	rw := utf8.RuneCountInString(right)*badgeRune + 2*badgePad
	accent := "#0b5cad"
	if rgb, ok := parseColor(s.Colors["color1"]); ok && contrast(rgb, [3]float64{255, 255, 255}) >= 4.5 {
		accent = "rgb(" + strconv.Itoa(int(rgb[0])) + "," + strconv.Itoa(int(rgb[1])) + "," + strconv.Itoa(int(rgb[2])) + ")"
	}
	w, h := strconv.Itoa(lw+rw), strconv.Itoa(badgeHeight)
	var b bytes.Buffer
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + w + `" height="` + h + `" viewBox="0 0 ` + w + ` ` + h + `" role="img" aria-label="`)
	b.WriteString(xmlEscape(left + ": " + right))
	b.WriteString(`"><title>` + xmlEscape(left+": "+right) + `</title>`)
	b.WriteString(`<rect width="` + strconv.Itoa(lw) + `" height="` + h + `" rx="3" fill="#4a4f57"/>`)
	b.WriteString(`<rect x="` + strconv.Itoa(lw) + `" width="` + strconv.Itoa(rw) + `" height="` + h + `" rx="3" fill="` + accent + `"/>`)
	b.WriteString(`<rect x="` + strconv.Itoa(lw) + `" width="4" height="` + h + `" fill="` + accent + `"/>`)
	b.WriteString(`<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">`)
	b.WriteString(`<text x="` + strconv.Itoa(lw/2) + `" y="14">` + xmlEscape(left) + `</text>`)
	b.WriteString(`<text x="` + strconv.Itoa(lw+rw/2) + `" y="14">` + xmlEscape(right) + `</text></g></svg>`)
	return b.Bytes()
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

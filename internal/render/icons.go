package render

import "html/template"

// icons are the link icons of the item page: simple 16×16 outlines drawn
// for this project (no brand marks), inlined so the page needs no request
// and no script for them. They inherit the text colour.
var icons = map[string]string{
	"link":     `<path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1"/>`,
	"blog":     `<path d="M3 3h10v10H3zM5 6h6M5 8.5h6M5 11h4"/>`,
	"chat":     `<path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"/>`,
	"mail":     `<path d="M2 4h12v8H2zM2 4l6 5 6-5"/>`,
	"doc":      `<path d="M4 2h5l3 3v9H4zM9 2v3h3M6 8h4M6 10.5h4"/>`,
	"video":    `<path d="M2 4h12v8H2zM7 6v4l3-2z"/>`,
	"question": `<path d="M8 14.5a6.5 6.5 0 100-13 6.5 6.5 0 000 13zM6 6.2a2 2 0 113 1.7c-.6.4-1 .8-1 1.6M8 11.5v.5"/>`,
	"chart":    `<path d="M2 14h12M4 12V8M7 12V4M10 12V7M13 12V9"/>`,
	"image":    `<path d="M2 3h12v10H2zM2 11l3.5-3.5 3 3 2-2L14 12M10.5 6.5h.01"/>`,
	"package":  `<path d="M8 1.5l6 3v7l-6 3-6-3v-7zM2 4.5l6 3 6-3M8 7.5v7"/>`,
	"people":   `<path d="M6 7.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5zM1.5 14c0-2.5 2-4.5 4.5-4.5s4.5 2 4.5 4.5M11 3a2.5 2.5 0 010 4.5M12.5 9.8c1.3.6 2 2.1 2 4.2"/>`,
	"shield":   `<path d="M8 1.5l5.5 2v4c0 3.5-2.5 6-5.5 7-3-1-5.5-3.5-5.5-7v-4zM5.5 8l2 2 3-3.5"/>`,
	"org":      `<path d="M3 14V2.5h7V14M10 6h3v8M2 14h12M5 5h1M7.5 5h1M5 8h1M7.5 8h1M5 11h1M7.5 11h1"/>`,
	"heart":    `<path d="M8 13.5S2 10 2 6a3 3 0 016-1 3 3 0 016 1c0 4-6 7.5-6 7.5z"/>`,
	"code":     `<path d="M5.5 4.5L2 8l3.5 3.5M10.5 4.5L14 8l-3.5 3.5"/>`,
	"home":     `<path d="M2 7.5L8 2l6 5.5M3.5 6.5V14h9V6.5"/>`,
}

// icon returns the named icon as inline SVG, hidden from assistive
// technology: the link's text names it.
func icon(name string) template.HTML {
	p, ok := icons[name]
	if !ok {
		p = icons["link"]
	}
	return template.HTML(`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">` + p + `</svg>`)
}

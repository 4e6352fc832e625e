package logos

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/serverless-landscape/landscape/internal/diag"
)

func TestCheck(t *testing.T) {
	const png = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	for _, tc := range []struct {
		name string
		in   string
		want []Problem
	}{
		{"clean", svgOpen + `<path d="M0 0h1v1z"/></svg>`, nil},
		{"not xml", `<svg><g></svg>`, []Problem{{diag.Error, "is not a readable SVG: not well-formed xml: XML syntax error on line 1: element <g> closed by </svg> (export the logo again as plain SVG)"}}},
		{"html root", `<html/>`, []Problem{{diag.Error, "has no <svg> root element but <html> (export the logo as SVG)"}}},
		{"xhtml root", `<html xmlns="http://www.w3.org/1999/xhtml"/>`, []Problem{{diag.Error, "is an XHTML document (root <html>), not an SVG (export the logo as SVG)"}}},
		{"svg root in the xhtml namespace", `<svg xmlns="http://www.w3.org/1999/xhtml" viewBox="0 0 1 1"><path d="M0 0h1v1z"/></svg>`,
			[]Problem{{diag.Error, `the root <svg> is in the XHTML namespace (http://www.w3.org/1999/xhtml), where browsers do not draw it as SVG (set xmlns="http://www.w3.org/2000/svg" on it)`}}},
		{"svg root in another namespace", `<svg xmlns="urn:x"/>`,
			[]Problem{{diag.Error, `the root <svg> is in the namespace "urn:x", not SVG's (set xmlns="http://www.w3.org/2000/svg" on it)`}}},
		{"png named svg", png, []Problem{{diag.Error, "is a PNG image, not an SVG; logos must be vector (export a pure SVG)"}}},
		{"embedded png", svgOpen + `<image width="1" height="1" xlink:href="data:image/png;base64,iVBORw0KGgo=" xmlns:xlink="http://www.w3.org/1999/xlink"/></svg>`,
			[]Problem{{diag.Error, "embeds a raster image (data:image/png); logos must be vector (export a pure SVG)"}}},
		{"embedded jpeg", svgOpen + `<image href="data:image/jpeg;base64,/9j/4AAQ"/></svg>`,
			[]Problem{{diag.Error, "embeds a raster image (data:image/jpeg); logos must be vector (export a pure SVG)"}}},
		{"text", svgOpen + `<text>Knative<tspan>!</tspan></text></svg>`, []Problem{
			{diag.Error, "contains text (<text>), which depends on fonts the visitor may not have (convert the text to paths)"},
			{diag.Error, "contains text (<tspan>), which depends on fonts the visitor may not have (convert the text to paths)"}}},
		{"css import", svgOpen + `<style>@import url('https://fonts.googleapis.com/css?family=Lato');</style></svg>`,
			[]Problem{{diag.Warning, "imports external CSS (@import https://fonts.googleapis.com/css?family=Lato), which was removed (inline the styles)"}}},
		{"remote font", svgOpen + `<style>@font-face{font-family:X;src:url(http://example.com/x.woff)}</style></svg>`,
			[]Problem{{diag.Warning, "loads a font from http://example.com/x.woff, which was removed (convert the text to paths)"}}},
		{"remote url in style attribute", svgOpen + `<rect style="fill:url(https://example.com/p.svg#g)"/></svg>`,
			[]Problem{{diag.Warning, "refers to an external resource (https://example.com/p.svg#g), which was removed (embed it or remove the reference)"}}},
		{"remote href", svgOpen + `<image href="https://example.com/logo.png"/></svg>`,
			[]Problem{{diag.Warning, "refers to an external resource (https://example.com/logo.png), which was removed (embed it or remove the reference)"}}},
		{"script and handlers", svgOpen + `<script>alert(1)</script><g onload="x"/></svg>`, []Problem{
			{diag.Warning, "contains <script>, which was removed (logos must not carry code)"},
			{diag.Warning, "has an event handler attribute (onload), which was removed (logos must not carry code)"}}},
		{"javascript url", svgOpen + `<a href="javascript:alert(1)"/></svg>`, []Problem{
			{diag.Warning, "has a javascript: URL in href, which was removed (logos must not carry code)"}}},
		{"foreignObject", svgOpen + `<switch><foreignObject/><g/></switch></svg>`,
			[]Problem{{diag.Warning, "contains <foreignObject>, which was removed (export plain SVG shapes)"}}},
		{"utf-16 declared, utf-8 bytes", `<?xml version="1.0" encoding="utf-16"?>` + svgOpen + `</svg>`,
			[]Problem{{diag.Warning, `declares encoding "utf-16" but is UTF-8; read as UTF-8 (fix the XML declaration)`}}},
		{"too big", svgOpen + `<path d="M0 0` + strings.Repeat(" 1 1", DefaultWarnBytes/4) + `"/></svg>`,
			[]Problem{{diag.Warning, "is 256 KB; logos over 256 KB slow down every page (simplify the paths or remove embedded images)"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Check([]byte(tc.in))); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

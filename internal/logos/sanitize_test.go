package logos

import (
	"regexp"
	"strings"
	"testing"
)

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">`

// sanitizeCases pair a crafted logo with what its sanitized form must
// contain (want) and must not contain (not).
var sanitizeCases = []struct {
	name      string
	in        string
	want, not []string
}{
	{"script element", svgOpen + `<script>alert(1)</script><path d="M0 0h1"/></svg>`,
		[]string{`<path d="M0 0h1"/>`}, []string{"script", "alert"}},
	{"prefixed script", `<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script><svg:rect width="1"/></svg:svg>`,
		[]string{`<rect width="1"/>`}, []string{"script"}},
	{"foreignObject", svgOpen + `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
		nil, []string{"foreignObject", "div"}},
	{"event handlers", svgOpen + `<g onclick="alert(1)" ONLOAD="x" onmouseover='y'><path d="M0 0" onload="z"/></g></svg>`,
		[]string{`<g><path d="M0 0"/></g>`}, []string{"on", "alert"}},
	{"javascript href", svgOpen + `<a href="javascript:alert(1)"><path d="M0 0"/></a><use xlink:href="javascript:x" xmlns:xlink="http://www.w3.org/1999/xlink"/></svg>`,
		[]string{`<g><path d="M0 0"/></g><use/>`}, []string{"javascript"}},
	{"remote href", svgOpen + `<use href="https://evil.example/x.svg#a"/><image href="http://evil.example/a.png" width="1"/></svg>`,
		[]string{`<use/>`, `<image width="1"/>`}, []string{"evil"}},
	{"local use kept, xlink normalised", svgOpen + `<defs><path id="p" d="M0 0h1"/></defs><use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="#p" x="2"/></svg>`,
		[]string{`<use href="#p" x="2"/>`, `<path id="p" d="M0 0h1"/>`}, nil},
	{"inline raster kept", svgOpen + `<image href="data:image/png;base64,iVBO&#10;Rw0K" width="1"/></svg>`,
		[]string{`href="data:image/png;base64,iVBORw0K"`}, nil},
	{"svg data uri dropped", svgOpen + `<image href="data:image/svg+xml;base64,PHN2Zz4=" width="1"/></svg>`,
		[]string{`<image width="1"/>`}, []string{"data:"}},
	{"doctype, entities and comments", `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]><!-- made by hand --><svg xmlns="&ns_svg;"><!-- c --><rect width="1"/></svg>`,
		[]string{`<rect width="1"/>`}, []string{"DOCTYPE", "ENTITY", "<!--", "made by"}},
	{"editor metadata", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1" sodipodi:docname="a.svg"><sodipodi:namedview id="n"/><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><g inkscape:label="Layer" inkscape:groupmode="layer"><rect width="1"/></g></svg>`,
		[]string{`<svg xmlns="http://www.w3.org/2000/svg"><g><rect width="1"/></g></svg>`}, []string{"sodipodi", "inkscape", "rdf", "metadata"}},
	{"gradients, clip paths, masks kept", svgOpen + `<defs><linearGradient id="g" x1="0" x2="1" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="#fff"/></linearGradient><clipPath id="c"><rect width="5" height="5"/></clipPath><mask id="m"><rect width="5" height="5" fill="#fff"/></mask></defs><path fill="url(#g)" clip-path="url(#c)" mask="url(#m)" d="M0 0h9v9z"/></svg>`,
		[]string{`<linearGradient id="g" x1="0" x2="1" gradientUnits="userSpaceOnUse">`, `<clipPath id="c">`, `<mask id="m">`, `fill="url(#g)" clip-path="url(#c)" mask="url(#m)"`}, nil},
	{"remote url in fill", svgOpen + `<path fill="url(https://evil.example/p.svg#g)" d="M0 0"/></svg>`,
		[]string{`fill="none"`}, []string{"evil"}},
	{"style block classes kept", svgOpen + `<style type="text/css">.st0{fill:#0064FF;} .st1{fill:url(#g)}</style><path class="st0" d="M0 0"/></svg>`,
		[]string{`<style type="text/css">.st0{fill:#0064FF;} .st1{fill:url(#g)}</style>`, `class="st0"`}, nil},
	{"css import and remote font", svgOpen + `<style>@import url(https://fonts.example/css?family=Lato);@font-face{font-family:X;src:url("https://fonts.example/x.woff")} .a{fill:red}</style></svg>`,
		[]string{`.a{fill:red}`, `src: none`}, []string{"fonts.example", "@import"}},
	{"css expression and javascript", svgOpen + `<style>.a{width:expression(alert(1));background:url(javascript:alert(1))}</style><rect style="fill:red;behavior:url(x.htc);background:url('#ok')"/></svg>`,
		[]string{`.a{width: ;background: )}`, `style="fill:red;behavior: none ;background:url('#ok')"`}, []string{"alert", "expression", "javascript", "x.htc"}},
	{"css escapes cannot spell url", svgOpen + `<style>.a{fill:\75rl(http://evil.example/x)}</style></svg>`,
		[]string{`.a{fill: }`}, []string{"evil", `\`}},
	{"css comments cannot join tokens", svgOpen + `<style>.a{fill:u/**/rl(http://evil.example/)}</style></svg>`,
		nil, []string{"evil", "/*"}},
	{"animation removed", svgOpen + `<a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="fill"/><rect width="1"/></a></svg>`,
		[]string{`<g><rect width="1"/></g>`}, []string{"set", "animate", "javascript"}},
	{"text kept for drawing", svgOpen + `<text x="1" font-family="Lato">Knative <tspan>&amp; co</tspan></text></svg>`,
		[]string{`<text x="1" font-family="Lato">Knative <tspan>&amp; co</tspan></text>`}, nil},
	{"whitespace outside text dropped", svgOpen + "\n  <g>\n    <rect width=\"1\"/>\n  </g>\n</svg>",
		[]string{svgOpen + `<g><rect width="1"/></g></svg>`}, nil},
	{"utf-16 declared utf-8 read", `<?xml version="1.0" encoding="utf-16"?><svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>`,
		[]string{`<rect width="1"/>`}, nil},
	{"attribute values with urls dropped", svgOpen + `<rect width="1" transform="url(http://x)" x="data:text/html,1"/></svg>`,
		[]string{`<rect width="1"/>`}, []string{"url", "data:"}},
}

func TestSanitize(t *testing.T) {
	for _, tc := range sanitizeCases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Sanitize([]byte(tc.in))
			if err != nil {
				t.Fatalf("Sanitize: %v", err)
			}
			got := string(out)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %q, want it to contain %q", got, w)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(strings.ToLower(got), strings.ToLower(n)) {
					t.Errorf("got %q, want no %q", got, n)
				}
			}
			checkSanitized(t, out)
		})
	}
}

func TestSanitizeRejects(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"not xml", `<svg><g></svg>`, "not well-formed xml"},
		{"html root", `<html><body/></html>`, "root element is not <svg>"},
		{"empty", ``, "no root element"},
		{"entity bomb", `<!DOCTYPE svg [<!ENTITY a "` + strings.Repeat("x", 100000) + `">]><svg>` + strings.Repeat("&a;", 20) + `</svg>`, "expands to more than"},
		{"unknown charset", `<?xml version="1.0" encoding="koi8-r"?><svg/>`, "unsupported encoding"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Sanitize([]byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestSanitizeUTF16(t *testing.T) {
	s := `<?xml version="1.0" encoding="UTF-16"?><svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>`
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	out, err := Sanitize(b)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>`; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

// jsURL finds a url() function whose argument starts with javascript.
// "#url(" and "@url(" are a hash or at-keyword token followed by a
// parenthesis, not a function (CSS Syntax 4.3), so they do not count.
var jsURL = regexp.MustCompile(`(?i)(^|[^a-z0-9_#@-])url\(\s*["']?\s*javascript`)

var onAttr = regexp.MustCompile(`(?i)<[^>]*\son[a-z]*\s*=`)

// checkSanitized holds the sanitizer's properties on one output: it parses,
// sanitizing it again changes nothing, and nothing active survives.
func checkSanitized(t *testing.T, out []byte) {
	t.Helper()
	again, err := Sanitize(out)
	if err != nil {
		t.Fatalf("output %q does not parse: %v", out, err)
	}
	if string(again) != string(out) {
		t.Errorf("sanitizing twice: got %q, want %q", again, out)
	}
	low := strings.ToLower(string(out))
	for _, bad := range []string{"<script", "<foreignobject", `href="javascript`, "<!doctype", "<!entity", "@import"} {
		if strings.Contains(low, bad) {
			t.Errorf("output %q contains %q", out, bad)
		}
	}
	if m := jsURL.FindString(string(out)); m != "" {
		t.Errorf("output %q has a javascript URL: %q", out, m)
	}
	if m := onAttr.FindString(string(out)); m != "" {
		t.Errorf("output %q has an event handler: %q", out, m)
	}
	if doc, err := parseSVG(out); err == nil {
		if rep, err := limitUses(doc.root); err != nil || rep.circular > 0 {
			t.Errorf("output %q: <use>s over budget (%v) or circular (%d)", out, err, rep.circular)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, tc := range sanitizeCases {
		f.Add([]byte(tc.in))
	}
	for _, s := range useAndStyleSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := Sanitize(in)
		if err != nil {
			return
		}
		checkSanitized(t, out)
	})
}

// TestSanitizeSplitText checks that text split by comments is joined before
// its CSS is sanitized, so that halves cannot form a remote url().
func TestSanitizeSplitText(t *testing.T) {
	out, err := Sanitize([]byte(svgOpen + `<style>.a{fill:url<!-- -->(https://evil.example/x)}</style></svg>`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "evil") {
		t.Errorf("got %q, want no remote url", out)
	}
	checkSanitized(t, out)
}

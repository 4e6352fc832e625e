package logos

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"
)

// hostileLogos are SVGs a pull request could add to hosted_logos or serve
// from an https URL. Each tries to run script or load something when the
// logo is opened on the site's origin.
var hostileLogos = map[string]string{
	"script":             svgH + `<script>alert(1)</script>` + svgR + `</svg>`,
	"prefixed script":    svgH + `<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>` + svgR + `</svg>`,
	"undeclared prefix":  svgH + `<svg:script>alert(1)</svg:script>` + svgR + `</svg>`,
	"handlers":           `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)" ONLOAD="alert(1)"><rect width="10" height="10" onLoad="alert(1)" onclick="alert(1)"/></svg>`,
	"link":               svgH + `<a xlink:href="javascript:alert(1)" href="javascript:alert(1)">` + svgR + `</a></svg>`,
	"set href":           svgH + `<a href="#x">` + svgR + `<set attributeName="href" to="javascript:alert(1)"/></a></svg>`,
	"animate href":       svgH + `<a href="#x">` + svgR + `<animate attributeName="href" values="javascript:alert(1)"/></a></svg>`,
	"external use":       svgH + `<use href="https://evil.example/x.svg#a"/><use xlink:href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/>` + svgR + `</svg>`,
	"foreignObject":      svgH + `<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></body></foreignObject>` + svgR + `</svg>`,
	"switch iframe":      svgH + `<switch><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></foreignObject>` + svgR + `</switch></svg>`,
	"xml-events handler": svgH + `<handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler>` + svgR + `</svg>`,
	"stylesheet pi":      `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?>` + svgH + svgR + `</svg>`,
	"css import":         svgH + `<style>@import url(https://evil.example/x.css); @import "x.css"; @media all{@import url(y.css);}</style>` + svgR + `</svg>`,
	"css remote url":     svgH + `<style>rect{fill:url(https://evil.example/a#b)} rect{fill:URL( "//evil.example/" )} rect{background:url(javascript:alert(1))}</style>` + svgR + `</svg>`,
	"css escapes":        svgH + `<style>rect{fill:u\72l(https://evil.example/)} @\69mport 'x.css'; rect{fill:\75rl(x)}</style>` + svgR + `</svg>`,
	"css functions":      svgH + `<style>rect{width:expression(alert(1)); behavior:url(x.htc); -moz-binding:url(x.xml#y); background:image-set("https://e/" 1x)}</style>` + svgR + `</svg>`,
	"css font":           svgH + `<style>@font-face{font-family:x;src:url(https://evil.example/f.woff)}</style>` + svgR + `</svg>`,
	"cdata style":        svgH + svgR + `<style><![CDATA[</style><script>alert(1)</script>]]></style></svg>`,
	"escaped style":      svgH + svgR + `<style>&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;</style></svg>`,
	"style attr url":     svgH + `<rect width="10" height="10" style="fill:red;background-image:url(&quot;javascript:alert(1)&quot;)"/></svg>`,
	"presentation url":   svgH + `<rect width="10" height="10" fill="url(https://evil.example/#g)" filter="url(https://evil/x#f)" mask="url( 'https://evil/' )" clip-path="url(//evil/#c)"/></svg>`,
	"svg image":          svgH + svgR + `<image href="data:image/svg+xml,&lt;svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/&gt;"/><feImage href="https://evil.example/x.png"/><image href="https://evil.example/x.png"/></svg>`,
	"entity in href":     `<!DOCTYPE svg [<!ENTITY js "javascript:alert(1)">]>` + svgH + `<a href="&js;">` + svgR + `</a><use href="&js;"/></svg>`,
	"char refs":          svgH + `<a href="&#106;avascript:alert(1)">` + svgR + `</a><rect width="1" height="1" fill="&#117;rl(https://evil/)"/></svg>`,
	"xml:base":           svgH + `<g xml:base="https://evil.example/"><use href="#a"/></g>` + svgR + `</svg>`,
	"utf16":              "", // filled in by init: UTF-16 with a script
}

const (
	svgH = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`
	svgR = `<rect width="10" height="10" fill="red"/>`
)

func init() {
	s := `<?xml version="1.0" encoding="UTF-16"?>` + svgH + `<script>alert(1)</script>` + svgR + `</svg>`
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	hostileLogos["utf16"] = string(b)
}

// TestSecurityHostileLogos processes each hostile logo as a build would and
// parses the bytes that would be served: only allowlisted SVG elements, no
// event handlers, no reference leaving the logo, no CSS that loads anything.
func TestSecurityHostileLogos(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, data := range hostileLogos {
		fsys[name+".svg"] = &fstest.MapFile{Data: []byte(data)}
	}
	p := NewProcessor(Options{Dir: fsys})
	for name := range hostileLogos {
		t.Run(name, func(t *testing.T) {
			r := p.Process(t.Context(), name+".svg")
			if r.Missing {
				t.Fatalf("got no logo (%v), want the drawing kept without its code", r.Problems)
			}
			for _, problem := range servedDanger(r.Data) {
				t.Errorf("%s\nin %s", problem, r.Data)
			}
		})
	}
}

// servedDanger lists what in a served logo could run code or reach
// another origin.
func servedDanger(data []byte) []string {
	doc, err := parseSVG(data)
	if err != nil {
		return []string{fmt.Sprintf("served bytes do not parse: %v", err)}
	}
	var out []string
	if doc.doctype {
		out = append(out, "served logo has a DOCTYPE")
	}
	low := strings.ToLower(string(data))
	for _, s := range []string{"<?xml-stylesheet", "javascript:", "@import", "expression("} {
		if strings.Contains(low, s) {
			out = append(out, "contains "+s)
		}
	}
	doc.root.walk(func(n *node) bool {
		if n.space != svgNS || !allowedElements[n.name] {
			out = append(out, fmt.Sprintf("element {%s}%s", n.space, n.name))
		}
		for _, a := range n.attrs {
			name := strings.ToLower(a.Name.Local)
			switch {
			case a.Name.Space != "" && !(a.Name.Space == "xmlns" || a.Name.Local == "xmlns"):
				out = append(out, fmt.Sprintf("namespaced attribute %s:%s", a.Name.Space, a.Name.Local))
			case strings.HasPrefix(name, "on"):
				out = append(out, "event handler "+a.Name.Local)
			case name == "href" && !safeHref(n.name, a.Value):
				out = append(out, "href "+a.Value)
			}
			out = append(out, cssDanger(a.Value)...)
		}
		for _, c := range n.children {
			if c.isText && n.name == "style" {
				out = append(out, cssDanger(c.text)...)
			}
		}
		return true
	})
	return out
}

// cssDanger finds url() references that are not local fragments or inline
// rasters and fonts, and CSS escapes, which could spell either.
func cssDanger(s string) []string {
	var out []string
	if strings.Contains(s, `\`) {
		out = append(out, "CSS escape in "+s)
	}
	low := strings.ToLower(s)
	for i := strings.Index(low, "url("); i >= 0; i = strings.Index(low, "url(") {
		low = low[i+len("url("):]
		end := strings.IndexByte(low, ')')
		if end < 0 {
			return append(out, "unterminated url(")
		}
		if !safeURL(strings.Trim(strings.TrimSpace(low[:end]), `"'`)) {
			out = append(out, "url("+low[:end]+")")
		}
	}
	return out
}

// TestSecurityRemoteLogoRedirects checks that an https logo URL cannot be
// redirected to plain http, where anyone on the path could swap the logo.
func TestSecurityRemoteLogoRedirects(t *testing.T) {
	var plainHits atomic.Int32
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plainHits.Add(1)
		w.Write([]byte(logoSVG))
	}))
	t.Cleanup(plain.Close)
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/logo.svg", http.StatusFound)
	}))
	t.Cleanup(secure.Close)
	p := NewProcessor(Options{Client: secure.Client(), AllowPrivateAddresses: true})
	r := p.Process(t.Context(), secure.URL+"/logo.svg")
	if !r.Missing || plainHits.Load() != 0 {
		t.Errorf("redirect to http: got missing %v, %d plain requests; want no logo and no request", r.Missing, plainHits.Load())
	}
	if len(r.Problems) == 0 || !strings.Contains(r.Problems[0].Message, "not https") {
		t.Errorf("redirect to http: got problems %v, want one naming the downgrade", r.Problems)
	}
}

// TestSecurityBombs feeds documents built to exhaust memory or time; each
// must be refused or bounded rather than expanded.
func TestSecurityBombs(t *testing.T) {
	var use strings.Builder
	use.WriteString(svgH + `<defs><g id="g0"><rect width="1" height="1"/></g>`)
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&use, `<g id="g%d">%s</g>`, i, strings.Repeat(fmt.Sprintf(`<use href="#g%d"/>`, i-1), 10))
	}
	use.WriteString(`</defs><use href="#g11"/></svg>`)
	laughs := `<!DOCTYPE svg [<!ENTITY a "` + strings.Repeat("a", 1000) + `">]>` + svgH + `<text>` + strings.Repeat("&a;", 2000) + `</text></svg>`
	nested := `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>` + svgH + svgR + `<text>&c;</text></svg>`
	for _, tc := range []struct {
		name, data string
		check      func(Result) bool
	}{
		{"deep nesting", svgH + strings.Repeat("<g>", 300) + svgR + strings.Repeat("</g>", 300) + `</svg>`, func(r Result) bool { return r.Missing }},
		{"use bomb", use.String(), func(r Result) bool {
			return r.Missing && len(r.Problems) == 1 && strings.Contains(r.Problems[0].Message, "expands <use> references")
		}},
		{"billion laughs", laughs, func(r Result) bool { return r.Missing }},
		{"nested entities stay unexpanded", nested, func(r Result) bool { return !r.Missing && len(r.Data) < 1000 }},
		{"external entity", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + svgH + `<text>&x;</text></svg>`, func(r Result) bool { return r.Missing }},
		{"self-referencing clip", svgH + `<clipPath id="c"><use href="#r" clip-path="url(#c)"/></clipPath><rect id="r" clip-path="url(#c)" width="1" height="1"/></svg>`, func(r Result) bool { return !r.Missing }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProcessor(Options{Dir: fstest.MapFS{"a.svg": {Data: []byte(tc.data)}}})
			r := p.Process(t.Context(), "a.svg")
			if !tc.check(r) {
				t.Errorf("got missing %v, crop error %q, %d bytes, problems %v", r.Missing, r.CropError, len(r.Data), r.Problems)
			}
		})
	}
}

// TestSecurityForgedCaches plants, in the cache folder, what a pull
// request could force-add to .cache: processed-logo entries that carry a
// script, claim no problems, belong to another logo or are sealed with
// another key, and a downloaded logo with a script. None may be served:
// the build must process the logo itself.
func TestSecurityForgedCaches(t *testing.T) {
	logo := []byte(logoSVG)
	other := []byte(svgOpen + `<circle r="3"/></svg>`)
	evil := []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>`)
	fsys := fstest.MapFS{"a.svg": {Data: logo}, "b.svg": {Data: other}}
	// What an honest build with this machine's key writes for both logos.
	honest := t.TempDir()
	NewProcessor(Options{Dir: fsys, CacheDir: honest, CacheKey: testKey}).ProcessAll(t.Context(), []string{"a.svg", "b.svg"})
	sealed := readPack(filepath.Join(honest, "logos", "processed-"+processorVersion+".gob"))
	keyA, keyB := contentKey(logo, DefaultWarnBytes), contentKey(other, DefaultWarnBytes)
	want := sealed[keyA]
	if len(sealed) != 2 || len(want.Seal) == 0 {
		t.Fatalf("honest pack: %d entries, seal %x", len(sealed), want.Seal)
	}
	forged := func(f func(e *cachedEntry)) cachedEntry {
		e := sealed[keyA]
		f(&e)
		return e
	}
	for name, e := range map[string]cachedEntry{
		"script, unsealed": forged(func(e *cachedEntry) { e.Data, e.File, e.Seal = evil, fileName(evil), nil }),
		"script, sealed with another key": forged(func(e *cachedEntry) {
			e.Data, e.File = evil, fileName(evil)
			e.Seal = sealer{bytes.Repeat([]byte{9}, keySize)}.seal(e.sealed(keyA, sha256.Sum256(evil))...)
		}),
		"script under an honest seal":    forged(func(e *cachedEntry) { e.Data, e.File = evil, fileName(evil) }),
		"problems dropped":               forged(func(e *cachedEntry) { e.Problems = nil }),
		"another logo's honest entry":    sealed[keyB],
		"a name that is not its hash":    forged(func(e *cachedEntry) { e.File = "../../index.html" }),
		"a name from another key's seal": forged(func(e *cachedEntry) { e.Seal = append([]byte(nil), sealed[keyB].Seal...) }),
	} {
		t.Run(name, func(t *testing.T) {
			cache := t.TempDir()
			if err := writePack(filepath.Join(cache, "logos", "processed-"+processorVersion+".gob"), map[string]cachedEntry{keyA: e}); err != nil {
				t.Fatal(err)
			}
			r := NewProcessor(Options{Dir: fsys, CacheDir: cache, CacheKey: testKey}).Process(t.Context(), "a.svg")
			if string(r.Data) != string(want.Data) || r.File != want.File || len(r.Problems) != len(want.Problems) {
				t.Errorf("got %s (%s, problems %v), want the logo processed again: %s", r.Data, r.File, r.Problems, want.Data)
			}
		})
	}
	t.Run("downloaded logo", func(t *testing.T) {
		srv := httptest.NewTLSServer(http.NotFoundHandler())
		srv.Close() // the host is down: the build falls back to its cache
		cache := t.TempDir()
		f := NewFetcher(FetchOptions{CacheDir: cache, CacheKey: testKey, Client: srv.Client(), AllowPrivateAddresses: true})
		ref := srv.URL + "/logo.svg"
		meta, _ := json.Marshal(remoteMeta{URL: ref, Fetched: time.Now()})
		os.MkdirAll(filepath.Dir(f.cachePath(ref)), 0o755)
		os.WriteFile(f.cachePath(ref)+".body", evil, 0o644)
		os.WriteFile(f.cachePath(ref)+".json", meta, 0o644)
		r := NewProcessor(Options{CacheDir: cache, CacheKey: testKey, Client: srv.Client(), AllowPrivateAddresses: true}).Process(t.Context(), ref)
		if !r.Missing || len(r.Problems) != 1 || !strings.Contains(r.Problems[0].Message, "showing a placeholder") {
			t.Errorf("got missing %v problems %v data %s, want a placeholder: the forged copy is not ours", r.Missing, r.Problems, r.Data)
		}
	})
}

// The minifier must not corrupt the sanitized bytes served when its own
// output does not parse.
func TestSecurityUnminifiedFallback(t *testing.T) {
	in := svgH + svgR + `<style>&lt;/style&gt;</style></svg>`
	p := NewProcessor(Options{Dir: fstest.MapFS{"a.svg": {Data: []byte(in)}}})
	r := p.Process(t.Context(), "a.svg")
	if regexp.MustCompile(`\d\.\d+\.\d`).Match(r.Data) {
		t.Errorf("got %s, want an intact viewBox", r.Data)
	}
}

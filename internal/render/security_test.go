package render

import (
	"context"
	stdhtml "html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

const evil = `"><script>alert(1)</script><img src=x onerror=alert(2)>`

// TestUntrustedValues puts markup in every text field and bad URLs in every
// link, bypassing the loader's own checks, and looks for them in the output.
func TestUntrustedValues(t *testing.T) {
	s := testSite(t)
	s.Settings.Name = "Name " + evil
	s.Settings.Description = evil
	s.Settings.Colors = map[string]string{"color1": "red}</style><script>alert(3)</script>"}
	s.Categories[0].Name = "Cat " + evil
	s.Categories[0].Subcategories[0].Name = "Sub " + evil
	for _, it := range s.Items {
		it.Name += evil
		it.Description = evil + " [x](javascript:alert(4))"
		it.Organization = evil
		it.License = evil
		it.HomepageURL = "javascript:alert(5)"
		it.Crunchbase = "data:text/html,<script>alert(6)</script>"
		it.Twitter = "vbscript:alert(7)"
		it.Paths = append(it.Paths, "Cat / "+evil)
		it.Extra.Links = map[string]string{"blog_url": "javascript:alert(8)"}
		it.Extra.OtherLinks = []landscape.Link{{Name: evil, URL: "javascript:alert(9)"}}
		it.Extra.Text = map[string]string{"summary_use_case": evil}
		it.Extra.Dates = map[string]string{"accepted": evil}
		for i := range it.Repos {
			it.Repos[i].URL = "javascript:alert(10)"
		}
	}
	dir := t.TempDir()
	if err := newTestRenderer(t).Render(context.Background(), s, dir); err != nil {
		t.Fatal(err)
	}
	for name, data := range files(t, dir) {
		if strings.HasSuffix(name, ".html") {
			for _, p := range unsafeMarkup(data) {
				t.Errorf("%s: %s", name, p)
			}
		}
	}
	css, err := filepath.Glob(filepath.Join(dir, "assets", "*.css"))
	if err != nil || len(css) != 1 {
		t.Fatalf("style sheet: %v %v", css, err)
	}
	if data, _ := os.ReadFile(css[0]); strings.Contains(string(data), "alert") {
		t.Error("a colour from settings broke into the style sheet")
	}
}

// svgDanger finds what could run code in inline SVG, which the lexer hands
// over whole; in SVG text a literal "<" always starts a tag.
var svgDanger = regexp.MustCompile(`(?i)<(script|foreignobject|iframe)|<[a-z][^<>]*\s(on[a-z]+|(xlink:)?href)\s*=`)

// unsafeMarkup tokenizes a page as a browser would (minified pages quote
// attributes minimally, so string searches mislead) and reports elements
// and attributes that could run code: scripts other than the site's own,
// frames other than the site's own (the embed set-up page's preview, whose
// script sets its src), event handlers and script URLs.
func unsafeMarkup(page []byte) []string {
	var out []string
	l := html.NewLexer(parse.NewInputBytes(page))
	tag, scriptOK, frameSrc := "", false, ""
	for {
		tt, raw := l.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			tag, scriptOK = strings.ToLower(string(l.Text())), false
			frameSrc = ""
			if tag == "object" || tag == "embed" || tag == "base" {
				out = append(out, "element "+tag)
			}
		case html.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			val := strings.ToLower(strings.TrimSpace(stdhtml.UnescapeString(strings.Trim(string(l.AttrVal()), `"'`))))
			switch {
			case strings.HasPrefix(key, "on"):
				out = append(out, "event handler "+key+" on "+tag)
			case (key == "href" || key == "src" || key == "action") && (strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "data:") || strings.HasPrefix(val, "vbscript:")):
				out = append(out, key+"="+val+" on "+tag)
			case tag == "iframe" && key == "src":
				frameSrc = val
			case tag == "script" && key == "src":
				scriptOK = strings.HasPrefix(val, "/")
			case tag == "script" && key == "type":
				scriptOK = val == "application/json"
			}
		case html.StartTagCloseToken:
			if tag == "iframe" && frameSrc != "" && (!strings.HasPrefix(frameSrc, "/") || strings.HasPrefix(frameSrc, "//")) {
				out = append(out, "a frame of another site: "+frameSrc)
			}
			if tag == "script" && !scriptOK {
				out = append(out, "a script that is neither a file of the site nor JSON data")
			}
		case html.SVGToken:
			if m := svgDanger.FindString(string(raw)); m != "" {
				out = append(out, "inline SVG has "+m)
			}
		}
	}
}

// TestRenderEmpty renders a landscape with no items, no guide and default
// settings: every page must still be written.
func TestRenderEmpty(t *testing.T) {
	s := &site.Site{Settings: landscape.DefaultSettings()}
	dir := t.TempDir()
	if err := newTestRenderer(t).Render(context.Background(), s, dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "stats.html", "404.html", "sitemap.xml", "robots.txt", "items.csv", "data/items.json", "favicon.svg"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "data", "items.json")); string(data) != "[]" {
		t.Errorf("items.json of no items: got %q, want %q", data, "[]")
	}
	if _, err := os.Stat(filepath.Join(dir, "guide.html")); err == nil {
		t.Error("guide.html written without a guide")
	}
}

func TestUnsafeMarkup(t *testing.T) {
	for _, tt := range []struct {
		page string
		bad  bool
	}{
		{`<p title='"><script>alert(1)</script>'>&lt;script>x</p>`, false},
		{`<script src="/assets/app.js" defer></script><script type="application/json" id="d">{}</script>`, false},
		{`<script>alert(1)</script>`, true},
		{`<script src="https://cdn.example.com/x.js"></script>`, true},
		{`<img src=x onerror=alert(1)>`, true},
		{`<a href=" JaVaScRiPt:alert(1)">x</a>`, true},
		{`<a href="&#106;avascript:alert(1)">x</a>`, true},
		{`<iframe src="/x"></iframe>`, false},
		{`<iframe id="embed-preview"></iframe>`, false},
		{`<iframe src="https://x.example.com/"></iframe>`, true},
		{`<iframe src="//x.example.com/"></iframe>`, true},
		{`<svg><text>&lt;img onerror=x></text></svg>`, false},
		{`<svg><a href="https://x">x</a></svg>`, true},
	} {
		got := unsafeMarkup([]byte(tt.page))
		if (len(got) > 0) != tt.bad {
			t.Errorf("unsafeMarkup(%q) = %q, want unsafe: %v", tt.page, got, tt.bad)
		}
	}
}

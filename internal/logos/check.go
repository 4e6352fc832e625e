package logos

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// Problem is something the checks found in one logo. The caller adds the
// item and line it is about, and decides how severe an Error is for its
// command: a logo with problems is still sanitized and served.
type Problem struct {
	Severity diag.Severity
	Message  string // lower-case; says what is wrong and, in parentheses, how to fix it
}

func (p Problem) String() string { return fmt.Sprintf("%s: %s", p.Severity, p.Message) }

func errorf(format string, args ...any) Problem {
	return Problem{Severity: diag.Error, Message: fmt.Sprintf(format, args...)}
}

func warnf(format string, args ...any) Problem {
	return Problem{Severity: diag.Warning, Message: fmt.Sprintf(format, args...)}
}

// DefaultWarnBytes is the size above which a logo draws a warning: the
// median cncf-full logo is 6.5 KB, and the 33 above 256 KB (embedded
// rasters, very detailed drawings) weigh on every page that shows them.
const DefaultWarnBytes = 256 << 10

var (
	cssImport  = regexp.MustCompile(`(?i)@import\s*(?:url\(\s*)?["']?([^"')\s;]*)`)
	cssFont    = regexp.MustCompile(`(?is)@font-face\s*\{[^}]*url\(\s*["']?((?:https?:)?//[^"')\s]*)`)
	cssURL     = regexp.MustCompile(`(?i)url\(\s*["']?((?:https?:)?//[^"')\s]*)`)
	rasterData = regexp.MustCompile(`(?i)^\s*data:image/(png|jpe?g|gif|webp|bmp)`)
)

// Check reports what makes data a poor or unsafe logo, using the default
// size warning limit.
func Check(data []byte) []Problem {
	doc, problems := checkBytes(data, DefaultWarnBytes)
	if doc != nil {
		problems = append(problems, checkTree(doc)...)
	}
	return problems
}

// checkBytes reports problems seen before and while parsing; it returns the
// parsed document when there is one.
func checkBytes(data []byte, warnBytes int64) (*document, []Problem) {
	var ps []Problem
	if warnBytes > 0 && int64(len(data)) > warnBytes {
		ps = append(ps, warnf("is %s; logos over %s slow down every page (simplify the paths or remove embedded images)",
			humanBytes(int64(len(data))), humanBytes(warnBytes)))
	}
	if kind := rasterKind(data); kind != "" {
		return nil, append(ps, errorf("is a %s image, not an SVG; logos must be vector (export a pure SVG)", kind))
	}
	doc, err := parseSVG(data)
	if err != nil {
		return nil, append(ps, errorf("is not a readable SVG: %v (export the logo again as plain SVG)", err))
	}
	if msg := rootProblem(doc.root); msg != "" {
		return nil, append(ps, errorf("%s", msg))
	}
	if doc.declaredEncoding != "" {
		ps = append(ps, warnf("declares encoding %q but is UTF-8; read as UTF-8 (fix the XML declaration)", doc.declaredEncoding))
	}
	return doc, ps
}

// checkTree reports what the elements contain, each distinct problem once.
func checkTree(doc *document) []Problem {
	var ps []Problem
	seen := map[string]bool{}
	add := func(p Problem) {
		if !seen[p.Message] {
			seen[p.Message] = true
			ps = append(ps, p)
		}
	}
	doc.root.walk(func(n *node) bool {
		checkElement(n, add)
		return true
	})
	return ps
}

func checkElement(n *node, add func(Problem)) {
	if n.isSVG() {
		switch n.name {
		case "script":
			add(warnf("contains <script>, which was removed (logos must not carry code)"))
		case "foreignObject":
			add(warnf("contains <foreignObject>, which was removed (export plain SVG shapes)"))
		case "text", "tspan", "textPath":
			add(errorf("contains text (<%s>), which depends on fonts the visitor may not have (convert the text to paths)", n.name))
		case "image", "feImage":
			if m := rasterData.FindStringSubmatch(n.href()); m != nil {
				add(errorf("embeds a raster image (data:image/%s); logos must be vector (export a pure SVG)", strings.ToLower(m[1])))
			}
		case "style":
			for _, c := range n.children {
				if c.isText {
					checkCSS(c.text, add)
				}
			}
		}
	}
	if h := strings.TrimSpace(n.href()); h != "" && !strings.HasPrefix(h, "#") && !rasterData.MatchString(h) &&
		!strings.HasPrefix(strings.ToLower(h), "javascript:") {
		add(warnf("refers to an external resource (%s), which was removed (embed it or remove the reference)", shorten(h)))
	}
	for _, a := range n.attrs {
		switch {
		case len(a.Name.Local) > 2 && strings.EqualFold(a.Name.Local[:2], "on"):
			add(warnf("has an event handler attribute (%s), which was removed (logos must not carry code)", a.Name.Local))
		case a.Name.Local == "style":
			checkCSS(a.Value, add)
		case strings.Contains(strings.ToLower(a.Value), "javascript:"):
			add(warnf("has a javascript: URL in %s, which was removed (logos must not carry code)", a.Name.Local))
		}
	}
}

func checkCSS(s string, add func(Problem)) {
	fonts := map[string]bool{} // URLs already reported as imports or fonts
	for _, m := range cssImport.FindAllStringSubmatch(s, -1) {
		fonts[m[1]] = true
		add(warnf("imports external CSS (@import %s), which was removed (inline the styles)", shorten(m[1])))
	}
	for _, m := range cssFont.FindAllStringSubmatch(s, -1) {
		fonts[m[1]] = true
		add(warnf("loads a font from %s, which was removed (convert the text to paths)", shorten(m[1])))
	}
	for _, m := range cssURL.FindAllStringSubmatch(s, -1) {
		if !fonts[m[1]] {
			add(warnf("refers to an external resource (%s), which was removed (embed it or remove the reference)", shorten(m[1])))
		}
	}
}

// rasterKind names the raster format of data, or "" when it is none.
func rasterKind(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "PNG"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "JPEG"
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "GIF"
	case len(data) > 12 && bytes.Equal(data[:4], []byte("RIFF")) && bytes.Equal(data[8:12], []byte("WEBP")):
		return "WebP"
	}
	return ""
}

func shorten(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

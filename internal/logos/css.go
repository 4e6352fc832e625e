package logos

import (
	"bytes"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// allowedAtRules may stay in a logo's CSS; every other at-rule (@import,
// @charset, @namespace, ...) is removed with its block.
var allowedAtRules = map[string]bool{"@media": true, "@font-face": true, "@keyframes": true, "@-webkit-keyframes": true}

// allowedFunctions are the CSS functions a logo may use; url() is handled
// apart, and anything else (expression(), image-set(), ...) is removed.
var allowedFunctions = map[string]bool{
	"rgb(": true, "rgba(": true, "hsl(": true, "hsla(": true, "var(": true, "calc(": true,
	"min(": true, "max(": true, "clamp(": true, "local(": true, "format(": true,
	"translate(": true, "translatex(": true, "translatey(": true, "scale(": true, "rotate(": true,
	"matrix(": true, "skewx(": true, "skewy(": true, "cubic-bezier(": true, "steps(": true,
	"drop-shadow(": true, "blur(": true,
}

// sanitizeCSS rebuilds CSS token by token, keeping only what cannot reach
// outside the logo or run code: no @import, no remote url(), no
// expression(), no comments, and no escaped tokens (which could spell any
// of those). Dropped tokens leave a space so that neighbours cannot join
// into a new token.
func sanitizeCSS(src string) string {
	w := cssWriter{l: css.NewLexer(parse.NewInputString(src))}
	for {
		tt, data := w.l.Next()
		if tt == css.ErrorToken {
			return strings.TrimSpace(w.out.String())
		}
		w.token(tt, data)
	}
}

// cssWriter writes the tokens that may stay, reading ahead from l to skip
// the rest of what it drops.
type cssWriter struct {
	l   *css.Lexer
	out strings.Builder
}

// space separates tokens where one was dropped, once.
func (w *cssWriter) space() {
	if s := w.out.String(); s != "" && !strings.HasSuffix(s, " ") {
		w.out.WriteByte(' ')
	}
}

// none stands in for a url() that is not allowed.
func (w *cssWriter) none() {
	w.space()
	w.out.WriteString("none ")
}

func (w *cssWriter) token(tt css.TokenType, data []byte) {
	switch {
	case tt == css.WhitespaceToken, tt == css.CommentToken, tt == css.CDOToken, tt == css.CDCToken,
		tt == css.BadStringToken, tt == css.BadURLToken, bytes.IndexByte(data, '\\') >= 0,
		tt == css.StringToken && (len(data) < 2 || data[len(data)-1] != data[0]): // unterminated
		if tt == css.FunctionToken {
			skipFunction(w.l)
		}
		w.space()
	case tt == css.AtKeywordToken && !allowedAtRules[strings.ToLower(string(data))]:
		skipAtRule(w.l)
		w.space()
	case tt == css.URLToken && !safeURL(urlTokenValue(string(data))):
		w.none()
	case tt == css.FunctionToken && strings.EqualFold(string(data), "url("):
		if arg, ok := functionString(w.l); ok && safeURL(arg) {
			w.out.WriteString("url(" + quoteCSS(arg) + ")")
		} else {
			w.none()
		}
	case tt == css.FunctionToken && !allowedFunctions[strings.ToLower(string(data))]:
		skipFunction(w.l)
		w.space()
	default:
		w.out.Write(data)
	}
}

// skipFunction consumes tokens up to the parenthesis closing a function.
func skipFunction(l *css.Lexer) {
	depth := 1
	for depth > 0 {
		tt, _ := l.Next()
		switch tt {
		case css.ErrorToken:
			return
		case css.FunctionToken, css.LeftParenthesisToken:
			depth++
		case css.RightParenthesisToken:
			depth--
		}
	}
}

// skipAtRule consumes an at-rule: up to its semicolon or through its block.
func skipAtRule(l *css.Lexer) {
	depth := 0
	for {
		tt, _ := l.Next()
		switch tt {
		case css.ErrorToken:
			return
		case css.SemicolonToken:
			if depth == 0 {
				return
			}
		case css.LeftBraceToken:
			depth++
		case css.RightBraceToken:
			depth--
			if depth <= 0 {
				return
			}
		}
	}
}

// functionString reads the argument of url("...") and its closing
// parenthesis; ok is false when the argument is anything but one string.
func functionString(l *css.Lexer) (string, bool) {
	var arg string
	ok := false
	n := 0
	for {
		tt, data := l.Next()
		switch tt {
		case css.ErrorToken:
			return "", false
		case css.WhitespaceToken:
		case css.StringToken:
			n++
			arg, ok = string(data[1:len(data)-1]), bytes.IndexByte(data, '\\') < 0
		case css.RightParenthesisToken:
			return arg, ok && n == 1
		case css.FunctionToken, css.LeftParenthesisToken:
			skipFunction(l)
			ok = false
		default:
			ok = false
		}
	}
}

// urlTokenValue is the address inside url(...); "" when the token is
// unterminated.
func urlTokenValue(tok string) string {
	if len(tok) < len("url()") || tok[len(tok)-1] != ')' {
		return ""
	}
	v := strings.TrimSpace(tok[len("url(") : len(tok)-1])
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return v
}

func quoteCSS(s string) string { return `"` + strings.ReplaceAll(s, `"`, "") + `"` }

// safeURL allows only references that stay inside the logo: a local
// fragment, or inline raster/font data (kept so the logo still draws; the
// checks report rasters).
func safeURL(u string) bool {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "#") {
		return !strings.ContainsAny(u, "\"'()\\<> \t\n\r")
	}
	l := strings.ToLower(u)
	for _, p := range []string{"data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif",
		"data:image/webp", "data:font/", "data:application/font-", "data:application/x-font-"} {
		if strings.HasPrefix(l, p) {
			return !strings.ContainsAny(u, "\"'()\\<> \t\n\r")
		}
	}
	return false
}

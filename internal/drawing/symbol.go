package drawing

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// ReadSymbol reads a logo as Read does and also writes it, from the same
// parse, as an SVG <symbol id=prefix> whose ids and classes all start with
// prefix + "-" and whose style rules only reach inside it, so that logos
// sharing one document never clash. The root's own attributes move to a
// <g> inside, so that selectors naming the root still match.
func ReadSymbol(data []byte, prefix string) (*Scene, []byte, error) {
	root, err := parseTree(data)
	if err != nil {
		return nil, nil, err
	}
	sc, err := readTree(root)
	if err != nil {
		return nil, nil, err
	}
	vb := sc.ViewBox
	var b bytes.Buffer
	b.WriteString(`<symbol id="` + prefix + `" viewBox="`)
	for i, v := range []float64{vb.X, vb.Y, vb.W, vb.H} {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	}
	b.WriteString(`"><g`)
	writeAttrs(&b, root, prefix, true)
	b.WriteByte('>')
	writeContent(&b, root, prefix)
	b.WriteString("</g></symbol>")
	return sc, b.Bytes(), nil
}

// writeContent writes e's text and children in document order.
func writeContent(b *bytes.Buffer, e *elem, prefix string) {
	t := 0
	for i := 0; i <= len(e.children); i++ {
		for ; t < len(e.texts) && e.texts[t].at == i; t++ {
			if e.name == "style" {
				escapeXML(b, scopeCSS(e.texts[t].text, prefix), false)
			} else {
				escapeXML(b, e.texts[t].text, false)
			}
		}
		if i < len(e.children) {
			writeElem(b, e.children[i], prefix)
		}
	}
}

func writeElem(b *bytes.Buffer, e *elem, prefix string) {
	b.WriteString("<" + e.name)
	writeAttrs(b, e, prefix, false)
	if len(e.children) == 0 && len(e.texts) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	writeContent(b, e, prefix)
	b.WriteString("</" + e.name + ">")
}

func escapeXML(b *bytes.Buffer, s string, attr bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&':
			b.WriteString("&amp;")
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '"' && attr:
			b.WriteString("&quot;")
		default:
			b.WriteByte(c)
		}
	}
}

// rootOnly are the root's attributes that make no sense on a <g>.
var rootOnly = map[string]bool{"width": true, "height": true, "x": true, "y": true, "viewBox": true,
	"preserveAspectRatio": true, "version": true, "overflow": true}

var urlRef = regexp.MustCompile(`url\(\s*(['"]?)#`)

func writeAttrs(w *bytes.Buffer, e *elem, prefix string, root bool) {
	for _, name := range e.order {
		if root && rootOnly[name] {
			continue
		}
		v := e.attrs[name]
		switch name {
		case "id":
			v = prefix + "-" + v
		case "class":
			f := strings.Fields(v)
			for i := range f {
				f[i] = prefix + "-" + f[i]
			}
			v = strings.Join(f, " ")
		case "href":
			if strings.HasPrefix(strings.TrimSpace(v), "#") {
				v = "#" + prefix + "-" + strings.TrimSpace(v)[1:]
			}
		case "style":
			v = scopeDecls(v, prefix)
		default:
			v = urlRef.ReplaceAllString(v, "url(${1}#"+prefix+"-")
		}
		w.WriteString(" " + name + `="`)
		escapeXML(w, v, true)
		w.WriteByte('"')
	}
}

func scopeDecls(v, prefix string) string {
	return urlRef.ReplaceAllString(v, "url(${1}#"+prefix+"-")
}

// scopeCSS prefixes the ids and classes of a style sheet's selectors and
// url(#id) references, and makes every selector a descendant of the symbol
// (#prefix), including those inside @media. Declarations of @font-face and
// @keyframes blocks are left as they are.
func scopeCSS(src, prefix string) string {
	l := css.NewLexer(parse.NewInputString(src))
	var out, prelude strings.Builder
	type block int
	const (
		rules block = iota
		decls
		frames
	)
	stack := []block{rules}
	flushSelectors := func() {
		for i, sel := range strings.Split(prelude.String(), ",") {
			if i > 0 {
				out.WriteByte(',')
			}
			out.WriteString("#" + prefix + " " + strings.TrimSpace(sel))
		}
		prelude.Reset()
	}
	classNext := false
	for {
		tt, data := l.Next()
		if tt == css.ErrorToken {
			out.WriteString(prelude.String())
			return out.String()
		}
		top := stack[len(stack)-1]
		text := string(data)
		if tt == css.URLToken || tt == css.FunctionToken && strings.EqualFold(text, "url(") {
			text = urlRef.ReplaceAllString(text, "url(${1}#"+prefix+"-")
		}
		switch {
		case top == rules && tt == css.LeftBraceToken:
			p := strings.TrimSpace(prelude.String())
			switch {
			case strings.HasPrefix(p, "@media"), strings.HasPrefix(p, "@supports"):
				out.WriteString(p)
				prelude.Reset()
				stack = append(stack, rules)
			case strings.HasPrefix(p, "@"):
				out.WriteString(p)
				prelude.Reset()
				stack = append(stack, map[bool]block{true: frames, false: decls}[strings.Contains(p, "keyframes")])
			default:
				flushSelectors()
				stack = append(stack, decls)
			}
			out.WriteByte('{')
		case top == rules && tt == css.SemicolonToken:
			out.WriteString(prelude.String() + ";")
			prelude.Reset()
		case top == rules && tt == css.HashToken:
			prelude.WriteString("#" + prefix + "-" + text[1:])
		case top == rules && tt == css.DelimToken && text == ".":
			prelude.WriteByte('.')
			classNext = true
			continue
		case top == rules && tt == css.RightBraceToken:
			out.WriteString(prelude.String() + "}")
			prelude.Reset()
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case top == rules && tt == css.IdentToken && classNext:
			prelude.WriteString(prefix + "-" + text)
		case top == rules:
			prelude.WriteString(text)
		case tt == css.LeftBraceToken:
			stack = append(stack, decls)
			out.WriteByte('{')
		case tt == css.RightBraceToken:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			out.WriteByte('}')
		default:
			out.WriteString(text)
		}
		classNext = false
	}
}

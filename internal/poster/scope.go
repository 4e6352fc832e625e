package poster

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// symbol rewrites a sanitized logo as a <symbol id=prefix> whose ids and
// classes all start with prefix + "-", and whose style rules only reach
// inside it, so that logos sharing the poster's document never clash. The
// root's own attributes move to a <g> inside, so that selectors naming the
// root still match.
func symbol(w *bytes.Buffer, data []byte, prefix, viewBox string) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	depth := 0
	inStyle := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read logo: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				fmt.Fprintf(w, `<symbol id="%s" viewBox="%s"><g`, prefix, viewBox)
				writeAttrs(w, t.Attr, prefix, true)
			} else {
				w.WriteString("<" + t.Name.Local)
				writeAttrs(w, t.Attr, prefix, false)
			}
			w.WriteByte('>')
			inStyle = t.Name.Local == "style"
			depth++
		case xml.EndElement:
			depth--
			inStyle = false
			if depth == 0 {
				w.WriteString("</g></symbol>")
			} else {
				w.WriteString("</" + t.Name.Local + ">")
			}
		case xml.CharData:
			if inStyle {
				xml.EscapeText(w, []byte(scopeCSS(string(t), prefix)))
			} else if depth > 0 {
				xml.EscapeText(w, t)
			}
		}
	}
	return nil
}

// rootOnly are the root's attributes that make no sense on a <g>.
var rootOnly = map[string]bool{"width": true, "height": true, "x": true, "y": true, "viewBox": true,
	"preserveAspectRatio": true, "version": true, "overflow": true}

var urlRef = regexp.MustCompile(`url\(\s*(['"]?)#`)

func writeAttrs(w *bytes.Buffer, attrs []xml.Attr, prefix string, root bool) {
	for _, a := range attrs {
		name := a.Name.Local
		if a.Name.Space == "xmlns" || name == "xmlns" || a.Name.Space != "" && name != "href" || root && rootOnly[name] {
			continue
		}
		v := a.Value
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
		xml.EscapeText(w, []byte(v))
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

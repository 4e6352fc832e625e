package drawing

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/xml"
)

const (
	svgNS = "http://www.w3.org/2000/svg"

	maxDepth = 256     // deeper documents are not read
	maxElems = 1 << 20 // elements in one document
)

// elem is an element of the logo's tree; text holds its character data,
// and texts where each piece of it falls among the children.
type elem struct {
	name     string
	attrs    map[string]string
	order    []string // attribute names in document order
	children []*elem
	parent   *elem
	text     strings.Builder
	texts    []textPiece
	classes  []string // the class attribute split, once
	split    bool
}

// textPiece is character data that comes before child number at.
type textPiece struct {
	at   int
	text string
}

func (e *elem) classList() []string {
	if !e.split {
		e.classes, e.split = strings.Fields(e.attrs["class"]), true
	}
	return e.classes
}

func (e *elem) attr(name string) string { return strings.TrimSpace(e.attrs[name]) }

func (e *elem) has(name string) bool { _, ok := e.attrs[name]; return ok }

// parseTree reads a sanitized SVG document with tdewolff/parse's XML
// lexer, several times faster than encoding/xml on the megabytes of a
// landscape's logos. Sanitized logos use no prefixes but xlink's and no
// entities but the predefined ones and character references; elements
// with a prefix or another default namespace are skipped with their
// content, as browsers do not draw them.
func parseTree(data []byte) (*elem, error) {
	l := xml.NewLexer(parse.NewInputBytes(bytes.Clone(data))) // the lexer writes into its input
	var root, cur *elem
	skip, count, depth := 0, 0, 0
	inPI := false // <?xml …?> and other processing instructions
	for {
		tt, _ := l.Next()
		switch tt {
		case xml.StartTagPIToken:
			inPI = true
		case xml.StartTagClosePIToken:
			inPI = false
		case xml.ErrorToken:
			if root == nil || root.name != "svg" {
				return nil, errors.New("not an svg document")
			}
			if depth > 0 || skip > 0 {
				return nil, errors.New("not well-formed xml: unclosed elements")
			}
			return root, nil
		case xml.StartTagToken:
			name := string(l.Text())
			if skip > 0 || strings.IndexByte(name, ':') >= 0 {
				skip++
				continue
			}
			if count++; count > maxElems || depth >= maxDepth {
				return nil, errors.New("too many or too deeply nested elements")
			}
			e := &elem{name: name, attrs: map[string]string{}, parent: cur}
			if cur == nil {
				if root != nil {
					return nil, errors.New("more than one root element")
				}
				root = e
			} else {
				cur.children = append(cur.children, e)
			}
			cur = e
			depth++
		case xml.AttributeToken:
			if skip > 0 || cur == nil || inPI {
				continue
			}
			name, val := string(l.Text()), attrValue(l.AttrVal())
			switch {
			case name == "xmlns":
				if val != svgNS { // another vocabulary: not drawn
					cur.parent, cur = nil, cur.parent
					if cur != nil {
						cur.children = cur.children[:len(cur.children)-1]
					} else {
						root = nil
					}
					depth--
					skip++
				}
				continue
			case name == "xlink:href":
				name = "href"
			case strings.IndexByte(name, ':') >= 0:
				continue
			}
			if _, dup := cur.attrs[name]; !dup {
				cur.order = append(cur.order, name)
			}
			cur.attrs[name] = val
		case xml.StartTagCloseVoidToken:
			if skip > 0 {
				skip--
				continue
			}
			if cur != nil {
				cur, depth = cur.parent, depth-1
			}
		case xml.EndTagToken:
			if skip > 0 {
				skip--
				continue
			}
			if cur == nil {
				return nil, errors.New("not well-formed xml: unexpected end tag")
			}
			cur, depth = cur.parent, depth-1
		case xml.TextToken, xml.CDATAToken:
			if skip == 0 && cur != nil {
				t := l.Text()
				if tt == xml.TextToken {
					t = unescape(t)
				}
				if len(t) > 0 {
					cur.text.Write(t)
					cur.texts = append(cur.texts, textPiece{len(cur.children), string(t)})
				}
			}
		}
	}
}

// attrValue is a lexed attribute value without its quotes, unescaped.
func attrValue(v []byte) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return string(unescape(v))
}

var entities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}

// unescape replaces the predefined entities and character references.
func unescape(b []byte) []byte {
	i := bytes.IndexByte(b, '&')
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i >= 0 {
		out = append(out, b[:i]...)
		b = b[i:]
		end := bytes.IndexByte(b, ';')
		if end < 0 {
			break
		}
		ref := string(b[1:end])
		if s, ok := entities[ref]; ok {
			out = append(out, s...)
		} else if n, err := charRef(ref); err == nil {
			out = utf8.AppendRune(out, n)
		} else {
			out = append(out, b[:end+1]...)
		}
		b = b[end+1:]
		i = bytes.IndexByte(b, '&')
	}
	return append(out, b...)
}

func charRef(ref string) (rune, error) {
	if !strings.HasPrefix(ref, "#") {
		return 0, strconv.ErrSyntax
	}
	base, digits := 10, ref[1:]
	if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, strconv.ErrSyntax
	}
	return rune(n), nil
}

// allText is the character data of e and its descendants.
func (e *elem) allText() string {
	var b strings.Builder
	var walk func(*elem)
	walk = func(e *elem) {
		b.WriteString(e.text.String())
		for _, c := range e.children {
			walk(c)
		}
	}
	walk(e)
	return b.String()
}

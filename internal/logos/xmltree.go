package logos

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf16"
)

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xhtmlNS = "http://www.w3.org/1999/xhtml"

	maxDepth         = 256     // deeper documents are rejected rather than walked
	maxEntityExpand  = 1 << 20 // bytes that declared entities may add when expanded
	maxEntityDeclare = 256
)

// node is one element or text node of a parsed SVG document. Namespaces are
// resolved: space is the namespace URL ("" when none was declared).
type node struct {
	space, name string
	attrs       []xml.Attr
	children    []*node
	text        string
	more        []string // further text while parsing, joined by joinText
	isText      bool
}

// joinText merges the pieces of each text node, in linear time.
func joinText(n *node) {
	for _, c := range n.children {
		if c.isText && len(c.more) > 0 {
			c.text += strings.Join(c.more, "")
			c.more = nil
		} else if !c.isText {
			joinText(c)
		}
	}
}

func (n *node) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// href returns the element's href or xlink:href.
func (n *node) href() string {
	for _, a := range n.attrs {
		if a.Name.Local == "href" && (a.Name.Space == "" || a.Name.Space == xlinkNS || a.Name.Space == "xlink") {
			return a.Value
		}
	}
	return ""
}

// setHref sets the element's href, which sanitized trees hold unprefixed.
func (n *node) setHref(v string) { n.setAttr("href", v) }

func (n *node) setAttr(name, value string) {
	for i, a := range n.attrs {
		if a.Name.Local == name && a.Name.Space == "" {
			n.attrs[i].Value = value
			return
		}
	}
	n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Local: name}, Value: value})
}

func (n *node) delAttr(name string) {
	out := n.attrs[:0]
	for _, a := range n.attrs {
		if !(a.Name.Local == name && a.Name.Space == "") {
			out = append(out, a)
		}
	}
	n.attrs = out
}

// isSVG says whether an element belongs to SVG: its namespace, or none for
// files that forgot to declare it.
func (n *node) isSVG() bool {
	return !n.isText && (n.space == svgNS || n.space == "" || n.space == "svg")
}

// walk calls f on n and every element below it, stopping descent when f
// returns false.
func (n *node) walk(f func(*node) bool) {
	if n.isText || !f(n) {
		return
	}
	for _, c := range n.children {
		c.walk(f)
	}
}

// document is a parsed logo with what parsing noticed about its bytes.
type document struct {
	root *node
	// declaredEncoding is the encoding named in the XML declaration when it
	// did not match the bytes (a UTF-8 file declaring UTF-16).
	declaredEncoding string
	doctype          bool
}

var entityDecl = regexp.MustCompile(`<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')`)

// parseSVG parses data into a tree. It reads UTF-16 files, UTF-8 files that
// declare another encoding, and internal entity declarations (Illustrator's
// xmlns="&ns_svg;"), refusing declarations whose expansion would balloon.
func parseSVG(data []byte) (*document, error) {
	data = toUTF8(data)
	b := &treeBuilder{doc: &document{}, data: data, entities: map[string]string{}}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = b.entities
	d.CharsetReader = b.charsetReader
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not well-formed xml: %w", err)
		}
		if err := b.add(tok); err != nil {
			return nil, err
		}
	}
	if b.doc.root == nil {
		return nil, errors.New("not well-formed xml: no root element")
	}
	joinText(b.doc.root)
	return b.doc, nil
}

// treeBuilder turns the decoder's tokens into nodes.
type treeBuilder struct {
	doc      *document
	data     []byte
	entities map[string]string
	stack    []*node
}

func (b *treeBuilder) charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-16", "utf-16le", "utf-16be", "ucs-2", "utf8":
		b.doc.declaredEncoding = label // the bytes were UTF-8 all along (see toUTF8)
		return r, nil
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252":
		return latin1Reader(r)
	}
	return nil, fmt.Errorf("unsupported encoding %q", label)
}

func (b *treeBuilder) add(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		if len(b.stack) >= maxDepth {
			return fmt.Errorf("elements nested deeper than %d", maxDepth)
		}
		n := &node{space: t.Name.Space, name: t.Name.Local, attrs: t.Copy().Attr}
		if len(b.stack) == 0 {
			if b.doc.root != nil {
				return errors.New("not well-formed xml: more than one root element")
			}
			b.doc.root = n
		} else {
			p := b.stack[len(b.stack)-1]
			p.children = append(p.children, n)
		}
		b.stack = append(b.stack, n)
	case xml.EndElement:
		b.stack = b.stack[:len(b.stack)-1]
	case xml.CharData:
		if len(b.stack) > 0 {
			p := b.stack[len(b.stack)-1]
			if k := len(p.children); k > 0 && p.children[k-1].isText {
				last := p.children[k-1] // text split by comments or CDATA: join once at the end
				last.more = append(last.more, string(t))
			} else {
				p.children = append(p.children, &node{isText: true, text: string(t)})
			}
		}
	case xml.Directive:
		b.doc.doctype = true
		return declareEntities(t, b.data, b.entities)
	}
	return nil
}

// declareEntities records the internal entities of a DOCTYPE after checking
// that expanding every reference to them stays within maxEntityExpand.
func declareEntities(dir xml.Directive, data []byte, entities map[string]string) error {
	decls := entityDecl.FindAllSubmatch(dir, maxEntityDeclare+1)
	if len(decls) > maxEntityDeclare {
		return fmt.Errorf("more than %d entity declarations", maxEntityDeclare)
	}
	total := 0
	for _, m := range decls {
		name, value := string(m[1]), string(m[2])+string(m[3])
		refs := bytes.Count(data, []byte("&"+name+";"))
		total += refs * len(value)
		if total > maxEntityExpand {
			return fmt.Errorf("entity %s expands to more than %d bytes", name, maxEntityExpand)
		}
		entities[name] = value
	}
	return nil
}

// toUTF8 converts UTF-16 with a byte order mark to UTF-8. The declaration
// still says utf-16, which the CharsetReader then accepts as is.
func toUTF8(data []byte) []byte {
	if len(data) < 2 || len(data)%2 != 0 {
		return data
	}
	var be bool
	switch {
	case data[0] == 0xFE && data[1] == 0xFF:
		be = true
	case data[0] == 0xFF && data[1] == 0xFE:
	default:
		return data
	}
	u := make([]uint16, 0, len(data)/2-1)
	for i := 2; i+1 < len(data); i += 2 {
		if be {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}

func latin1Reader(r io.Reader) (io.Reader, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return strings.NewReader(string(rs)), nil
}

// render writes the tree as SVG. Only sanitized trees are rendered, so
// every element is SVG and is written without a prefix.
func render(root *node) []byte {
	var b bytes.Buffer
	writeNode(&b, root, true)
	return b.Bytes()
}

func writeNode(b *bytes.Buffer, n *node, root bool) {
	if n.isText {
		escape(b, n.text, false)
		return
	}
	b.WriteByte('<')
	b.WriteString(n.name)
	if root {
		b.WriteString(` xmlns="` + svgNS + `"`)
	}
	for _, a := range n.attrs {
		b.WriteByte(' ')
		b.WriteString(a.Name.Local)
		b.WriteString(`="`)
		escape(b, a.Value, true)
		b.WriteByte('"')
	}
	if len(n.children) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	for _, c := range n.children {
		writeNode(b, c, false)
	}
	b.WriteString("</")
	b.WriteString(n.name)
	b.WriteByte('>')
}

// escape writes s as XML character data or, in attributes, as a
// double-quoted value. Whitespace in attributes becomes spaces, as XML
// attribute normalisation would make it anyway; writing no character
// references keeps the minifier from shortening them into invalid XML.
func escape(b *bytes.Buffer, s string, attr bool) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		case (r == '\t' || r == '\n' || r == '\r') && attr:
			b.WriteByte(' ')
		case isXMLChar(r):
			b.WriteRune(r)
		}
	}
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

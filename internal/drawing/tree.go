package drawing

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"

	maxDepth = 256     // deeper documents are not read
	maxElems = 1 << 20 // elements in one document
)

// elem is an element of the logo's tree; text holds its character data.
type elem struct {
	name     string
	attrs    map[string]string
	children []*elem
	parent   *elem
	text     strings.Builder
	classes  []string // the class attribute split, once
	split    bool
}

func (e *elem) classList() []string {
	if !e.split {
		e.classes, e.split = strings.Fields(e.attrs["class"]), true
	}
	return e.classes
}

func (e *elem) attr(name string) string { return strings.TrimSpace(e.attrs[name]) }

func (e *elem) has(name string) bool { _, ok := e.attrs[name]; return ok }

// parseTree reads an SVG document. Elements of other namespaces are
// skipped with their content, as browsers do not draw them.
func parseTree(data []byte) (*elem, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) { return r, nil }
	var root *elem
	var stack []*elem
	skip, count := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not well-formed xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || (t.Name.Space != "" && t.Name.Space != svgNS) {
				skip++
				continue
			}
			if count++; count > maxElems || len(stack) >= maxDepth {
				return nil, errors.New("too many or too deeply nested elements")
			}
			e := &elem{name: t.Name.Local, attrs: make(map[string]string, len(t.Attr))}
			for _, a := range t.Attr {
				if a.Name.Space == "" || (a.Name.Local == "href" && (a.Name.Space == xlinkNS || a.Name.Space == "xlink")) {
					e.attrs[a.Name.Local] = a.Value
				}
			}
			if len(stack) == 0 {
				if root != nil {
					return nil, errors.New("more than one root element")
				}
				root = e
			} else {
				e.parent = stack[len(stack)-1]
				e.parent.children = append(e.parent.children, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if skip == 0 && len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	if root == nil || root.name != "svg" {
		return nil, errors.New("not an svg document")
	}
	return root, nil
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

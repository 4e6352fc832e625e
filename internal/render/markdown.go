package render

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown builds the converter for descriptions and the guide. Raw HTML
// is left out (goldmark's default, never WithUnsafe), and linkTransformer
// keeps links to http(s), mailto and in-page anchors and turns images into
// links, so that no markdown can load anything from another host.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100))),
	)
}

// markdown renders untrusted markdown to HTML that is safe to embed.
func (r *Renderer) markdown(src string) template.HTML {
	var b bytes.Buffer
	if err := r.md.Convert([]byte(src), &b); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(b.String()) // #nosec: goldmark escapes text and omits raw HTML
}

type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var images []*ast.Image
	var autos []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !allowedLink(string(n.Destination)) {
				n.Destination = []byte("#")
			}
			n.SetAttributeString("rel", []byte("nofollow noopener"))
		case *ast.AutoLink:
			if n.AutoLinkType != ast.AutoLinkEmail && !allowedLink(string(n.URL(reader.Source()))) {
				autos = append(autos, n)
			}
			n.SetAttributeString("rel", []byte("nofollow noopener"))
		case *ast.Image:
			images = append(images, n)
		}
		return ast.WalkContinue, nil
	})
	for _, a := range autos { // a link to a scheme we do not serve stays as text
		a.Parent().ReplaceChild(a.Parent(), a, ast.NewString(a.Label(reader.Source())))
	}
	for _, img := range images { // replace after the walk: never edit the tree while walking it
		link := ast.NewLink()
		link.Destination = img.Destination
		if !allowedLink(string(img.Destination)) {
			link.Destination = []byte("#")
		}
		link.SetAttributeString("rel", []byte("nofollow noopener"))
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		if link.ChildCount() == 0 {
			link.AppendChild(link, ast.NewString([]byte("image")))
		}
		img.Parent().ReplaceChild(img.Parent(), img, link)
	}
}

// allowedLink accepts absolute http(s) and mailto links and fragments.
func allowedLink(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") ||
		strings.HasPrefix(l, "mailto:") || strings.HasPrefix(l, "#")
}

package logos

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
)

// allowedElements are the SVG elements a logo may keep. Everything else is
// removed with its content: script, foreignObject, animation (set/animate can
// rewrite an href to javascript:), editor metadata and foreign namespaces.
var allowedElements = set(
	"svg", "g", "defs", "symbol", "use", "switch",
	"path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
	"text", "tspan", "textPath",
	"linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image", "style",
	"filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
	"feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
	"feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
	"feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
)

// textElements are the elements whose character data is kept.
var textElements = set("text", "tspan", "textPath", "style")

// allowedAttrs are the attributes (without namespace) a logo may keep: geometry,
// presentation and the few structural ones. No on* handler is in it.
var allowedAttrs = set(
	"id", "class", "style", "transform", "viewBox", "preserveAspectRatio", "width", "height", "x", "y",
	"x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength",
	"fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
	"stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity",
	"color", "display", "visibility", "overflow", "clip-path", "clip-rule", "clipPathUnits", "mask",
	"maskUnits", "maskContentUnits", "mask-type", "filter", "filterUnits", "primitiveUnits",
	"stop-color", "stop-opacity", "offset", "gradientUnits", "gradientTransform", "spreadMethod",
	"patternUnits", "patternContentUnits", "patternTransform", "markerWidth", "markerHeight",
	"markerUnits", "refX", "refY", "orient", "marker-start", "marker-mid", "marker-end",
	"vector-effect", "shape-rendering", "color-interpolation", "color-interpolation-filters",
	"paint-order", "mix-blend-mode", "isolation", "image-rendering", "text-rendering",
	"font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
	"letter-spacing", "word-spacing", "text-anchor", "dominant-baseline", "alignment-baseline",
	"baseline-shift", "text-decoration", "writing-mode", "dx", "dy", "rotate", "textLength",
	"lengthAdjust", "startOffset", "method", "spacing", "side",
	"in", "in2", "result", "stdDeviation", "mode", "operator", "k1", "k2", "k3", "k4", "values",
	"type", "tableValues", "slope", "intercept", "amplitude", "exponent", "order", "kernelMatrix",
	"divisor", "bias", "targetX", "targetY", "edgeMode", "preserveAlpha", "surfaceScale",
	"diffuseConstant", "specularConstant", "specularExponent", "kernelUnitLength", "lighting-color",
	"flood-color", "flood-opacity", "scale", "xChannelSelector", "yChannelSelector", "radius",
	"azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle",
	"baseFrequency", "numOctaves", "seed", "stitchTiles", "media", "systemLanguage",
)

// cssAttrs hold CSS values that may carry url(); they go through the CSS
// sanitizer. The others may not mention url() or javascript: at all.
var cssAttrs = set("style", "fill", "stroke", "clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end")

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// Sanitize rebuilds an SVG from an allowlist, so that the result draws the
// same logo but can neither run script nor load anything from elsewhere.
// Sanitizing its own output changes nothing. It fails only when data is not
// an SVG document at all.
func Sanitize(data []byte) ([]byte, error) {
	doc, err := parseSVG(data)
	if err != nil {
		return nil, err
	}
	root, _, err := sanitizeTree(doc.root)
	if err != nil {
		return nil, err
	}
	return render(root), nil
}

var errNoSVGRoot = errors.New("the root element is not <svg>")

// sanitizeTree returns a clean copy of the document under root, without
// the <use>s that refer to themselves, or an error when root is not an SVG
// or its <use>s expand past the budget (uses.go).
func sanitizeTree(root *node) (*node, useReport, error) {
	if msg := rootProblem(root); msg != "" {
		return nil, useReport{}, fmt.Errorf("%w: %s", errNoSVGRoot, msg)
	}
	out := sanitizeElement(root)
	rep, err := limitUses(out)
	if err != nil {
		return nil, rep, err
	}
	return out, rep, nil
}

// rootProblem says why root is not an SVG root element, or "" when it is.
// An <svg> in another namespace (often XHTML, from a page's markup saved
// as a file) is not drawn as SVG by browsers, and says so plainly.
func rootProblem(root *node) string {
	switch {
	case root.isSVG() && root.name == "svg":
		return ""
	case root.name == "svg" && root.space == xhtmlNS:
		return "the root <svg> is in the XHTML namespace (" + xhtmlNS + "), where browsers do not draw it as SVG (set xmlns=\"" + svgNS + "\" on it)"
	case root.name == "svg":
		return fmt.Sprintf("the root <svg> is in the namespace %q, not SVG's (set xmlns=\"%s\" on it)", root.space, svgNS)
	case root.space == xhtmlNS:
		return fmt.Sprintf("is an XHTML document (root <%s>), not an SVG (export the logo as SVG)", root.name)
	}
	return fmt.Sprintf("has no <svg> root element but <%s> (export the logo as SVG)", root.name)
}

// sanitizeElement returns a clean copy of n, or nil when n must go.
func sanitizeElement(n *node) *node {
	name := n.name
	if name == "a" && n.isSVG() {
		name = "g" // keep a link's drawing, not the link
	}
	if !n.isSVG() || !allowedElements[name] {
		return nil
	}
	out := &node{space: svgNS, name: name}
	seen := map[string]bool{}
	for _, a := range n.attrs {
		if v, ok := sanitizeAttr(name, a); ok && !seen[v.Name.Local] {
			seen[v.Name.Local] = true
			out.attrs = append(out.attrs, v)
		}
	}
	for _, c := range n.children {
		if c.isText {
			if textElements[name] {
				t := c.text
				if name == "style" {
					t = sanitizeCSS(t)
				}
				if t != "" {
					out.children = append(out.children, &node{isText: true, text: t})
				}
			}
			continue
		}
		if sc := sanitizeElement(c); sc != nil {
			out.children = append(out.children, sc)
		}
	}
	return out
}

// sanitizeAttr returns the attribute as it may be kept, normalising
// xlink:href to href.
func sanitizeAttr(elem string, a xml.Attr) (xml.Attr, bool) {
	local, space := a.Name.Local, a.Name.Space
	if local == "href" && (space == "" || space == xlinkNS || space == "xlink") {
		v := strings.TrimSpace(a.Value)
		if strings.HasPrefix(strings.ToLower(v), "data:") {
			v = strings.Join(strings.Fields(v), "") // base64 wrapped over lines
		}
		if !safeHref(elem, v) {
			return a, false
		}
		return xml.Attr{Name: xml.Name{Local: "href"}, Value: v}, true
	}
	if space != "" || !allowedAttrs[local] {
		return a, false
	}
	v := a.Value
	if cssAttrs[local] {
		v = sanitizeCSS(v)
		if v == "" {
			return a, false
		}
	} else if dangerousValue(v) {
		return a, false
	}
	return xml.Attr{Name: xml.Name{Local: local}, Value: v}, true
}

// safeHref allows local fragments everywhere and inline rasters in images.
func safeHref(elem, v string) bool {
	if strings.HasPrefix(v, "#") {
		return safeURL(v)
	}
	return (elem == "image" || elem == "feImage") && strings.HasPrefix(strings.ToLower(v), "data:image/") && safeURL(v)
}

func dangerousValue(v string) bool {
	l := strings.ToLower(strings.Join(strings.Fields(v), ""))
	return strings.Contains(l, "url(") || strings.Contains(l, "javascript:") ||
		strings.Contains(l, "expression(") || strings.Contains(l, "data:")
}

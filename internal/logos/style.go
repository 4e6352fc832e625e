package logos

import (
	"regexp"
	"strconv"
	"strings"
)

// The cropper needs to know what an element paints, which logos say in
// presentation attributes, in <style> rules (Illustrator's .st0{fill:none})
// and in style attributes, in that order of precedence.

// paintProps are the properties that decide whether and how far an element paints.
var paintProps = set("fill", "stroke", "stroke-width", "fill-opacity", "stroke-opacity", "opacity",
	"display", "visibility", "clip-path", "mask", "filter", "stroke-linejoin", "stroke-miterlimit")

// inheritedProps pass from parent to child.
var inheritedProps = []string{"fill", "stroke", "stroke-width", "fill-opacity", "stroke-opacity", "visibility",
	"stroke-linejoin", "stroke-miterlimit"}

// selector is one compound selector (tag, #id, .class...); combinators are
// dropped and only the last compound is matched, which is enough for the
// flat class rules that editors export.
type selector struct {
	tag, id string
	classes []string
}

type cssRule struct {
	sel   selector
	decls [][2]string
}

type stylesheet []cssRule

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// parseStylesheet reads the rules of a <style> block, flattening @media.
func parseStylesheet(src string) stylesheet {
	return parseRules(cssComment.ReplaceAllString(src, " "), 0)
}

// maxMediaDepth bounds nested @media blocks, each of which is scanned again.
const maxMediaDepth = 4

func parseRules(src string, depth int) stylesheet {
	var ss stylesheet
	for {
		open := strings.IndexByte(src, '{')
		if open < 0 {
			return ss
		}
		head := strings.TrimSpace(src[:open])
		end := matchingBrace(src, open)
		body := src[open+1 : end]
		if end < len(src) {
			end++
		}
		src = src[end:]
		if strings.HasPrefix(head, "@") {
			if strings.HasPrefix(strings.ToLower(head), "@media") && depth < maxMediaDepth {
				ss = append(ss, parseRules(body, depth+1)...)
			}
			continue
		}
		decls := parseDecls(body)
		for _, s := range strings.Split(head, ",") {
			if sel, ok := parseSelector(s); ok {
				ss = append(ss, cssRule{sel, decls})
			}
		}
	}
}

func matchingBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

var (
	compound     = regexp.MustCompile(`^([A-Za-z][\w-]*|\*)?((?:[.#][\w-]+)*)$`)
	selectorPart = regexp.MustCompile(`[.#][\w-]+`)
)

func parseSelector(s string) (selector, bool) {
	f := strings.Fields(strings.NewReplacer(">", " ", "+", " ", "~", " ").Replace(s))
	if len(f) == 0 {
		return selector{}, false
	}
	m := compound.FindStringSubmatch(f[len(f)-1])
	if m == nil {
		return selector{}, false
	}
	sel := selector{tag: strings.TrimPrefix(m[1], "*")}
	for _, part := range selectorPart.FindAllString(m[2], -1) {
		if part[0] == '#' {
			sel.id = part[1:]
		} else {
			sel.classes = append(sel.classes, part[1:])
		}
	}
	return sel, true
}

func (s selector) matches(n *node) bool {
	if s.tag != "" && s.tag != n.name {
		return false
	}
	if s.id != "" {
		if id, _ := n.attr("id"); id != s.id {
			return false
		}
	}
	if len(s.classes) > 0 {
		cls, _ := n.attr("class")
		have := strings.Fields(cls)
		for _, c := range s.classes {
			if !contains(have, c) {
				return false
			}
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func parseDecls(body string) [][2]string {
	var out [][2]string
	for _, d := range strings.Split(body, ";") {
		k, v, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
		if paintProps[k] {
			out = append(out, [2]string{k, strings.TrimSpace(v)})
		}
	}
	return out
}

// ownProps is what n itself says about its painting, after the cascade.
func (ss stylesheet) ownProps(n *node) map[string]string {
	props := map[string]string{}
	for _, a := range n.attrs {
		if a.Name.Space == "" && paintProps[a.Name.Local] {
			props[a.Name.Local] = strings.TrimSpace(a.Value)
		}
	}
	for _, r := range ss {
		if r.sel.matches(n) {
			for _, d := range r.decls {
				props[d[0]] = d[1]
			}
		}
	}
	if st, ok := n.attr("style"); ok {
		for _, d := range parseDecls(st) {
			props[d[0]] = d[1]
		}
	}
	return props
}

// style is the inherited part of the computed style.
type style map[string]string

func (st style) inherit(own map[string]string) style {
	out := style{}
	for _, k := range inheritedProps {
		if v, ok := own[k]; ok && v != "inherit" {
			out[k] = v
		} else if v, ok := st[k]; ok {
			out[k] = v
		}
	}
	return out
}

func (st style) fills() bool {
	f, ok := st["fill"]
	return (!ok || paints(f)) && opacity(st["fill-opacity"]) > 0
}

func (st style) strokeWidth(diag float64) float64 {
	s, ok := st["stroke"]
	if !ok || !paints(s) || opacity(st["stroke-opacity"]) == 0 {
		return 0
	}
	w, ok := parseLength(st["stroke-width"], diag)
	if !ok {
		return 1
	}
	return w
}

// paints says whether a fill or stroke value draws anything: not none,
// transparent, or a colour with zero alpha (rgb(0,0,0,0), #0000).
func paints(v string) bool {
	v = strings.ToLower(strings.Join(strings.Fields(v), ""))
	switch {
	case v == "none" || v == "transparent":
		return false
	case strings.HasPrefix(v, "rgb(") || strings.HasPrefix(v, "rgba(") || strings.HasPrefix(v, "hsl(") || strings.HasPrefix(v, "hsla("):
		args := strings.FieldsFunc(v[strings.IndexByte(v, '(')+1:], func(r rune) bool { return r == ',' || r == '/' || r == ')' })
		return len(args) != 4 || opacity(args[3]) != 0
	case strings.HasPrefix(v, "#") && len(v) == 5:
		return v[4] != '0'
	case strings.HasPrefix(v, "#") && len(v) == 9:
		return v[7:] != "00"
	}
	return true
}

// opacity reads an opacity value, 1 when unset or unreadable.
func opacity(v string) float64 {
	v = strings.TrimSpace(v)
	if v == "" {
		return 1
	}
	pct := strings.HasSuffix(v, "%")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err != nil {
		return 1
	}
	if pct {
		f /= 100
	}
	return f
}

var unitScale = map[string]float64{"": 1, "px": 1, "pt": 4.0 / 3, "pc": 16, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96, "em": 16, "ex": 8, "rem": 16}

// parseLength reads a length in user units; percentages are of ref.
func parseLength(v string, ref float64) (float64, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	sc := numScanner{s: v}
	f, ok := sc.number()
	if !ok {
		return 0, false
	}
	unit := strings.ToLower(strings.TrimSpace(sc.rest()))
	if unit == "%" {
		return f * ref / 100, true
	}
	k, ok := unitScale[unit]
	return f * k, ok
}

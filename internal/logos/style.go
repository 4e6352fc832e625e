package logos

import (
	"regexp"
	"slices"
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

// stylesheet holds a logo's rules in source order, indexed by the key each
// selector needs (its id, else its first class, else its tag), so that an
// element is matched against the few rules that can apply to it rather
// than against the whole sheet: Illustrator exports carry thousands of
// class rules, and scanning them all for every element measured made one
// logo cost minutes.
type stylesheet struct {
	rules     []cssRule
	byID      map[string][]int
	byClass   map[string][]int
	byTag     map[string][]int
	universal []int
}

// add appends rules after those already in the sheet.
func (ss *stylesheet) add(rules []cssRule) {
	if ss.byID == nil {
		ss.byID, ss.byClass, ss.byTag = map[string][]int{}, map[string][]int{}, map[string][]int{}
	}
	for _, r := range rules {
		i := len(ss.rules)
		ss.rules = append(ss.rules, r)
		switch {
		case r.sel.id != "":
			ss.byID[r.sel.id] = append(ss.byID[r.sel.id], i)
		case len(r.sel.classes) > 0:
			ss.byClass[r.sel.classes[0]] = append(ss.byClass[r.sel.classes[0]], i)
		case r.sel.tag != "":
			ss.byTag[r.sel.tag] = append(ss.byTag[r.sel.tag], i)
		default:
			ss.universal = append(ss.universal, i)
		}
	}
}

// matching returns the rules that apply to n, in source order, and how
// many rules were examined to find them.
func (ss *stylesheet) matching(n *node) ([]*cssRule, int) {
	if len(ss.rules) == 0 {
		return nil, 0
	}
	id, _ := n.attr("id")
	cls, _ := n.attr("class")
	classes := strings.Fields(cls)
	cand := append([]int(nil), ss.universal...)
	cand = append(cand, ss.byTag[n.name]...)
	if id != "" {
		cand = append(cand, ss.byID[id]...)
	}
	for i, c := range classes {
		if !slices.Contains(classes[:i], c) {
			cand = append(cand, ss.byClass[c]...)
		}
	}
	slices.Sort(cand)
	var out []*cssRule
	for _, i := range cand {
		if r := &ss.rules[i]; r.sel.matches(n.name, id, classes) {
			out = append(out, r)
		}
	}
	return out, len(cand)
}

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// parseStylesheet reads the rules of a <style> block, flattening @media.
func parseStylesheet(src string) []cssRule {
	return parseRules(cssComment.ReplaceAllString(src, " "), 0)
}

// maxMediaDepth bounds nested @media blocks, each of which is scanned again.
const maxMediaDepth = 4

func parseRules(src string, depth int) []cssRule {
	var ss []cssRule
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

func (s selector) matches(tag, id string, classes []string) bool {
	if s.tag != "" && s.tag != tag || s.id != "" && s.id != id {
		return false
	}
	for _, c := range s.classes {
		if !slices.Contains(classes, c) {
			return false
		}
	}
	return true
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

// ownProps is what n itself says about its painting, after the cascade,
// and how many rules were examined to find out.
func (ss *stylesheet) ownProps(n *node) (map[string]string, int) {
	props := map[string]string{}
	for _, a := range n.attrs {
		if a.Name.Space == "" && paintProps[a.Name.Local] {
			props[a.Name.Local] = strings.TrimSpace(a.Value)
		}
	}
	rules, examined := ss.matching(n)
	for _, r := range rules {
		for _, d := range r.decls {
			props[d[0]] = d[1]
		}
	}
	if st, ok := n.attr("style"); ok {
		for _, d := range parseDecls(st) {
			props[d[0]] = d[1]
		}
	}
	return props, examined
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

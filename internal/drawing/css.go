package drawing

import (
	"regexp"
	"slices"
	"strings"
)

// The cascade of a logo: presentation attributes, then <style> rules in
// order of specificity, then the style attribute. Selectors are type,
// class, id and universal compounds joined by descendant or child
// combinators (both matched as descendant); rules with anything else
// (pseudo-classes, attribute selectors) match nothing, as they would rarely
// match a static logo.

// properties are the CSS properties the drawing reads; inherited ones pass
// from parent to child.
var properties = map[string]bool{
	"fill": true, "fill-opacity": true, "fill-rule": true, "stroke": true, "stroke-width": true,
	"stroke-opacity": true, "stroke-linecap": true, "stroke-linejoin": true, "stroke-miterlimit": true,
	"stroke-dasharray": true, "stroke-dashoffset": true, "clip-rule": true, "visibility": true, "color": true,
	"opacity": false, "display": false, "clip-path": false, "mask": false, "filter": false,
	"stop-color": false, "stop-opacity": false, "mix-blend-mode": false, "marker-start": true,
	"marker-mid": true, "marker-end": true, "marker": true, "paint-order": true, "vector-effect": false,
	"mask-type": false, "transform": false, "background-color": false, "background": false,
}

type rule struct {
	sel   []compound // the last one matches the element itself
	spec  int
	order int
	decls [][2]string
}

type compound struct {
	tag, id string
	classes []string
}

// sheet is a logo's style rules in cascade order, indexed by what their
// last compound requires (an id, else a class, else a tag), so that an
// element is matched only against the rules that can match it.
type sheet struct {
	rules                []rule
	byID, byClass, byTag map[string][]int32
	any                  []int32
}

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

func parseSheet(src string, rs []rule) sheet {
	rs = rules(cssComment.ReplaceAllString(src, " "), rs, 0)
	slices.SortStableFunc(rs, func(a, b rule) int { return a.spec - b.spec })
	s := sheet{rules: rs, byID: map[string][]int32{}, byClass: map[string][]int32{}, byTag: map[string][]int32{}}
	for i, r := range rs {
		last := r.sel[len(r.sel)-1]
		switch {
		case last.id != "":
			s.byID[last.id] = append(s.byID[last.id], int32(i))
		case len(last.classes) > 0:
			s.byClass[last.classes[0]] = append(s.byClass[last.classes[0]], int32(i))
		case last.tag != "":
			s.byTag[last.tag] = append(s.byTag[last.tag], int32(i))
		default:
			s.any = append(s.any, int32(i))
		}
	}
	return s
}

// rules appends the rules of src, reading @media blocks as if they applied.
func rules(src string, s []rule, depth int) []rule {
	for {
		open := strings.IndexByte(src, '{')
		if open < 0 {
			return s
		}
		head := strings.TrimSpace(src[:open])
		end := closing(src, open)
		body := src[open+1 : end]
		src = src[min(end+1, len(src)):]
		if strings.HasPrefix(head, "@") {
			if q := strings.ToLower(head); strings.HasPrefix(q, "@media") && depth < 4 && mediaApplies(q) {
				s = rules(body, s, depth+1)
			}
			continue
		}
		decls := parseDecls(body)
		for _, part := range strings.Split(head, ",") {
			if sel, spec, ok := parseSelector(part); ok {
				s = append(s, rule{sel: sel, spec: spec, order: len(s), decls: decls})
			}
		}
	}
}

func closing(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

var (
	compoundRe = regexp.MustCompile(`^([A-Za-z][\w-]*|\*)?((?:[.#][\w-]+)*)$`)
	partRe     = regexp.MustCompile(`[.#][\w-]+`)
)

func parseSelector(s string) ([]compound, int, bool) {
	f := strings.Fields(strings.ReplaceAll(s, ">", " "))
	if len(f) == 0 {
		return nil, 0, false
	}
	var out []compound
	spec := 0
	for _, p := range f {
		m := compoundRe.FindStringSubmatch(p)
		if m == nil {
			return nil, 0, false
		}
		c := compound{tag: strings.TrimPrefix(m[1], "*")}
		if c.tag != "" {
			spec++
		}
		for _, part := range partRe.FindAllString(m[2], -1) {
			if part[0] == '#' {
				c.id, spec = part[1:], spec+100
			} else {
				c.classes, spec = append(c.classes, part[1:]), spec+10
			}
		}
		out = append(out, c)
	}
	return out, spec, true
}

func (c compound) matches(e *elem) bool {
	if c.tag != "" && c.tag != e.name || c.id != "" && e.attr("id") != c.id {
		return false
	}
	if len(c.classes) > 0 {
		have := e.classList()
		for _, k := range c.classes {
			if !slices.Contains(have, k) {
				return false
			}
		}
	}
	return true
}

func (r *rule) matches(e *elem) bool {
	if !r.sel[len(r.sel)-1].matches(e) {
		return false
	}
	i := len(r.sel) - 2
	for a := e.parent; a != nil && i >= 0; a = a.parent {
		if r.sel[i].matches(a) {
			i--
		}
	}
	return i < 0
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
		if _, known := properties[k]; known && v != "" {
			out = append(out, [2]string{k, v})
		}
	}
	return out
}

// own is what e itself declares, after the cascade.
func (s sheet) own(e *elem) map[string]string {
	props := map[string]string{}
	for k, v := range e.attrs {
		if _, ok := properties[k]; ok {
			props[k] = strings.TrimSpace(v)
		}
	}
	if len(s.rules) > 0 {
		cand := append([]int32(nil), s.any...)
		cand = append(cand, s.byTag[e.name]...)
		if id := e.attr("id"); id != "" {
			cand = append(cand, s.byID[id]...)
		}
		for _, c := range e.classList() {
			cand = append(cand, s.byClass[c]...)
		}
		slices.Sort(cand)
		cand = slices.Compact(cand)
		for _, i := range cand {
			if r := &s.rules[i]; r.matches(e) {
				for _, d := range r.decls {
					props[d[0]] = d[1]
				}
			}
		}
	}
	if st, ok := e.attrs["style"]; ok {
		for _, d := range parseDecls(st) {
			props[d[0]] = d[1]
		}
	}
	return props
}

// style is an element's computed style: the inherited properties of its
// parent overlaid with its own declarations.
type style map[string]string

func (st style) with(own map[string]string) style {
	out := make(style, len(st)+len(own))
	for k, v := range st {
		if properties[k] {
			out[k] = v
		}
	}
	for k, v := range own {
		if v == "inherit" {
			if pv, ok := st[k]; ok {
				out[k] = pv
			}
			continue
		}
		out[k] = v
	}
	return out
}

// mediaApplies says whether a logo drawn as an image in a light page meets
// an @media query: not the dark colour scheme, not print only.
func mediaApplies(q string) bool {
	q = strings.Join(strings.Fields(q), "")
	return !strings.Contains(q, "prefers-color-scheme:dark") && !strings.HasPrefix(q, "@mediaprint") && !strings.Contains(q, "onlyprint")
}

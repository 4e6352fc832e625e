package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// exprContext evaluates the GitHub Actions expressions that action.yml
// uses, for running its steps in a test: context paths (inputs.data,
// github.event.pull_request.base.sha, steps.check.outputs.errors), string
// literals, ==, !=, !, &&, ||, parentheses and the status functions.
// Anything else is an error, so that the test never guesses what GitHub
// would do.
type exprContext struct {
	values            map[string]string // context paths; a missing one is ""
	failed, cancelled bool
}

var interpolation = regexp.MustCompile(`\$\{\{(.*?)\}\}`)

// interpolate replaces every ${{ expr }} in s by its value.
func (c *exprContext) interpolate(s string) (string, error) {
	var err error
	out := interpolation.ReplaceAllStringFunc(s, func(m string) string {
		v, e := c.eval(interpolation.FindStringSubmatch(m)[1])
		if e != nil && err == nil {
			err = e
		}
		return str(v)
	})
	return out, err
}

// condition evaluates an if: (with or without ${{ }}); "" is success().
func (c *exprContext) condition(s string) (bool, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		s = "success()"
	}
	if m := interpolation.FindStringSubmatch(s); m != nil && m[0] == s {
		s = m[1]
	}
	v, err := c.eval(s)
	return truthy(v), err
}

func (c *exprContext) eval(src string) (any, error) {
	p := &exprParser{c: c, toks: exprTokens.FindAllString(src, -1)}
	if strings.Join(p.toks, "") != strings.Join(strings.Fields(src), "") {
		return nil, fmt.Errorf("expression %q: unsupported syntax", src)
	}
	v, err := p.or()
	if err == nil && p.i < len(p.toks) {
		err = fmt.Errorf("expression %q: unexpected %q", src, p.toks[p.i])
	}
	return v, err
}

var exprTokens = regexp.MustCompile(`'(?:[^']|'')*'|==|!=|&&|\|\||[!()]|[A-Za-z_][A-Za-z0-9_.-]*`)

type exprParser struct {
	c    *exprContext
	toks []string
	i    int
}

func (p *exprParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

func (p *exprParser) next() string { t := p.peek(); p.i++; return t }

func (p *exprParser) or() (any, error) {
	v, err := p.and()
	for err == nil && p.peek() == "||" {
		p.next()
		var r any
		r, err = p.and()
		if !truthy(v) {
			v = r
		}
	}
	return v, err
}

func (p *exprParser) and() (any, error) {
	v, err := p.unary()
	for err == nil && p.peek() == "&&" {
		p.next()
		var r any
		r, err = p.unary()
		if truthy(v) {
			v = r
		}
	}
	return v, err
}

func (p *exprParser) unary() (any, error) {
	if p.peek() == "!" {
		p.next()
		v, err := p.unary()
		return !truthy(v), err
	}
	l, err := p.primary()
	if err != nil || (p.peek() != "==" && p.peek() != "!=") {
		return l, err
	}
	op := p.next()
	r, err := p.primary()
	// GitHub compares strings case-insensitively.
	eq := strings.EqualFold(str(l), str(r))
	return eq == (op == "=="), err
}

func (p *exprParser) primary() (any, error) {
	t := p.next()
	switch {
	case t == "(":
		v, err := p.or()
		if p.next() != ")" {
			return nil, fmt.Errorf("missing )")
		}
		return v, err
	case strings.HasPrefix(t, "'"):
		return strings.ReplaceAll(t[1:len(t)-1], "''", "'"), nil
	case t == "true" || t == "false":
		return t == "true", nil
	case p.peek() == "(":
		p.next()
		if p.next() != ")" {
			return nil, fmt.Errorf("function %s: arguments are not supported", t)
		}
		switch t {
		case "success":
			return !p.c.failed && !p.c.cancelled, nil
		case "failure":
			return p.c.failed, nil
		case "cancelled":
			return p.c.cancelled, nil
		case "always":
			return true, nil
		}
		return nil, fmt.Errorf("function %s() is not supported", t)
	case strings.Contains(t, ".") && !strings.HasSuffix(t, "."):
		return p.c.values[t], nil
	}
	return nil, fmt.Errorf("unexpected %q", t)
}

func truthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return v != ""
	}
	return false
}

func str(v any) string {
	switch v := v.(type) {
	case bool:
		return fmt.Sprint(v)
	case string:
		return v
	}
	return ""
}

func TestExprContext(t *testing.T) {
	c := &exprContext{values: map[string]string{"inputs.build": "true", "inputs.base": "", "inputs.github-token": "tok", "steps.a.outputs.x": "1"}}
	for _, tt := range []struct {
		expr string
		want string
	}{
		{"inputs.build", "true"},
		{"inputs.github-token", "tok"},
		{"inputs.build == 'true'", "true"},
		{"inputs.build == 'TRUE'", "true"},
		{"inputs.base != ''", "false"},
		{"!cancelled() && inputs.build == 'true'", "true"},
		{"inputs.base || 'fallback'", "fallback"},
		{"steps.a.outputs.x", "1"},
		{"steps.missing.outputs.x", ""},
		{"success()", "true"},
		{"'it''s'", "it's"},
	} {
		v, err := c.eval(tt.expr)
		if err != nil || str(v) != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.expr, str(v), err, tt.want)
		}
	}
	c.failed = true
	if ok, _ := c.condition(""); ok {
		t.Error("an empty if: after a failure: got true, want false (success())")
	}
	if ok, _ := c.condition("${{ !cancelled() }}"); !ok {
		t.Error("!cancelled() after a failure: got false, want true")
	}
	for _, bad := range []string{"format('{0}', inputs.x)", "inputs.x[0]", "fromJSON(inputs.x)", "1 + 2"} {
		if _, err := c.eval(bad); err == nil {
			t.Errorf("%s: got no error, want unsupported", bad)
		}
	}
	if s, err := c.interpolate("a ${{ inputs.build }} b ${{ steps.a.outputs.x }}"); err != nil || s != "a true b 1" {
		t.Errorf("interpolate: got %q, %v", s, err)
	}
}

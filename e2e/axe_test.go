package e2e

import (
	_ "embed"
	"fmt"
	"strings"
	"testing"
)

// axeSource is axe-core 4.14.1 (MPL-2.0), vendored so tests need no network.
//
//go:embed testdata/axe.min.js
var axeSource string

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []string `json:"target"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

// axe runs axe-core on the current page and describes every serious or
// critical violation. DevTools evaluation is not bound by the page's
// Content-Security-Policy, so the site's policy stays strict.
func axe(t *testing.T, b *browser) []string {
	t.Helper()
	if !eval[bool](t, b, `typeof axe !== "undefined"`) {
		eval[bool](t, b, axeSource+"\n;true")
	}
	vs := eval[[]axeViolation](t, b, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations
		.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.map(String), summary: n.failureSummary || ""}))})))`)
	var out []string
	for _, v := range vs {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, strings.Join(n.Target, " ")+": "+strings.ReplaceAll(n.Summary, "\n", " "))
		}
		out = append(out, fmt.Sprintf("axe %s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t")))
	}
	return out
}

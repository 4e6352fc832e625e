package e2e

import (
	"cmp"
	"fmt"
	"os"
	"strings"
	"testing"
)

// axePath is where `npm ci --prefix e2e` (run by .ci/run) installs
// axe-core, at the version and checksum package-lock.json pins. AXE_CORE
// names another copy.
const axePath = "node_modules/axe-core/axe.min.js"

// axeSource reads axe-core, skipping the test when it is not installed,
// except under CI, where a skipped accessibility test would pass silently.
func axeSource(t *testing.T) string {
	t.Helper()
	p := cmp.Or(os.Getenv("AXE_CORE"), axePath)
	b, err := os.ReadFile(p)
	if err == nil {
		return string(b)
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("axe-core not found at %s and CI is set: run npm ci --prefix e2e (.ci/run does)", p)
	}
	t.Skipf("axe-core not found at %s: run npm ci --prefix e2e to install it (skipping the accessibility test)", p)
	return ""
}

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
		eval[bool](t, b, axeSource(t)+"\n;true")
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

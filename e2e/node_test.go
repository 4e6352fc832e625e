package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNodeUnits runs the unit tests of the page's pure modules
// (e2e/jstest, Node's test runner) against the rendered test site and,
// when the corpora are present, cncf-full with made-up GitHub facts.
// Without Node it skips, unless CI is set.
func TestNodeUnits(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node not found: the page's unit tests need Node 20 or later")
		}
		t.Skip("node not found: skipping the page's unit tests")
	}
	sites := []string{}
	small, _ := testSite(t)
	sites = append(sites, small)
	if !testing.Short() {
		if _, err := os.Stat(filepath.Join(corpora, "cncf-full", "landscape.yml")); err == nil {
			full, _ := buildSiteWith(t, "cncf-full", options{facts: true})
			sites = append(sites, full)
		}
	}
	// The modules are plain .js files: a package.json beside copies of
	// them tells Node they are ES modules.
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "js"), os.DirFS(filepath.Join("..", "templates", "js"))); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, os.DirFS("jstest")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"type": "module"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "--test", "--test-reporter=spec", dir)
	cmd.Env = append(os.Environ(), "SITES="+strings.Join(sites, ","))
	out, err := cmd.CombinedOutput()
	t.Logf("node --test:\n%s", out)
	if err != nil {
		t.Fatalf("node --test: %v", err)
	}
}

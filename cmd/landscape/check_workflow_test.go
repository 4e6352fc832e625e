package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"gopkg.in/yaml.v3"
)

const workflowFile = "../../.github/workflows/pull-request.yml"

// TestWorkflowLint lints the pull-request workflow with actionlint, and its
// shell steps with shellcheck when it is installed.
func TestWorkflowLint(t *testing.T) {
	opts := &actionlint.LinterOptions{}
	if p, err := exec.LookPath("shellcheck"); err == nil {
		opts.Shellcheck = p
	}
	var out strings.Builder
	l, err := actionlint.NewLinter(&out, opts)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFile(workflowFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", workflowFile, e.Line, e.Column, e.Message, e.Kind)
	}
}

// workflow is the part of the workflow the check depends on.
type workflow struct {
	On struct {
		PullRequest struct {
			Paths []string `yaml:"paths"`
		} `yaml:"pull_request"`
	} `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Permissions map[string]string `yaml:"permissions"`
		Steps       []struct {
			Uses string            `yaml:"uses"`
			With map[string]string `yaml:"with"`
			Env  map[string]string `yaml:"env"`
			Run  string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestWorkflowRunsCheck checks what the check needs of its workflow: it runs
// on changes to the data, with the full history (the base revision), Go
// from go.mod, the repository token for stars, and read-only permissions.
func TestWorkflowRunsCheck(t *testing.T) {
	data, err := os.ReadFile(workflowFile)
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"landscape.yml", "settings.yml", "hosted_logos/**"} {
		if !slices.Contains(w.On.PullRequest.Paths, p) {
			t.Errorf("pull_request paths: got %q, want %q among them", w.On.PullRequest.Paths, p)
		}
	}
	if len(w.Permissions) != 1 || w.Permissions["contents"] != "read" {
		t.Errorf("permissions: got %v, want contents: read only", w.Permissions)
	}
	var checkout, setupGo, check, build bool
	for name, j := range w.Jobs {
		if j.Permissions != nil {
			t.Errorf("job %s widens the permissions: %v", name, j.Permissions)
		}
		for _, s := range j.Steps {
			switch {
			case strings.HasPrefix(s.Uses, "actions/checkout@"):
				checkout = s.With["fetch-depth"] == "0" && s.With["persist-credentials"] == "false"
			case strings.HasPrefix(s.Uses, "actions/setup-go@"):
				setupGo = s.With["go-version-file"] == "go.mod"
			case strings.Contains(s.Run, "landscape check --base"):
				check = s.Env["GITHUB_TOKEN"] == "${{ secrets.GITHUB_TOKEN }}" && !strings.Contains(s.Run, "${{")
			case strings.Contains(s.Run, "landscape build"):
				build = true
			}
		}
	}
	for what, ok := range map[string]bool{"a full-history checkout without kept credentials": checkout,
		"Go set up from go.mod": setupGo, "landscape check --base with the token, no expression in the script": check,
		"a site build": build} {
		if !ok {
			t.Errorf("the workflow lacks %s", what)
		}
	}
}

// TestNetlifySecurityPolicy checks that netlify.toml allows scripts from the
// site only, and that the templates need nothing more: no inline script
// (the data block is JSON, which is not run), no event handler attributes,
// no inline styles.
func TestNetlifySecurityPolicy(t *testing.T) {
	data, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	conf := string(data)
	m := regexp.MustCompile(`(?m)^\s*Content-Security-Policy = "([^"]*)"`).FindStringSubmatch(conf)
	if m == nil {
		t.Fatal("netlify.toml sets no Content-Security-Policy")
	}
	csp := m[1]
	for _, want := range []string{"default-src 'none'", "script-src 'self';", "style-src 'self';", "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-") {
		t.Errorf("policy %q allows unsafe sources", csp)
	}
	for _, want := range []string{`command = "make netlify"`, `publish = "public/"`, `for = "/logos/*"`, `for = "/assets/*"`, `to = "/404.html"`} {
		if !strings.Contains(conf, want) {
			t.Errorf("netlify.toml lacks %s", want)
		}
	}
	files, _ := filepath.Glob("../../templates/*.html")
	js, _ := filepath.Glob("../../templates/js/*.js")
	if len(files) == 0 {
		t.Fatal("no templates found")
	}
	inline := regexp.MustCompile(`(?i)<script\b[^>]*>`)
	handler := regexp.MustCompile(`(?i)\s(on[a-z]+|style)\s*=`)
	for _, f := range append(files, js...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range inline.FindAllString(string(b), -1) {
			if !strings.Contains(tag, "src=") && !strings.Contains(tag, `type="application/json"`) {
				t.Errorf("%s: inline script %s: the policy blocks it", f, tag)
			}
		}
		if loc := handler.FindString(string(b)); loc != "" {
			t.Errorf("%s: inline %q attribute: the policy blocks it", f, strings.TrimSpace(loc))
		}
		if strings.Contains(string(b), "<style") {
			t.Errorf("%s: inline <style>: the policy blocks it", f)
		}
	}
}

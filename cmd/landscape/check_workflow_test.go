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

// TestWorkflowLint lints every workflow with actionlint, and their shell
// steps with shellcheck when it is installed.
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
	files, _ := filepath.Glob("../../.github/workflows/*.yml")
	if len(files) < 2 {
		t.Fatalf("got workflows %q, want the pull-request and pages ones at least", files)
	}
	for _, f := range files {
		errs, err := l.LintFile(f, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range errs {
			t.Errorf("%s:%d:%d: %s [%s]", f, e.Line, e.Column, e.Message, e.Kind)
		}
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
		Steps       []workflowStep    `yaml:"steps"`
	} `yaml:"jobs"`
}

type workflowStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Env              map[string]string `yaml:"env"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	WorkingDirectory string            `yaml:"working-directory"`
}

const baseSHA = "${{ github.event.pull_request.base.sha }}"

// TestWorkflowRunsCheck checks what the check needs of its workflow: it runs
// on changes to the data, with the pull request's history (the base
// revision), read-only permissions, and the trust boundary: the judge is
// the action of a checkout of the base revision, never the pull request's.
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
	for name, j := range w.Jobs {
		if j.Permissions != nil {
			t.Errorf("job %s widens the permissions: %v", name, j.Permissions)
		}
		checkTrustBoundary(t, name, j.Steps)
	}
}

// checkTrustBoundary checks one job's steps: the pull request checked out
// in one folder, the base revision in another beside it, and the action
// used from the base's folder on the pull request's files, strict and
// building the site.
func checkTrustBoundary(t *testing.T, job string, steps []workflowStep) {
	t.Helper()
	var prDir, checkerDir string
	var action bool
	for _, s := range steps {
		switch {
		case strings.HasPrefix(s.Uses, "actions/checkout@") && s.With["ref"] == baseSHA:
			checkerDir = s.With["path"]
		case strings.HasPrefix(s.Uses, "actions/checkout@"):
			if s.With["persist-credentials"] == "false" && s.With["ref"] == "" {
				prDir = s.With["path"]
			}
		case strings.HasPrefix(s.Uses, "./"):
			action = checkerDir != "" && s.Uses == "./"+checkerDir && s.With["build"] == "true" &&
				s.With["strict"] != "false" && s.With["base"] == "" && s.With["github-token"] == ""
			for _, in := range []string{"data", "settings", "guide", "logos"} {
				if !strings.HasPrefix(s.With[in], prDir+"/") {
					t.Errorf("job %s: the action's %s is %q: want the pull request's, under %s/", job, in, s.With[in], prDir)
				}
			}
		case s.Run != "" || s.Uses != "":
			t.Errorf("job %s: step %q: want the two checkouts and the action only", job, s.Name)
		}
	}
	if prDir == "" || checkerDir == "" || prDir == checkerDir || strings.HasPrefix(checkerDir, prDir+"/") {
		t.Errorf("job %s: got the pull request in %q and the base revision in %q, want two folders side by side", job, prDir, checkerDir)
	}
	if !action {
		t.Errorf("job %s: want the action of the base revision's folder (uses: ./%s), strict, building the site, with the default base and token", job, checkerDir)
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
	for _, want := range []string{"default-src 'none'", "script-src 'self';", "frame-src 'self';", "style-src 'self';", "base-uri 'none'"} {
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

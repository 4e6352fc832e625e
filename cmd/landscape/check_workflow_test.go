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
// on changes to the data, with the pull request's full history (the base
// revision), read-only permissions, and the trust boundary: the checker is
// built from a checkout of the base revision, never from the pull request,
// and its caches and output live outside the pull request's checkout.
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
// in one folder with its history, the base revision in another, Go from
// the base's go.mod, the checker built in the base's folder and run in the
// pull request's with the token and no expression in its script.
func checkTrustBoundary(t *testing.T, job string, steps []workflowStep) {
	t.Helper()
	var prDir, checkerDir string
	var setupGo, built, check, site bool
	for _, s := range steps {
		switch {
		case strings.HasPrefix(s.Uses, "actions/checkout@") && s.With["ref"] == baseSHA:
			checkerDir = s.With["path"]
		case strings.HasPrefix(s.Uses, "actions/checkout@"):
			if s.With["fetch-depth"] == "0" && s.With["persist-credentials"] == "false" && s.With["ref"] == "" {
				prDir = s.With["path"]
			}
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			setupGo = checkerDir != "" && s.With["go-version-file"] == checkerDir+"/go.mod"
		case strings.HasPrefix(s.Uses, "actions/cache"):
			if !strings.HasPrefix(s.With["path"], "${{ runner.temp }}/") {
				t.Errorf("job %s: cache path %q: want it outside the checkout (under runner.temp)", job, s.With["path"])
			}
		case strings.Contains(s.Run, "go build"):
			built = checkerDir != "" && s.WorkingDirectory == checkerDir
		case strings.Contains(s.Run, "landscape\" check --base"):
			check = built && prDir != "" && s.WorkingDirectory == prDir &&
				s.Env["GITHUB_TOKEN"] == "${{ secrets.GITHUB_TOKEN }}" && s.Env["BASE_SHA"] == baseSHA &&
				!strings.Contains(s.Run, "${{") && strings.Contains(s.Run, `--cache-dir "$RUNNER_TEMP/`)
		case strings.Contains(s.Run, "landscape\" build"):
			site = built && s.WorkingDirectory == prDir && strings.Contains(s.Run, `--out "$RUNNER_TEMP/`)
		}
	}
	if prDir == "" || checkerDir == "" || prDir == checkerDir || strings.HasPrefix(checkerDir, prDir+"/") {
		t.Errorf("job %s: got the pull request in %q and the base revision in %q, want two folders side by side", job, prDir, checkerDir)
	}
	for _, c := range []struct {
		ok   bool
		what string
	}{
		{setupGo, "Go set up from the base's go.mod"},
		{built, "the checker built in the base revision's folder"},
		{check, "landscape check --base run in the pull request's folder with the token, caches outside it, no expression in the script"},
		{site, "a site build written outside the checkout"},
	} {
		if !c.ok {
			t.Errorf("job %s lacks %s", job, c.what)
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

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const actionFile = "../../action.yml"

// action is action.yml: a composite action.
type action struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description"`
	Author      string            `yaml:"author"`
	Branding    map[string]string `yaml:"branding"`
	Inputs      map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
		Required    bool   `yaml:"required"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string         `yaml:"using"`
		Steps []workflowStep `yaml:"steps"`
	} `yaml:"runs"`
}

func loadAction(t *testing.T) *action {
	t.Helper()
	data, err := os.ReadFile(actionFile)
	if err != nil {
		t.Fatal(err)
	}
	var a action
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // a misspelt key would be ignored by GitHub, silently
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("%s: %v", actionFile, err)
	}
	return &a
}

// pinnedUses are the actions action.yml may use, each pinned to a major
// version of GitHub's own.
var pinnedUses = regexp.MustCompile(`^actions/(setup-go|cache/restore|cache/save)@v[0-9]+$`)

// TestActionFile checks what actionlint does not read: the action's
// inputs, their defaults, its outputs and the shape of its steps.
func TestActionFile(t *testing.T) {
	a := loadAction(t)
	if a.Name == "" || a.Description == "" || a.Runs.Using != "composite" {
		t.Errorf("got name %q, description %q, using %q; want a named composite action", a.Name, a.Description, a.Runs.Using)
	}
	wantInputs := map[string]string{"data": "landscape.yml", "settings": "settings.yml", "guide": "guide.yml",
		"logos": "hosted_logos", "base": baseSHA, "strict": "true", "build": "false", "github-token": "${{ github.token }}"}
	if got := slices.Sorted(maps.Keys(a.Inputs)); !slices.Equal(got, slices.Sorted(maps.Keys(wantInputs))) {
		t.Errorf("inputs: got %q, want %q", got, slices.Sorted(maps.Keys(wantInputs)))
	}
	for name, def := range wantInputs {
		if in := a.Inputs[name]; in.Default != def || in.Description == "" || in.Required {
			t.Errorf("input %s: got default %q, description %q; want default %q, a description, not required", name, in.Default, in.Description, def)
		}
	}
	ids := map[string]bool{}
	for i, s := range a.Runs.Steps {
		if s.ID != "" {
			ids[s.ID] = true
		}
		switch {
		case s.Uses != "" && !pinnedUses.MatchString(s.Uses):
			t.Errorf("step %d uses %q: want one of GitHub's actions pinned to a major version", i, s.Uses)
		case s.Uses == "" && (s.Shell != "bash" || s.Run == ""):
			t.Errorf("step %d (%s): got shell %q; want a bash script (a composite step must name its shell)", i, s.Name, s.Shell)
		case strings.Contains(s.Run, "${{"):
			t.Errorf("step %d (%s): an expression in the script: pass values through env, so none can inject shell code", i, s.Name)
		}
	}
	for _, name := range []string{"errors", "warnings", "added", "removed"} {
		o, ok := a.Outputs[name]
		m := regexp.MustCompile(`^\$\{\{ steps\.([a-z-]+)\.outputs\.` + name + ` \}\}$`).FindStringSubmatch(o.Value)
		if !ok || m == nil || !ids[m[1]] || o.Description == "" {
			t.Errorf("output %s: got %+v; want a description and the value of a step's output of that name", name, o)
		}
	}
	checkActionCache(t, a)
	shellcheckSteps(t, a)
}

// shellcheckSteps lints the action's scripts with shellcheck when it is
// installed, as actionlint does for the workflows' (it does not read
// action.yml).
func shellcheckSteps(t *testing.T, a *action) {
	t.Helper()
	sc, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Log("shellcheck not installed: the action's scripts are not linted")
		return
	}
	for i, s := range a.Runs.Steps {
		if s.Run == "" {
			continue
		}
		cmd := exec.Command(sc, "--shell=bash", "-")
		cmd.Stdin = strings.NewReader(s.Run)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("step %d (%s): shellcheck: %v\n%s", i, s.Name, err, out)
		}
	}
}

// checkActionCache checks the keys of the cache: each run saves under its
// own ref, and restores its own ref's or the default branch's, so that a
// pull request never writes what the default branch reads.
func checkActionCache(t *testing.T, a *action) {
	t.Helper()
	const own = "landscape-${{ github.ref }}-"
	var restored, saved bool
	for _, s := range a.Runs.Steps {
		switch {
		case strings.HasPrefix(s.Uses, "actions/cache/restore@"):
			restored = strings.HasPrefix(s.With["key"], own)
			for _, k := range strings.Split(strings.TrimSpace(s.With["restore-keys"]), "\n") {
				if k != own && k != "landscape-refs/heads/${{ github.event.repository.default_branch }}-" {
					t.Errorf("restore key %q: want the run's own ref or the default branch", k)
				}
			}
		case strings.HasPrefix(s.Uses, "actions/cache/save@"):
			saved = strings.HasPrefix(s.With["key"], own) && strings.Contains(s.With["key"], "github.run_attempt")
		}
	}
	if !restored || !saved {
		t.Errorf("cache: restored under the own ref %v, saved under a key of the run's own %v; want both", restored, saved)
	}
}

// actionRun is what running the action's steps produced.
type actionRun struct {
	failed  bool
	outputs map[string]string // the action's outputs
	steps   []string          // "ran", "skipped" or "uses" per step, for messages
	log     string
	goBuild []string // the stub go's folder, environment and arguments
	temp    string   // RUNNER_TEMP
}

// runAction runs the action's steps the way a runner does: uses: steps are
// skipped (Go is already here, the cache is GitHub's), every script runs
// with bash -eo pipefail in workdir with its env, GITHUB_OUTPUT and the
// other variables a runner sets, and the if: of every step is evaluated.
// The Go toolchain is a stub that records the build command and links the
// landscape under test (this test binary) in its place: building the tool
// for real would cost a minute per fresh clone. temp is RUNNER_TEMP: runs
// that share it share the action's cache, as runs that restore it do.
func runAction(t *testing.T, a *action, temp, workdir string, with, github map[string]string) actionRun {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	c := &exprContext{values: map[string]string{"runner.temp": temp, "github.action_path": root}}
	for k, v := range github {
		c.values["github."+k] = v
	}
	for name, in := range a.Inputs {
		v, ok := with[name]
		if !ok {
			if v, err = c.interpolate(in.Default); err != nil {
				t.Fatalf("input %s: %v", name, err)
			}
		}
		c.values["inputs."+name] = v
	}
	os.Remove(filepath.Join(temp, "go.log"))
	seedLogoCache(t, filepath.Join(temp, "landscape-action", "cache")) // where action.yml keeps its cache
	stubDir := goStub(t, temp)
	run := actionRun{outputs: map[string]string{}}
	var log strings.Builder
	for i, s := range a.Runs.Steps {
		ok, err := c.condition(s.If)
		if err != nil {
			t.Fatalf("step %d if: %v", i, err)
		}
		switch {
		case !ok:
			run.steps = append(run.steps, "skipped")
			continue
		case s.Uses != "":
			run.steps = append(run.steps, "uses")
			continue
		}
		run.steps = append(run.steps, "ran")
		output := filepath.Join(temp, fmt.Sprintf("output-%d", i))
		os.Remove(output)
		env := append(os.Environ(), "PATH="+stubDir+string(os.PathListSeparator)+os.Getenv("PATH"),
			"RUNNER_TEMP="+temp, "GITHUB_ACTION_PATH="+root, "GITHUB_WORKSPACE="+workdir,
			"GITHUB_OUTPUT="+output, "GO_STUB_LOG="+filepath.Join(temp, "go.log"))
		for k, v := range s.Env {
			if v, err = c.interpolate(v); err != nil {
				t.Fatalf("step %d env %s: %v", i, k, err)
			}
			env = append(env, k+"="+v)
		}
		script := filepath.Join(temp, fmt.Sprintf("step-%d.sh", i))
		write(t, script, s.Run)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir, cmd.Env = workdir, env
		out, err := cmd.CombinedOutput()
		fmt.Fprintf(&log, "--- step %d: %s\n%s", i, s.Name, out)
		if err != nil {
			c.failed, run.failed = true, true
			fmt.Fprintf(&log, "--- step %d failed: %v\n", i, err)
		}
		for k, v := range readOutputs(t, output) {
			c.values["steps."+s.ID+".outputs."+k] = v
		}
	}
	for name, o := range a.Outputs {
		if run.outputs[name], err = c.interpolate(o.Value); err != nil {
			t.Fatalf("output %s: %v", name, err)
		}
	}
	run.log, run.temp = log.String(), temp
	if b, err := os.ReadFile(filepath.Join(temp, "go.log")); err == nil {
		run.goBuild = strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	}
	return run
}

// goStub writes a "go" that accepts only the build command of the action
// and links this test binary, which runs as landscape (see TestMain), to
// the -o path.
func goStub(t *testing.T, dir string) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "stub")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(bin, "landscape"))
	if err := os.Symlink(self, filepath.Join(bin, "landscape")); err != nil {
		t.Fatal(err)
	}
	stub := `#!/bin/sh
printf '%s\n' "cwd=$PWD" "GOWORK=$GOWORK" "GOFLAGS=$GOFLAGS" "$@" > "$GO_STUB_LOG"
out=
while [ $# -gt 0 ]; do
  case "$1" in -o) out="$2"; shift ;; esac
  shift
done
[ -n "$out" ] || { echo "go stub: no -o" >&2; exit 2; }
mkdir -p "$(dirname "$out")"
ln -sf "` + filepath.Join(bin, "landscape") + `" "$out"
`
	write(t, filepath.Join(bin, "go"), stub)
	if err := os.Chmod(filepath.Join(bin, "go"), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

// readOutputs reads a GITHUB_OUTPUT file of name=value lines.
func readOutputs(t *testing.T, name string) map[string]string {
	t.Helper()
	out := map[string]string{}
	f, err := os.Open(name)
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok || strings.Contains(k, "<<") {
			t.Fatalf("%s: line %q: want name=value", name, sc.Text())
		}
		out[k] = v
	}
	return out
}

// prGitHub is the github context of a pull request run of the action
// pinned at v1.2.3.
func prGitHub(base string) map[string]string {
	return map[string]string{"event.pull_request.base.sha": base, "token": "fake-token", "action_ref": "v1.2.3",
		"ref": "refs/pull/7/merge", "run_id": "1", "run_attempt": "1", "event.repository.default_branch": "main"}
}

func (r *checkRepo) revParse(t *testing.T, rev string) string {
	t.Helper()
	out, err := git(r.dir, "rev-parse", rev)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// TestActionRunsCheck runs the action's steps on the changes of the
// check's end-to-end tests: the step fails exactly when the change
// introduces an error, the summary is the check's, the annotations are in
// the log, and the outputs agree with the summary.
func TestActionRunsCheck(t *testing.T) {
	a := loadAction(t)
	r := newCheckRepo(t)
	github := prGitHub(r.revParse(t, "HEAD"))
	temp := t.TempDir()
	lumigo := "          - item:\n            name: Lumigo\n            homepage_url: https://lumigo.io/\n            logo: lumigo.svg\n            twitter: https://twitter.com/Lumigo\n            crunchbase: https://www.crunchbase.com/organization/lumigo\n"
	cases := append(checkCases(t, r), checkCase{name: "removed item", head: strings.Replace(string(r.base), lumigo, "", 1),
		summary: []string{"| removed | **Lumigo** |", "### Items: 0 added, 1 removed"}})
	for _, tt := range cases {
		if tt.args != nil {
			continue // about check's own flags, which the action sets
		}
		t.Run(tt.name, func(t *testing.T) {
			write(t, r.data, tt.head)
			os.Remove(r.summary)
			run := runAction(t, a, temp, r.dir, nil, github)
			if run.failed != (tt.code != 0) {
				t.Errorf("got failed %v, want %v (steps %v)\n%s", run.failed, tt.code != 0, run.steps, run.log)
			}
			summary := r.stepSummary(t)
			for _, want := range tt.summary {
				if !strings.Contains(summary, want) {
					t.Errorf("step summary lacks %q:\n%s", want, summary)
				}
			}
			if items := fmt.Sprintf("### Items: %s added, %s removed,", run.outputs["added"], run.outputs["removed"]); !strings.Contains(summary, items) {
				t.Errorf("outputs %v disagree with the summary (no %q):\n%s", run.outputs, items, summary)
			}
			if (run.outputs["errors"] != "0") != (tt.code != 0) || run.outputs["warnings"] == "" {
				t.Errorf("got outputs %v, want errors 0 exactly when the change passes", run.outputs)
			}
			root, _ := filepath.Abs("../..")
			wantGo := []string{"cwd=" + root, "GOWORK=off", "GOFLAGS=-mod=readonly", "build", "-trimpath", "-ldflags",
				"-X main.version=v1.2.3", "-o", filepath.Join(run.temp, "landscape-action", "landscape"), "./cmd/landscape"}
			if !slices.Equal(run.goBuild, wantGo) {
				t.Errorf("the tool's build: got %q, want %q", run.goBuild, wantGo)
			}
			if tt.code != 0 && !strings.Contains(run.log, "::error file=landscape.yml,line=") {
				t.Errorf("no annotation in the log:\n%s", run.log)
			}
		})
	}
}

// TestActionShallowCheckout runs the action on a checkout of the pull
// request alone (actions/checkout's default depth of 1): the action fetches
// the base revision itself, then judges the change.
func TestActionShallowCheckout(t *testing.T) {
	a := loadAction(t)
	r := newCheckRepo(t)
	base := r.revParse(t, "HEAD")
	tiny, _ := insert(t, string(r.base), "Tools", "name: Tiny", "homepage_url: https://tiny.example", "logo: dashbird.svg", "repo_url: https://github.com/tiny/project")
	write(t, r.data, tiny)
	r.git(t, "commit", "-q", "-am", "add Tiny")
	clone := &checkRepo{dir: filepath.Join(t.TempDir(), "pr")}
	r.git(t, "clone", "-q", "--depth", "1", "file://"+r.dir, clone.dir)
	if _, err := git(clone.dir, "cat-file", "-e", base+"^{commit}"); err == nil {
		t.Fatal("the shallow clone has the base commit: the test would prove nothing")
	}
	os.Remove(r.summary)
	run := runAction(t, a, t.TempDir(), clone.dir, nil, prGitHub(base))
	if !run.failed || run.outputs["errors"] != "1" || run.outputs["added"] != "1" {
		t.Errorf("got failed %v, outputs %v; want the 120-star item's error\n%s", run.failed, run.outputs, run.log)
	}
	if s := r.stepSummary(t); !strings.Contains(s, "❌ fail: 120 stars") {
		t.Errorf("summary lacks the failure:\n%s", s)
	}
}

// TestActionBuild: with build, the site is built (also after a failed
// check) and its folder is an output; without a base (a push) there is no
// check, only the build.
func TestActionBuild(t *testing.T) {
	a := loadAction(t)
	r := newCheckRepo(t)
	github := prGitHub(r.revParse(t, "HEAD"))
	tiny, _ := insert(t, string(r.base), "Tools", "name: Tiny", "homepage_url: https://tiny.example", "logo: dashbird.svg", "repo_url: https://github.com/tiny/project")
	temp := t.TempDir()
	for _, tt := range []struct {
		name, head, base string
		failed, checked  bool
	}{
		{"failed check", tiny, github["event.pull_request.base.sha"], true, true},
		{"no base", string(r.base), "", false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			write(t, r.data, tt.head)
			os.Remove(r.summary)
			run := runAction(t, a, temp, r.dir, map[string]string{"build": "true", "base": tt.base}, github)
			if run.failed != tt.failed || (run.outputs["errors"] != "") != tt.checked {
				t.Errorf("got failed %v, outputs %v; want failed %v, checked %v\n%s", run.failed, run.outputs, tt.failed, tt.checked, run.log)
			}
			site := run.outputs["site"]
			if _, err := os.Stat(filepath.Join(site, "index.html")); site == "" || err != nil {
				t.Errorf("no site in %q: %v\n%s", site, err, run.log)
			}
			if rel, err := filepath.Rel(r.dir, site); err == nil && !strings.HasPrefix(rel, "..") {
				t.Errorf("the site is in the checkout (%s): want it outside", site)
			}
		})
	}
}

// TestActionCorpus runs the action on another landscape: cncf-full with its
// landscape2-sites settings, changed by two items. The one error is the new
// item's missing logo, its stars pass, and the check asks GitHub once.
func TestActionCorpus(t *testing.T) {
	a := loadAction(t)
	r, srv, _ := newCorpusRepo(t)
	write(t, r.data, corpusChange(t, r))
	srv.ResetRequests()
	run := runAction(t, a, t.TempDir(), r.dir, nil, prGitHub(r.revParse(t, "HEAD")))
	if !run.failed || run.outputs["errors"] != "1" || run.outputs["added"] != "1" || run.outputs["removed"] != "0" {
		t.Errorf("got failed %v, outputs %v; want the new item's one error\n%s", run.failed, run.outputs, run.log)
	}
	if !strings.Contains(run.log, `::error file=landscape.yml,line=`) || !strings.Contains(run.log, `item "Big": logo: `) {
		t.Errorf("no annotation of the missing logo:\n%s", run.log)
	}
	if s := r.stepSummary(t); !strings.Contains(s, "| added | **Big** |") || !strings.Contains(s, "✅ pass: 5\\,000 stars") {
		t.Errorf("summary lacks the added item's verdicts:\n%s", s)
	}
	assertRequests(t, srv, 1, "the action on a change of two items")
}

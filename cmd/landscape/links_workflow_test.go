package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"gopkg.in/yaml.v3"
)

const linksWorkflow = "../../.github/workflows/links.yml"

// TestLinksWorkflow lints the weekly link check with actionlint and checks
// what it depends on: a schedule, the links command with annotations, and
// the cache saved even when links are dead.
func TestLinksWorkflow(t *testing.T) {
	opts := &actionlint.LinterOptions{}
	if p, err := exec.LookPath("shellcheck"); err == nil {
		opts.Shellcheck = p
	}
	var out strings.Builder
	l, err := actionlint.NewLinter(&out, opts)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFile(linksWorkflow, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", linksWorkflow, e.Line, e.Column, e.Message, e.Kind)
	}
	b, err := os.ReadFile(linksWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On struct {
			Schedule []struct {
				Cron string `yaml:"cron"`
			} `yaml:"schedule"`
		} `yaml:"on"`
		Jobs map[string]struct {
			Steps []struct {
				Uses string `yaml:"uses"`
				If   string `yaml:"if"`
				Run  string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	if len(wf.On.Schedule) != 1 || len(strings.Fields(wf.On.Schedule[0].Cron)) != 5 || strings.Fields(wf.On.Schedule[0].Cron)[4] == "*" {
		t.Errorf("schedule %+v: want one weekly cron", wf.On.Schedule)
	}
	var runs, saves bool
	for _, s := range wf.Jobs["links"].Steps {
		runs = runs || strings.Contains(s.Run, "landscape links --format github")
		saves = saves || (strings.HasPrefix(s.Uses, "actions/cache/save@") && strings.Contains(s.If, "!cancelled()"))
	}
	if !runs || !saves {
		t.Errorf("links job: runs landscape links with annotations %v, saves the cache after a failure %v; want both", runs, saves)
	}
}

package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

// TestWorkflowLint lints the workflow a new landscape gets with actionlint,
// as the repository's own workflows are.
func TestWorkflowLint(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "l")
	if _, err := Write(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	l, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wf := filepath.Join(dir, ".github", "workflows", "landscape.yml")
	errs, err := l.LintFile(wf, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", wf, e.Line, e.Column, e.Message, e.Kind)
	}
	b, err := os.ReadFile(wf)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "uses: serverless-landscape/landscape@v1") {
		t.Errorf("the workflow does not use the action:\n%s", b)
	}
}

func TestTitleFromDir(t *testing.T) {
	for dir, want := range map[string]string{
		"energy-landscape": "Energy Landscape", "/tmp/my_map/": "My Map", "/": "Landscape", "énergie": "Énergie",
	} {
		if got := TitleFromDir(dir); got != want {
			t.Errorf("TitleFromDir(%q): got %q, want %q", dir, got, want)
		}
	}
}

func TestWriteRefusesFiles(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "landscape.yml")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, Options{}); err == nil {
		t.Fatal("wrote into a folder with files")
	}
	if b, _ := os.ReadFile(keep); string(b) != "mine" {
		t.Errorf("landscape.yml overwritten: %q", b)
	}
}

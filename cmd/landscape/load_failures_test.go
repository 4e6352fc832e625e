package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/diag"
)

const goodData = `landscape:
  - category:
    name: C
    subcategories:
      - subcategory:
        name: S
        items:
          - item:
            name: A
            homepage_url: https://a.example
            logo: a.svg
`

// unusable are landscape.yml files that cannot be loaded at all, with the
// position and words of the problem that says why. validate used to print
// only "has no usable data", and --format json nothing.
var unusable = []struct {
	name, data string
	line, col  int
	message    string
}{
	{"invalid UTF-8", strings.Replace(goodData, "name: A", "name: A\xff", 1), 9, 20, "invalid UTF-8: byte 0xff"},
	{"NUL", strings.Replace(goodData, "name: A", "name: A\x00", 1), 9, 20, "control character U+0000"},
	{"deep nesting", "landscape: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n", 1, 12 + 10_000, "exceeded max depth of 10000"},
	{"syntax", "landscape:\n  - category: [\n", 2, 1, "invalid YAML: did not find expected node content"},
	{"alias cycle", "landscape: &a [*a]\n", 1, 16, "alias *a is inside its own anchor"},
	{"not a mapping", "- a\n- b\n", 1, 1, "expected \"landscape:\" and a list of categories, found a list"},
}

// TestLoadFailuresEveryFormat checks that every command that reads the data
// reports why it cannot be used, at file:line:col, in every format, and
// fails.
func TestLoadFailuresEveryFormat(t *testing.T) {
	t.Setenv("GITHUB_TOKEN", "")
	t.Setenv("GITHUB_TOKENS", "")
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	for _, u := range unusable {
		dir := t.TempDir()
		data := filepath.Join(dir, "landscape.yml")
		write(t, data, u.data)
		write(t, filepath.Join(dir, "base.yml"), goodData)
		write(t, filepath.Join(dir, "hosted_logos", "a.svg"), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 1"><rect width="2" height="1"/></svg>`)
		common := []string{"--data", data, "--cache-dir", "", "--offline"}
		for _, cmd := range [][]string{{"validate"}, {"check"}, {"check", "--base-file", filepath.Join(dir, "base.yml")}} {
			for _, format := range diag.Formats {
				t.Run(fmt.Sprintf("%s/%s/%s", u.name, strings.Join(cmd, " "), format), func(t *testing.T) {
					var stdout, stderr bytes.Buffer
					args := append(append(append([]string{}, cmd...), common...), "--format", format)
					if code := run(context.Background(), args, &stdout, &stderr); code != 1 {
						t.Errorf("exit %d, want 1; stderr:\n%s", code, stderr.String())
					}
					checkReported(t, format, stdout.String(), data, u.line, u.col, u.message)
				})
			}
		}
		t.Run(u.name+"/build", func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"build", "--out", filepath.Join(dir, "public")}, common...)
			if code := run(context.Background(), args, &stdout, &stderr); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			checkReported(t, "text", stderr.String(), data, u.line, u.col, u.message)
		})
	}
}

// checkReported finds the problem at file:line:col in out, as format
// writes it.
func checkReported(t *testing.T, format, out, file string, line, col int, message string) {
	t.Helper()
	found := false
	switch format {
	case "json":
		var ds []struct {
			File, Severity, Message string
			Line, Col               int
		}
		if err := json.Unmarshal([]byte(out), &ds); err != nil {
			t.Fatalf("not a JSON list of problems: %v\n%s", err, out)
		}
		for _, d := range ds {
			found = found || d.File == file && d.Line == line && d.Col == col && d.Severity == "error" && strings.Contains(d.Message, message)
		}
	case "github":
		at := fmt.Sprintf("::error file=%s,line=%d,col=%d::", file, line, col)
		for _, l := range strings.Split(out, "\n") {
			found = found || strings.HasPrefix(l, at) && strings.Contains(l, message)
		}
	default:
		at := fmt.Sprintf("%s:%d:%d: error: ", file, line, col)
		for _, l := range strings.Split(out, "\n") {
			found = found || strings.HasPrefix(l, at) && strings.Contains(l, message)
		}
	}
	if !found {
		t.Errorf("no error %q at %s:%d:%d in the %s output:\n%.2000s", message, file, line, col, format, out)
	}
}

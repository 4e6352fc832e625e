package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "landscape.yml", Line: 120, Col: 7, Severity: Error, Item: "Foo", Field: "repo_url", Message: "not a GitHub repository URL"},
			`landscape.yml:120:7: error: item "Foo": repo_url: not a GitHub repository URL`},
		{Diagnostic{File: "settings.yml", Severity: Warning, Message: "unknown key"}, "settings.yml: warning: unknown key"},
		{Diagnostic{File: "l.yml", Line: 3, Severity: Warning, Field: "name", Message: "m"}, "l.yml:3: warning: name: m"},
		{Diagnostic{Severity: Warning, Message: "no GitHub token"}, "warning: no GitHub token"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestGitHubEscapes(t *testing.T) {
	d := Diagnostic{File: "a,b:c.yml", Line: 2, Col: 3, Severity: Error, Rule: "r,1", Message: "100%\r::error::injected"}
	want := `::error file=a%2Cb%3Ac.yml,line=2,col=3,title=r%2C1::100%25\r::error::injected`
	if got := d.GitHub(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestOneLine checks that values carried into a diagnostic cannot break
// its line: in a CI log, a line of their own could forge a diagnostic or a
// workflow command.
func TestOneLine(t *testing.T) {
	d := Diagnostic{File: "l.yml", Line: 1, Col: 2, Severity: Warning, Item: "A\nB",
		Field: "x\n::error::f", Message: "read \"a\n::error file=l.yml::forged\u2028\x1b[31m\" as text ü"}
	want := `l.yml:1:2: warning: item "A\nB": x\n::error::f: read "a\n::error file=l.yml::forged\u2028\x1b[31m" as text ü`
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, List{d}, format); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(buf.String(), "\n"); format != "json" && n != 1 {
			t.Errorf("%s: got %d lines, want 1:\n%s", format, n, buf.String())
		}
	}
	if got := d.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSortAndCount(t *testing.T) {
	l := List{
		{File: "b.yml", Line: 1, Severity: Warning, Message: "w"},
		{File: "a.yml", Line: 9, Severity: Error, Message: "e2"},
		{File: "a.yml", Line: 2, Severity: Error, Message: "e1"},
	}
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Message)
	}
	if diff := cmp.Diff([]string{"e1", "e2", "w"}, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if got, want := l.Summary(), "2 errors, 1 warning"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	l := List{{File: "l.yml", Line: 1, Col: 2, Severity: Error, Message: "m"}}
	if err := Write(&buf, l, "json"); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0]["severity"] != "error" || got[0]["line"] != float64(1) {
		t.Errorf("got %v", got)
	}
	if err := Write(&buf, l, "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

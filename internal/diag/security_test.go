package diag

import (
	"bytes"
	"strings"
	"testing"
)

// hostileText holds what a pull request can put in landscape.yml to start a
// workflow command of its own in a GitHub Actions log: line breaks of every
// kind followed by "::".
const hostileText = "x\n::error file=a::INJ\r::warning::INJ\r\n::add-mask::x\u2028::notice::INJ\u0085::stop-commands::t%0A::error::INJ"

// TestSecurityOneCommandPerDiagnostic checks that hostile item names, fields
// and messages stay on the line of their own diagnostic in the text and
// github formats, so no value can open a workflow command.
func TestSecurityOneCommandPerDiagnostic(t *testing.T) {
	l := List{
		{File: "landscape.yml", Line: 3, Col: 5, Severity: Error, Item: hostileText, Field: hostileText, Message: hostileText},
		{File: "landscape.yml", Line: 4, Severity: Warning, Message: hostileText, Rule: "one-box"},
	}
	for _, format := range []string{"text", "github"} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, l, format); err != nil {
				t.Fatal(err)
			}
			out := strings.TrimSuffix(b.String(), "\n")
			lines := strings.FieldsFunc(out, func(r rune) bool { return r == '\n' || r == '\r' })
			if len(lines) != len(l) {
				t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(l), out)
			}
			for i, line := range lines {
				wantPrefix := "landscape.yml:"
				if format == "github" {
					wantPrefix = "::" + l[i].Severity.String() + " file=landscape.yml,"
				}
				if !strings.HasPrefix(line, wantPrefix) {
					t.Errorf("line %d: got %q, want it to start with %q", i, line, wantPrefix)
				}
				if strings.ContainsAny(line, "\u2028\u0085") {
					t.Errorf("line %d: got %q, want no Unicode line breaks", i, line)
				}
			}
		})
	}
}

// TestSecurityGitHubEscapesPercent checks that "%0A" written in a value
// reaches the annotation as the text %0A, not as a line break the runner
// would decode.
func TestSecurityGitHubEscapesPercent(t *testing.T) {
	got := Diagnostic{File: "a,b:c%0A.yml", Severity: Error, Message: "v %0A::error::x"}.GitHub()
	want := "::error file=a%2Cb%3Ac%250A.yml::v %250A::error::x"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

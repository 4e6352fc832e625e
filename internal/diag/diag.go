// Package diag holds the problems that every stage reports about its input.
//
// A Diagnostic names the file, line and column it is about, so that the CLI can
// print it in the compiler format editors and CI understand
// (landscape.yml:120:7: error: item "Foo": repo_url: ...) or as GitHub Actions
// annotations. Stages collect every problem they find instead of stopping at
// the first, and the caller sorts them by position and decides whether to fail.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Severity says whether a problem fails validation.
type Severity int

const (
	// Warning is reported but never fails a command on its own.
	Warning Severity = iota
	// Error fails validate and check, and build with --strict.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText lets JSON output say "error" and "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Severity Severity `json:"severity"`
	Item     string   `json:"item,omitempty"`  // the item's name, when the problem is about one item
	Field    string   `json:"field,omitempty"` // the field, such as "repo_url" or "extra.blog_url"
	Message  string   `json:"message"`         // what is wrong and, in parentheses, how to fix it
	Rule     string   `json:"rule,omitempty"`  // the rule's name, for rules a change is judged by
}

// String formats d as "file:line:col: severity: item "X": field: message".
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s: %s", d.Severity, d.Text())
	return b.String()
}

// Text is the message with its item and field, without position or severity.
// It is always one line: field and message can carry values from the input,
// and a line break in them could forge another diagnostic, or a workflow
// command when the output is a GitHub Actions log.
func (d Diagnostic) Text() string {
	var b strings.Builder
	if d.Item != "" {
		fmt.Fprintf(&b, "item %q: ", d.Item)
	}
	if d.Field != "" {
		b.WriteString(oneLine(d.Field))
		b.WriteString(": ")
	}
	b.WriteString(oneLine(d.Message))
	return b.String()
}

// oneLine escapes control characters and Unicode line and paragraph
// separators the way Go quotes them (\n, \x1b, \u2028), leaving all other
// text as it is.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, breaksLine) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if breaksLine(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func breaksLine(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// List is a set of diagnostics gathered by one or more stages.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Errorf appends an error about file:line:col.
func (l *List) Errorf(file string, line, col int, item, field, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Error, Item: item, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning about file:line:col.
func (l *List) Warnf(file string, line, col int, item, field, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Item: item, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line, column, then message, so output is stable.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Text(), b.Text()),
		)
	})
}

// Errors counts the diagnostics of severity Error.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool { return l.Errors() > 0 }

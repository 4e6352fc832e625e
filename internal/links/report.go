package links

import (
	"fmt"
	"strings"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// Rule names the link diagnostics, as the title of GitHub annotations.
const Rule = "links"

// kindOrder is the order kinds are counted and listed in.
var kindOrder = []Kind{Dead, OtherHost, Moved, TimedOut, HTTPError, Unreliable, Skipped, OK}

// Diagnostics are the findings worth a look, one per use, in the
// landscape file: dead links are errors, the rest warnings.
func (r *Report) Diagnostics(file string, timeout time.Duration) diag.List {
	var l diag.List
	for _, u := range r.Uses {
		res := r.Results[u.URL]
		msg := message(u.URL, res, timeout)
		if msg == "" {
			continue
		}
		sev := diag.Warning
		if res.Kind == Dead {
			sev = diag.Error
		}
		l.Add(diag.Diagnostic{File: file, Line: u.Line, Col: u.Col, Severity: sev, Item: u.Item, Field: u.Field, Message: msg, Rule: Rule})
	}
	l.Sort()
	return l
}

func message(u string, r Result, timeout time.Duration) string {
	switch r.Kind {
	case Dead:
		return fmt.Sprintf("%s is dead: %s (fix or remove the link)", u, r.Detail)
	case Moved:
		return fmt.Sprintf("%s moved permanently to %s (landscape links --fix rewrites it)", u, r.Location)
	case OtherHost:
		return fmt.Sprintf("%s redirects to another host, %s (check that it is still the item's; never rewritten, as it is often a parked or acquired domain)", u, r.Location)
	case TimedOut:
		return fmt.Sprintf("%s timed out on every attempt (%s each)", u, timeout)
	case HTTPError:
		if r.Status > 0 {
			return fmt.Sprintf("%s answered %d %s", u, r.Status, r.Detail)
		}
		return fmt.Sprintf("%s failed: %s", u, r.Detail)
	case Unreliable:
		return fmt.Sprintf("%s could not be checked: %s", u, r.Detail)
	}
	return ""
}

// Counts are the distinct URLs by kind.
func (r *Report) Counts() map[Kind]int {
	n := map[Kind]int{}
	for _, res := range r.Results {
		n[res.Kind]++
	}
	return n
}

// Summary is one line: "412 uses of 398 URLs: 380 ok, 3 dead, ...; 12
// asked, the rest fresh in the cache".
func (r *Report) Summary() string {
	n := r.Counts()
	var parts []string
	for _, k := range kindOrder {
		if n[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[k], kindLabel(k)))
		}
	}
	return fmt.Sprintf("%d uses of %d URLs: %s; %d asked, the others fresh in the cache or skipped",
		len(r.Uses), len(r.Results), strings.Join(parts, ", "), r.Asked)
}

func kindLabel(k Kind) string {
	switch k {
	case OtherHost:
		return "redirected to another host"
	case Moved:
		return "moved permanently"
	case TimedOut:
		return "timed out"
	case HTTPError:
		return "other errors"
	case Unreliable:
		return "not checkable"
	case Skipped:
		return "skipped (hosts that refuse robots)"
	}
	return string(k)
}

// maxRows bounds the Markdown table: GitHub keeps at most 1 MiB of a step's
// summary.
const maxRows = 500

// Markdown is the report for a job summary: the counts, then the findings.
func (r *Report) Markdown(file string, timeout time.Duration) string {
	var b strings.Builder
	b.WriteString("## Links\n\n| found | URLs |\n|---|---:|\n")
	n := r.Counts()
	for _, k := range kindOrder {
		if n[k] > 0 {
			fmt.Fprintf(&b, "| %s | %d |\n", kindLabel(k), n[k])
		}
	}
	diags := r.Diagnostics(file, timeout)
	if len(diags) == 0 {
		b.WriteString("\nNo dead or moved links.\n")
		return b.String()
	}
	b.WriteString("\n| where | item | field | finding |\n|---|---|---|---|\n")
	shown := diags
	if len(shown) > maxRows {
		shown = shown[:maxRows]
	}
	for _, d := range shown {
		fmt.Fprintf(&b, "| %s:%d | %s | %s | %s |\n", cell(d.File), d.Line, cell(d.Item), cell(d.Field), cell(d.Message))
	}
	if len(diags) > len(shown) {
		fmt.Fprintf(&b, "\nand %d more: run `landscape links` for all.\n", len(diags)-len(shown))
	}
	return b.String()
}

// cell makes text safe in a Markdown table cell.
func cell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "`", "\\`", "[", `\[`, "]", `\]`).Replace(s)
}

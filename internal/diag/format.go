package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats are the output formats of Write.
var Formats = []string{"text", "github", "json"}

// Write prints the list in format: "text" (file:line:col: severity: ...),
// "github" (GitHub Actions workflow commands, which become annotations on the
// pull request) or "json" (an array, for tools). Repeated problems are one
// line each in text and github (see Grouped); json lists every one.
func Write(w io.Writer, l List, format string) error {
	if format != "json" {
		l = l.Grouped()
	}
	return WriteAll(w, l, format)
}

// WriteAll is Write listing every diagnostic, grouping none (--verbose).
func WriteAll(w io.Writer, l List, format string) error {
	switch format {
	case "", "text":
		for _, d := range l {
			if _, err := fmt.Fprintln(w, d); err != nil {
				return err
			}
		}
	case "github":
		for _, d := range l {
			if _, err := fmt.Fprintln(w, d.GitHub()); err != nil {
				return err
			}
		}
	case "json":
		if l == nil {
			l = List{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(l)
	default:
		return fmt.Errorf("unknown format %q (use text, github or json)", format)
	}
	return nil
}

// GitHub formats d as a workflow command: ::error file=F,line=L,col=C::msg.
func (d Diagnostic) GitHub() string {
	var props []string
	if d.File != "" {
		props = append(props, "file="+escapeProperty(d.File))
	}
	if d.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Line))
		if d.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Col))
		}
	}
	if d.Rule != "" {
		props = append(props, "title="+escapeProperty(d.Rule))
	}
	cmd := "::" + d.Severity.String()
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return cmd + "::" + escapeData(d.Text())
}

// escapeData and escapeProperty follow the workflow command encoding, so a
// value from landscape.yml cannot end the command or inject another.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Summary is a one-line count such as "2 errors, 5 warnings".
func (l List) Summary() string {
	e := l.Errors()
	return fmt.Sprintf("%s, %s", plural(e, "error"), plural(len(l)-e, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

package change

import (
	"fmt"
	"io"
	"strings"

	"github.com/serverless-landscape/landscape/internal/check"
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// MaxRows bounds the rows of the table and the lines of each list of
// problems, so that a change that touches the whole landscape still fits in
// GitHub's job summary (1 MiB per step).
const MaxRows = 500

// Summary is what a reviewer reads about a change: the items it adds,
// removes, changes and moves with every rule's verdict on them, and the
// problems it introduces.
type Summary struct {
	Diff     *Diff  // nil when the landscape was checked without a base
	BaseName string // the base revision or file, as the user named it
	// Verdicts are the inclusion rules' verdicts on the head items.
	Verdicts   map[*landscape.Item][]check.Verdict
	Introduced diag.List
	Existing   diag.List
	// Review are the parts of the change a maintainer must review (edits
	// of the rules, self-exemptions, files outside the data).
	Review diag.List
	// ShowExisting lists the existing problems instead of counting them.
	ShowExisting bool
}

// WriteMarkdown writes s as GitHub-flavoured Markdown, for the job summary
// of a pull request. Every value that comes from landscape.yml is escaped.
func WriteMarkdown(w io.Writer, s Summary) error {
	var b strings.Builder
	b.WriteString("## Landscape check\n\n")
	verdict := "✅ **Passed**"
	if s.Introduced.HasErrors() {
		verdict = "❌ **Failed**"
	}
	fmt.Fprintf(&b, "%s: %s introduced", verdict, s.Introduced.Summary())
	if s.Diff != nil {
		fmt.Fprintf(&b, " by this change against %s", Escape(s.BaseName))
	}
	fmt.Fprintf(&b, "; %s.", existingLine(len(s.Existing)))
	switch n := len(s.Review); n {
	case 0:
	case 1:
		b.WriteString(" 👀 1 part needs a maintainer's review.")
	default:
		fmt.Fprintf(&b, " 👀 %d parts need a maintainer's review.", n)
	}
	b.WriteString("\n\n")
	writeProblems(&b, "Needs a maintainer's review", s.Review)
	if s.Diff != nil {
		s.writeChanges(&b)
	}
	writeProblems(&b, "Problems this change introduces", s.Introduced)
	if s.ShowExisting {
		writeProblems(&b, "Problems that existed before", s.Existing)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func existingLine(n int) string {
	switch n {
	case 0:
		return "no problem existed before"
	case 1:
		return "1 problem existed before (a warning)"
	}
	return fmt.Sprintf("%d problems existed before (warnings)", n)
}

func (s Summary) writeChanges(b *strings.Builder) {
	fmt.Fprintf(b, "### Items: %s\n\n", s.Diff)
	if len(s.Diff.Changes) == 0 {
		b.WriteString("No item was added, removed, changed or moved.\n\n")
		return
	}
	b.WriteString("| Change | Item | Organization | Box | Repository | Stars |")
	for _, r := range check.RuleNames {
		b.WriteString(" " + r + " |")
	}
	b.WriteString("\n|---|---|---|---|---|---:|" + strings.Repeat("---|", len(check.RuleNames)) + "\n")
	for i, c := range s.Diff.Changes {
		if i == MaxRows {
			fmt.Fprintf(b, "\n… and %d more, listed in the job log.\n", len(s.Diff.Changes)-MaxRows)
			break
		}
		s.writeRow(b, c)
	}
	b.WriteString("\n")
}

func (s Summary) writeRow(b *strings.Builder, c Change) {
	it := c.Head
	if it == nil {
		it = c.Base
	}
	what := c.Kind.String()
	if len(c.Fields) > 0 {
		what += ": " + Escape(strings.Join(c.Fields, ", "))
	}
	where := Escape(it.Path())
	if c.Kind == Moved {
		where = Escape(c.Base.Path()) + " → " + where
	}
	cells := []string{what, "**" + Escape(it.Name) + "**", Escape(check.CompanyName(it)), where, repoCell(it), "—"}
	vs := s.Verdicts[c.Head]
	for _, v := range vs {
		if v.Rule == check.RuleStars && (v.StarsKnown || v.Status == check.Pass) {
			cells[5] = fmt.Sprintf("%d", v.Stars)
		}
	}
	for _, r := range check.RuleNames {
		cells = append(cells, verdictCell(c.Head, vs, r))
	}
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

func repoCell(it *landscape.Item) string {
	if owner, name, ok := gh.ParseRepoURL(it.RepoURL); ok {
		return Escape(owner + "/" + name)
	}
	return Escape(it.RepoURL)
}

var statusMarks = map[check.Status]string{
	check.Pass: "✅ pass", check.Fail: "❌ fail", check.Exempt: "➖ exempt",
	check.NotChecked: "⚠️ not checked", check.NotApplicable: "n/a",
}

func verdictCell(head *landscape.Item, vs []check.Verdict, rule string) string {
	if head == nil {
		return "—"
	}
	for _, v := range vs {
		if v.Rule == rule {
			if v.Reason == "" {
				return statusMarks[v.Status]
			}
			return statusMarks[v.Status] + ": " + Escape(v.Reason)
		}
	}
	return "—"
}

// writeProblems lists problems in a fenced code block, where Markdown
// renders nothing (no HTML, no links); the fence is longer than any run of
// backticks in the text, so no value can close it.
func writeProblems(b *strings.Builder, title string, l diag.List) {
	if len(l) == 0 {
		return
	}
	more := len(l) - MaxRows
	l = l[:min(len(l), MaxRows)]
	lines := make([]string, len(l))
	fence := "```"
	for i, p := range l {
		lines[i] = p.String() // one line, whatever the input held
		for strings.Contains(lines[i], fence) {
			fence += "`"
		}
	}
	fmt.Fprintf(b, "### %s\n\n%stext\n%s\n%s\n\n", title, fence, strings.Join(lines, "\n"), fence)
	if more > 0 {
		fmt.Fprintf(b, "… and %d more, listed in the job log.\n\n", more)
	}
}

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/internal/change"
	"github.com/serverless-landscape/landscape/internal/check"
	"github.com/serverless-landscape/landscape/internal/diag"
)

const checkHelp = `Usage: landscape check [flags]

Checks landscape.yml, settings and logos like validate, and applies the
inclusion rules: an open-source project needs rules.min_stars GitHub stars
(summed over repo_url and additional_repos) unless the foundation hosts it
or settings exempt it, and a company's products sit in one subcategory
unless settings grant an exception (open-source projects a company owns are
not its products).

With --base REV (a git revision) or --base-file PATH, the working
landscape.yml is compared with the base one: the items added, removed,
changed and moved are listed (matched by repository, homepage or name, not
by position), and only the problems the change introduces are errors. The
problems the base already had are warnings, counted in one line unless
--show-existing. Without a base, rule failures are warnings unless --strict.

The rules and exemptions that judge a change are the base revision's
settings.yml (--base-settings FILE with --base-file): a change to them, an
item that exempts itself (project:, open_source: false), and files outside
the data and logos are listed as needing a maintainer's review.

The stars of the items the change adds, changes or moves come from GitHub
(GITHUB_TOKEN), never from a cache, which a pull request could forge; the
cache serves the other items, with no request. Stars that cannot be known
make the star rule say "not checked": a warning, an error with --strict.

A Markdown summary of the change (a table of the items with every rule's
verdict, and the problems) is appended to the file named by
GITHUB_STEP_SUMMARY when set, and written to --summary FILE. --outputs FILE
appends the counts as name=value lines (errors, warnings, review, added,
removed, changed, moved), the format of GITHUB_OUTPUT.

Exits 1 when the change introduces an error.

Examples:
    landscape check --base origin/main
    landscape check --base "$BASE_SHA" --format github --strict
    landscape check --base-file /tmp/landscape.yml --summary summary.md
    landscape check --strict                  # the whole landscape, no base
`

type checkFlags struct {
	base, baseFile, baseSettings, format, summary, outputs string
	showExisting                                           bool
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newFlagSet("check", checkHelp, stderr)
	var f checkFlags
	fs.StringVar(&f.base, "base", "", "judge the change against this git `revision` of landscape.yml")
	fs.StringVar(&f.baseFile, "base-file", "", "judge the change against this landscape.yml `file`")
	fs.StringVar(&f.baseSettings, "base-settings", "", "with --base-file, take the rules from this settings `file`")
	fs.StringVar(&f.format, "format", "text", "output `format`: text, github or json")
	fs.StringVar(&f.summary, "summary", "", "write a Markdown summary to this `file`")
	fs.StringVar(&f.outputs, "outputs", "", "append the counts as name=value lines to this `file` ($GITHUB_OUTPUT)")
	fs.BoolVar(&f.showExisting, "show-existing", false, "list the problems the base already had, not only count them")
	stop, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	defer stop()
	if err := checkFormat(f.format, stderr); err != nil {
		return err
	}
	if f.base != "" && f.baseFile != "" {
		fmt.Fprintln(stderr, "check: give --base or --base-file, not both")
		return errUsage
	}
	if f.baseSettings != "" && f.baseFile == "" {
		fmt.Fprintln(stderr, "check: --base-settings goes with --base-file (--base reads the settings at the revision)")
		return errUsage
	}
	opts := c.options(stderr)
	base, err := loadBase(f, c.paths())
	if err != nil {
		return err
	}
	res, err := build.New(opts).Check(ctx, base)
	if err != nil && !errors.Is(err, build.ErrProblems) {
		return err
	}
	return c.reportLoad(reportCheck(c, res, f, base, stdout, stderr), err)
}

// reportCheck prints the problems, the one-line summary and the Markdown
// summary, and fails when the change introduces an error.
func reportCheck(c *common, res build.CheckResult, f checkFlags, base *build.Base, stdout, stderr io.Writer) error {
	shown := append(append(diag.List{}, res.Introduced...), res.Review...)
	if f.showExisting {
		shown = append(shown, res.Existing...)
	}
	shown.Sort()
	if err := c.writeDiags(stdout, shown, f.format); err != nil {
		return err
	}
	if res.Diff != nil {
		writeChanges(stderr, res)
	}
	line := "check: "
	if res.Diff != nil {
		line += fmt.Sprintf("against %s: %s; ", base.Name, res.Diff)
	}
	line += res.Introduced.Summary()
	if res.Diff != nil {
		line += fmt.Sprintf("; %d problems existed before", len(res.Existing))
		if !f.showExisting && len(res.Existing) > 0 {
			line += " (not shown: --show-existing)"
		}
	}
	if n := len(res.Review); n > 0 {
		line += fmt.Sprintf("; %d to review by a maintainer", n)
	}
	fmt.Fprintln(stderr, line)
	if err := writeSummaries(res, f, base); err != nil {
		return err
	}
	if f.outputs != "" {
		if err := appendFile(f.outputs, checkOutputs(res)); err != nil {
			return fmt.Errorf("outputs: %w", err)
		}
	}
	if res.Introduced.HasErrors() {
		return errFailed
	}
	return nil
}

// writeChanges lists the items the change touched with the rules'
// verdicts, the text form of the summary's table. Values from landscape.yml
// are kept on their line: a line break in a name could otherwise start a
// GitHub workflow command in the job log.
func writeChanges(w io.Writer, res build.CheckResult) {
	for _, c := range res.Diff.Changes {
		it := c.Head
		if it == nil {
			it = c.Base
		}
		path := it.Path()
		if c.Kind == change.Moved {
			path = c.Base.Path() + " -> " + path
		}
		line := fmt.Sprintf("%s %q in %s (line %d)", c.Kind, it.Name, path, it.Pos.Line)
		if len(c.Fields) > 0 {
			line += ": " + strings.Join(c.Fields, ", ")
		}
		fmt.Fprintln(w, oneLine(line))
		for _, v := range res.Verdicts[c.Head] {
			if v.Status != check.NotApplicable {
				fmt.Fprintln(w, "    "+oneLine(fmt.Sprintf("%s: %s: %s", v.Rule, v.Status, v.Reason)))
			}
		}
	}
}

// oneLine replaces control characters, line breaks included, with spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return ' '
		}
		return r
	}, s)
}

func writeSummaries(res build.CheckResult, f checkFlags, base *build.Base) error {
	s := change.Summary{Diff: res.Diff, Verdicts: res.Verdicts, Introduced: res.Introduced,
		Existing: res.Existing, Review: res.Review, ShowExisting: f.showExisting}
	if base != nil {
		s.BaseName = base.Name
	}
	var md bytes.Buffer
	if err := change.WriteMarkdown(&md, s); err != nil {
		return err
	}
	if f.summary != "" {
		if err := os.WriteFile(f.summary, md.Bytes(), 0o644); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	if p := os.Getenv("GITHUB_STEP_SUMMARY"); p != "" {
		if err := appendFile(p, md.Bytes()); err != nil {
			return fmt.Errorf("step summary: %w", err)
		}
	}
	return nil
}

// checkOutputs are the counts of a check as GITHUB_OUTPUT lines, for the
// steps after it: errors and warnings the change introduces (warnings
// include what needs review), and the items it touched.
func checkOutputs(res build.CheckResult) []byte {
	errs := res.Introduced.Errors()
	var b bytes.Buffer
	fmt.Fprintf(&b, "errors=%d\nwarnings=%d\nreview=%d\n", errs, len(res.Introduced)-errs+len(res.Review), len(res.Review))
	for _, k := range []change.Kind{change.Added, change.Removed, change.Changed, change.Moved} {
		n := 0
		if res.Diff != nil {
			n = res.Diff.Count(k)
		}
		fmt.Fprintf(&b, "%s=%d\n", k, n)
	}
	return b.Bytes()
}

func appendFile(name string, data []byte) error {
	file, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = file.Write(data)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	return err
}

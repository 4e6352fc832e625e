package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
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

Stars come from GitHub (GITHUB_TOKEN) or the cache. When they cannot be
known the star rule says "not checked": a warning, an error with --strict.

A Markdown summary of the change (a table of the items with every rule's
verdict, and the problems) is appended to the file named by
GITHUB_STEP_SUMMARY when set, and written to --summary FILE.

Exits 1 when the change introduces an error.

Examples:
    landscape check --base origin/main
    landscape check --base "$BASE_SHA" --format github --strict
    landscape check --base-file /tmp/landscape.yml --summary summary.md
    landscape check --strict                  # the whole landscape, no base
`

type checkFlags struct {
	base, baseFile, format, summary string
	showExisting                    bool
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newFlagSet("check", checkHelp, stderr)
	var f checkFlags
	fs.StringVar(&f.base, "base", "", "judge the change against this git `revision` of landscape.yml")
	fs.StringVar(&f.baseFile, "base-file", "", "judge the change against this landscape.yml `file`")
	fs.StringVar(&f.format, "format", "text", "output `format`: text, github or json")
	fs.StringVar(&f.summary, "summary", "", "write a Markdown summary to this `file`")
	fs.BoolVar(&f.showExisting, "show-existing", false, "list the problems the base already had, not only count them")
	if err := c.parse(fs, args); err != nil {
		return err
	}
	if err := checkFormat(f.format, stderr); err != nil {
		return err
	}
	if f.base != "" && f.baseFile != "" {
		fmt.Fprintln(stderr, "check: give --base or --base-file, not both")
		return errUsage
	}
	opts := c.options(stderr)
	base, err := loadBase(f, opts.DataFile, opts.LogosDir)
	if err != nil {
		return err
	}
	res, err := build.New(opts).Check(ctx, base)
	if err != nil {
		return err
	}
	return reportCheck(c, res, f, base, stdout, stderr)
}

// loadBase reads the base landscape.yml from git or a file.
func loadBase(f checkFlags, dataFile, logosDir string) (*build.Base, error) {
	switch {
	case f.baseFile != "":
		data, err := os.ReadFile(f.baseFile)
		if err != nil {
			return nil, fmt.Errorf("base: %w", err)
		}
		return &build.Base{Name: f.baseFile, Data: data}, nil
	case f.base != "":
		return gitBase(f.base, dataFile, logosDir)
	}
	return nil, nil
}

// gitBase reads landscape.yml at rev and lists the logo files changed
// since rev, committed or not.
func gitBase(rev, dataFile, logosDir string) (*build.Base, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("base: %q is not a revision", rev)
	}
	data, err := git(filepath.Dir(dataFile), "show", rev+":./"+filepath.Base(dataFile))
	if err != nil {
		return nil, fmt.Errorf("base: landscape.yml at %s: %w", rev, err)
	}
	b := &build.Base{Name: rev, Data: data, ChangedLogos: map[string]bool{}}
	if st, err := os.Stat(logosDir); err != nil || !st.IsDir() {
		return b, nil
	}
	// -z: names as they are, not quoted (git quotes non-ASCII names otherwise).
	names, err := git(logosDir, "diff", "-z", "--name-only", "--relative", "--no-renames", rev, "--", ".")
	if err != nil {
		return nil, fmt.Errorf("base: logos changed since %s: %w", rev, err)
	}
	for _, n := range strings.Split(string(names), "\x00") {
		if n != "" {
			b.ChangedLogos[filepath.ToSlash(n)] = true
		}
	}
	return b, nil
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return out, nil
}

// reportCheck prints the problems, the one-line summary and the Markdown
// summary, and fails when the change introduces an error.
func reportCheck(c *common, res build.CheckResult, f checkFlags, base *build.Base, stdout, stderr io.Writer) error {
	shown := res.Introduced
	if f.showExisting {
		shown = append(append(diag.List{}, res.Introduced...), res.Existing...)
		shown.Sort()
	}
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
	fmt.Fprintln(stderr, line)
	if err := writeSummaries(res, f, base); err != nil {
		return err
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
		Existing: res.Existing, ShowExisting: f.showExisting}
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
		file, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return fmt.Errorf("step summary: %w", err)
		}
		_, err = file.Write(md.Bytes())
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("step summary: %w", err)
		}
	}
	return nil
}

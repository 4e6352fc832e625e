package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/internal/diag"
)

const validateHelp = `Usage: landscape validate [flags]

Checks landscape.yml, settings.yml, guide.yml and every logo, and prints every
problem at once, sorted by position:

    landscape.yml:LINE:COL: error|warning: item "Name": field: what is wrong (how to fix)

Exits 1 when there is an error, 0 when there are only warnings.

Examples:
    landscape validate
    landscape validate --data ../landscape/landscape.yml --logos ../landscape/hosted_logos
    landscape validate --format github     # GitHub Actions annotations
    landscape validate --format json       # a JSON array, for tools
`

func cmdValidate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newFlagSet("validate", validateHelp, stderr)
	format := fs.String("format", "text", "output `format`: text, github or json")
	stop, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	defer stop()
	if err := checkFormat(*format, stderr); err != nil {
		return err
	}
	b := build.New(c.options(stderr))
	diags, err := b.Validate(ctx)
	if err != nil && !errors.Is(err, build.ErrProblems) {
		return err
	}
	return c.reportLoad(c.report(diags, *format, "validate", stdout, stderr), err)
}

func checkFormat(format string, stderr io.Writer) error {
	for _, f := range diag.Formats {
		if f == format {
			return nil
		}
	}
	fmt.Fprintf(stderr, "unknown format %q (use text, github or json)\n", format)
	return errUsage
}

// reportLoad fails a command whose data could not be used (err is
// build.ErrProblems), once report has printed why.
func (c *common) reportLoad(reported, err error) error {
	if reported == nil && err != nil {
		return errFailed
	}
	return reported
}

// report prints the problems on stdout and a summary on stderr, and fails
// when there is an error.
func (c *common) report(diags diag.List, format, cmd string, stdout, stderr io.Writer) error {
	if err := c.writeDiags(stdout, diags, format); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%s: %s\n", cmd, diags.Summary())
	if diags.HasErrors() {
		return errFailed
	}
	return nil
}

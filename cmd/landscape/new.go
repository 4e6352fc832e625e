package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/serverless-landscape/landscape/internal/scaffold"
)

const newHelp = `Usage: landscape new [--name TITLE] DIR

Creates DIR with a landscape that builds at once: landscape.yml with one
category and two example items, settings.yml with every key explained,
guide.yml, hosted_logos/ with a logo, .github/workflows/landscape.yml (the
pull-request check, using the landscape GitHub Action), netlify.toml and a
README. DIR must not exist or be empty: nothing is overwritten.

Examples:
    landscape new energy-landscape
    landscape new --name "LF Energy Landscape" .
    cd energy-landscape && landscape serve
`

func cmdNew(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", "", "the landscape's `title` (default: from the folder's name)")
	fs.Usage = func() {
		fmt.Fprint(stderr, newHelp)
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	dir := fs.Arg(0)
	written, err := scaffold.Write(dir, scaffold.Options{Name: *name})
	if err != nil {
		return err
	}
	for _, f := range written {
		fmt.Fprintf(stdout, "%s\n", f)
	}
	fmt.Fprintf(stderr, "new: wrote %d files to %s; next: cd %s && landscape serve\n", len(written), dir, dir)
	return nil
}

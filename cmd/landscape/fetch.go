package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/serverless-landscape/landscape/internal/build"
)

const fetchHelp = `Usage: landscape fetch [flags]

Refreshes the GitHub facts in the cache (--cache-dir) without building:
entries still within their lifetime cost no request. Set GITHUB_TOKEN, or
several comma-separated tokens in GITHUB_TOKENS to spread the work;
GITHUB_API_URL points at GitHub Enterprise.

Examples:
    GITHUB_TOKEN=... landscape fetch
    GITHUB_TOKENS=t1,t2 landscape fetch --cache-dir .cache
`

func cmdFetch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newFlagSet("fetch", fetchHelp, stderr)
	stop, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	defer stop()
	if c.cacheDir == "" {
		fmt.Fprintln(stderr, "fetch needs a cache folder (--cache-dir)")
		return errUsage
	}
	b := build.New(c.options(stderr))
	diags, err := b.Fetch(ctx)
	for _, d := range diags {
		fmt.Fprintln(stderr, d)
	}
	if errors.Is(err, build.ErrProblems) {
		return errFailed // the problems above say why
	}
	return err
}

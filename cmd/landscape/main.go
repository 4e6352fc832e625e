// Command landscape builds a landscape website from landscape.yml and a folder
// of SVG logos, and checks the data on pull requests.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

const usage = `landscape builds an interactive landscape website from landscape.yml.

Usage:
    landscape validate [flags]    check landscape.yml, settings and logos; exit 1 on errors
    landscape check [flags]       validate and apply the inclusion rules to a change (--base REV)
    landscape build [flags]       build the site into public/
    landscape fetch [flags]       refresh the GitHub cache without building
    landscape serve [flags]       build, serve on 127.0.0.1:8080 and rebuild on changes
    landscape links [flags]       check every URL in the data: dead, moved, redirected elsewhere
    landscape new DIR             create a new landscape repository in DIR that builds at once
    landscape schema [FILE]       print the JSON Schema of landscape, settings or guide
    landscape version             print the version and the revision it was built from

Examples:
    landscape validate
    landscape validate --format github          # annotations for GitHub Actions
    landscape build --out public --cache-dir .cache
    GITHUB_TOKEN=... landscape fetch --cache-dir .cache
    landscape serve --addr 127.0.0.1:9000

Run "landscape COMMAND --help" for a command's flags.
`

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go stopOnSignal(sigs, cancel, os.Stderr, stopGrace, os.Exit)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	cancel()
	os.Exit(code)
}

// stopGrace is how long a command has to stop after SIGINT or SIGTERM (CI
// cancelling a job, timeout): the stages honour cancellation, and whatever
// would still be running then is cut short.
const stopGrace = 10 * time.Second

// stopOnSignal cancels the command at the first signal, and exits at the
// second, or when the command has not returned within grace.
func stopOnSignal(sigs <-chan os.Signal, cancel func(), stderr io.Writer, grace time.Duration, exit func(int)) {
	s, ok := <-sigs
	if !ok {
		return
	}
	fmt.Fprintf(stderr, "landscape: %v: stopping (again to exit at once)\n", s)
	cancel()
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-sigs:
		fmt.Fprintln(stderr, "landscape: exiting at once")
	case <-t.C:
		fmt.Fprintf(stderr, "landscape: not stopped %v after the signal, exiting\n", grace)
	}
	exit(signalCode(s))
}

// signalCode is the exit status shells give a process a signal ended.
func signalCode(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 1
}

// errUsage marks a mistake in the command line; run exits 2 for it.
var errUsage = errors.New("usage")

// run is main without the process: tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmds := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"validate": cmdValidate,
		"check":    cmdCheck,
		"build":    cmdBuild,
		"fetch":    cmdFetch,
		"serve":    cmdServe,
		"version":  cmdVersion,
		"new":      cmdNew,
		"schema":   cmdSchema,
		"links":    cmdLinks,
	}
	name := args[0]
	if name == "--version" || name == "-version" {
		name = "version"
	}
	if name == "-h" || name == "--help" || name == "help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	cmd, ok := cmds[name]
	if !ok {
		fmt.Fprintf(stderr, "landscape: unknown command %q\n\n%s", name, usage)
		return 2
	}
	err := cmd(ctx, args[1:], stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errFailed):
		return 1
	default:
		fmt.Fprintf(stderr, "landscape %s: %v\n", name, err)
		return 1
	}
}

// errFailed means the command already told the user what failed.
var errFailed = errors.New("failed")

package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// version is set at link time by builds that know their release, such as
// the GitHub Action, which is downloaded without .git:
//
//	go build -ldflags "-X main.version=v1.2.3" ./cmd/landscape
var version string

const versionHelp = `Usage: landscape version

Prints the version of landscape: the release it was built as (a -ldflags
"-X main.version=..." value, or the module version of go install
.../cmd/landscape@v1.2.3) and the VCS revision it was built from.
`

func cmdVersion(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		fmt.Fprint(stderr, versionHelp)
		if args[0] == "-h" || args[0] == "--help" {
			return errUsage
		}
		fmt.Fprintf(stderr, "unexpected argument %q\n", args[0])
		return errUsage
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(version, info))
	return nil
}

// versionLine is "landscape VERSION (revision REV, modified, go1.x)", with
// what the build knows.
func versionLine(linked string, info *debug.BuildInfo) string {
	v := linked
	var details []string
	if info != nil {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			details = append(details, "revision "+rev)
		}
		if modified == "true" {
			details = append(details, "modified")
		}
		details = append(details, info.GoVersion)
	}
	if v == "" {
		v = "devel"
	}
	if len(details) == 0 {
		return "landscape " + v
	}
	return "landscape " + v + " (" + strings.Join(details, ", ") + ")"
}

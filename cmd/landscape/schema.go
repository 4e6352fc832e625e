package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/serverless-landscape/landscape/internal/schema"
)

const schemaHelp = `Usage: landscape schema [landscape|settings|guide]

Prints the JSON Schema (draft 2020-12) of landscape.yml, settings.yml or
guide.yml (default landscape). Every key has a description; keys the
loader does not read are rejected, as validate warns about them. The build
publishes the three under schema/ on the site.

Editors that use the YAML language server (VS Code's YAML extension, and
others) complete and check a file whose first line names its schema:

    # yaml-language-server: $schema=https://serverless-landscape.github.io/schema/landscape.json

Examples:
    landscape schema settings > settings.schema.json
    landscape schema guide
`

func cmdSchema(_ context.Context, args []string, stdout, stderr io.Writer) error {
	name := "landscape"
	switch {
	case len(args) > 1:
		fmt.Fprint(stderr, schemaHelp)
		return errUsage
	case len(args) == 1 && (args[0] == "-h" || args[0] == "--help"):
		fmt.Fprint(stderr, schemaHelp)
		return errUsage
	case len(args) == 1:
		name = args[0]
	}
	b, err := schema.For(name)
	if err != nil {
		fmt.Fprintf(stderr, "schema: %v\n", err)
		if strings.HasPrefix(err.Error(), "no schema") {
			return errUsage
		}
		return errFailed
	}
	_, err = stdout.Write(b)
	return err
}

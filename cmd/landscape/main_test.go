package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(cleanup{m}, map[string]func(){
		"landscape": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// cleanup removes what the tests share after they ran (testscript.Main
// exits without returning).
type cleanup struct{ m *testing.M }

func (c cleanup) Run() int {
	defer removeWarmLogos()
	return c.m.Run()
}

// TestScripts runs the end-to-end CLI scripts in testdata/script: each is a
// txtar archive with the input files and the commands with their expected
// output. No script touches the network (--offline, no tokens).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("GITHUB_TOKEN", "")
			env.Setenv("GITHUB_TOKENS", "")
			return nil
		},
	})
}

package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseBench(t *testing.T) {
	out := `goos: linux
BenchmarkIncrementalRebuild-2   	      20	  61000000 ns/op	  48000000 cpu-ns/op
BenchmarkIncrementalRebuild-2   	      20	  59000000 ns/op	  47000000 cpu-ns/op
BenchmarkOther-2   	      20	  1 ns/op
PASS
`
	want := map[string][]float64{"ns/op": {61e6, 59e6}, "cpu-ns/op": {48e6, 47e6}}
	if diff := cmp.Diff(want, parseBench(out, "BenchmarkIncrementalRebuild")); diff != "" {
		t.Errorf("parseBench (-want +got):\n%s", diff)
	}
}

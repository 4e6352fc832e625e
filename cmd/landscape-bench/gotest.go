package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

// goBench runs one Go benchmark as a `go test` subprocess and returns, for
// each unit it reports (ns/op, ms-frame/key, ...), the median over the
// -count runs. The figures that need the repository's test fixtures (the
// incremental rebuild, the browser filter timing) are measured where their
// benchmarks live rather than copied here.
func goBench(pkg, name, benchtime string, count int) (map[string]float64, error) {
	cmd := exec.Command("go", "test", pkg, "-run", "^$", "-bench", "^"+name+"$",
		"-benchtime", benchtime, "-count", strconv.Itoa(count))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go test %s -bench %s: %v\n%s", pkg, name, err, out.Bytes())
	}
	values := parseBench(out.String(), name)
	if len(values) == 0 {
		return nil, fmt.Errorf("go test %s -bench %s: no result (skipped?)\n%s", pkg, name, out.Bytes())
	}
	medians := map[string]float64{}
	for unit, vs := range values {
		slices.Sort(vs)
		medians[unit] = vs[len(vs)/2]
	}
	return medians, nil
}

// parseBench collects the values per unit from benchmark result lines such
// as "BenchmarkX-2  20  61234567 ns/op  48000000 cpu-ns/op".
func parseBench(out, name string) map[string][]float64 {
	values := map[string][]float64{}
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], name) {
			continue
		}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				values[f[i+1]] = append(values[f[i+1]], v)
			}
		}
	}
	return values
}

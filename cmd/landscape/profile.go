package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// profile starts the CPU profile asked for with --cpuprofile; the returned
// function stops it and closes the file.
func (c *common) profile() (func(), error) {
	if c.cpuProfile == "" {
		return func() {}, nil
	}
	f, err := os.Create(c.cpuProfile)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// BenchmarkIncrementalRebuild times what a maintainer waits for after saving
// a one-item edit: the rebuild of the cncf-full landscape (2,400 items) after
// one item's description changed, from reading landscape.yml to the rebuilt
// files in place. The data file is a temporary copy, edited between
// iterations; logos and settings are read from the corpus. Besides wall
// time it reports the CPU time per rebuild (cpu-ns/op), summed over threads,
// which a loaded machine disturbs far less.
func BenchmarkIncrementalRebuild(b *testing.B) {
	src := corpus(b, "cncf-full")
	data, err := os.ReadFile(filepath.Join(src, "landscape.yml"))
	if err != nil {
		b.Fatal(err)
	}
	o := corpusOptions(b, src)
	o.DataFile = filepath.Join(b.TempDir(), "landscape.yml")
	if err := os.WriteFile(o.DataFile, data, 0o644); err != nil {
		b.Fatal(err)
	}
	inc := New(o).Incremental()
	ctx := context.Background()
	if _, err := inc.Rebuild(ctx, Change{}); err != nil {
		b.Fatal(err)
	}
	desc := regexp.MustCompile(`(?m)^(\s+description: ).*$`)
	loc := desc.FindSubmatchIndex(data)
	if loc == nil {
		b.Fatal("no description in the corpus")
	}
	var cpu time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		edited := fmt.Appendf(nil, "%s%sEdited description %d.%s", data[:loc[2]], data[loc[2]:loc[3]], i, data[loc[1]:])
		if err := os.WriteFile(o.DataFile, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		before := processCPU()
		rep, err := inc.Rebuild(ctx, Change{Data: true})
		cpu += processCPU() - before
		if err != nil {
			b.Fatal(err)
		}
		if rep.Full || len(rep.Written) != 5 {
			b.Fatalf("got %v writing %q, want 5 files and no full render", rep, rep.Written)
		}
	}
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

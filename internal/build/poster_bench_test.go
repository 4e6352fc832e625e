package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/site"
)

// BenchmarkPosterStage times the poster stage of a cncf-full build (the
// three posters of the whole landscape and its groups' SVGs) with the
// logos already processed: cold draws every poster from nothing (no poster
// cache), prepared draws them with every logo prepared by an earlier build
// (the posters' layout changed, not the logos), warm finds them all in the
// cache. Besides wall time it reports the CPU
// time per stage (cpu-ns/op, summed over threads), which a loaded machine
// disturbs far less, and that time per distinct logo (cpu-ns/logo); run
// it with -cpu 1 to see the stage on one core. POSTER_BENCH_LOGO_CACHE
// names a folder that keeps the processed logos between runs (they are
// not part of the stage).
func BenchmarkPosterStage(b *testing.B) {
	o := corpusOptions(b, corpus(b, "cncf-full"))
	o.CacheKey = bytes.Repeat([]byte{3}, keySize)
	if d := os.Getenv("POSTER_BENCH_LOGO_CACHE"); d != "" {
		o.CacheDir = d
	}
	bl := New(o)
	in, err := bl.Load(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	s := site.Assemble(in.Landscape, in.Settings, in.Guide)
	logoData := map[string][]byte{}
	var diags diag.List
	if err := bl.logos(context.Background(), in.Landscape, s, b.TempDir(), logoData, map[string][]byte{}, &diags); err != nil {
		b.Fatal(err)
	}
	files := map[string]bool{}
	for _, data := range logoData {
		files[string(data)] = true
	}
	logos := len(files) // distinct processed logos
	run := func(b *testing.B, cacheDir string, forget bool) {
		bl.CacheDir = cacheDir
		var cpu time.Duration
		for b.Loop() {
			dir := b.TempDir()
			if forget {
				os.RemoveAll(filepath.Join(cacheDir, "poster"))
			}
			before := processCPU()
			if err := bl.posters(context.Background(), in.Landscape.File, s, logoData, dir, &diags); err != nil {
				b.Fatal(err)
			}
			cpu += processCPU() - before
			os.RemoveAll(dir)
		}
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(logos), "cpu-ns/logo")
	}
	b.Run("cold", func(b *testing.B) { run(b, "", false) })
	cache := filepath.Join(b.TempDir(), "cache")
	b.Run("prepared", func(b *testing.B) {
		bl.CacheDir = cache
		if err := bl.posters(context.Background(), in.Landscape.File, s, logoData, b.TempDir(), &diags); err != nil {
			b.Fatal(err)
		}
		run(b, cache, true)
	})
	b.Run("warm", func(b *testing.B) {
		bl.CacheDir = cache
		if err := bl.posters(context.Background(), in.Landscape.File, s, logoData, b.TempDir(), &diags); err != nil {
			b.Fatal(err)
		}
		run(b, cache, false)
	})
}

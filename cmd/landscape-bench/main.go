// Command landscape-bench measures the landscape binary on a real corpus and
// prints a Markdown table of the figures docs/performance.md records: cold
// and warm builds, validate, peak memory, output sizes, reproducibility, and
// the floor (reading the inputs and writing the same bytes out) that every
// time is compared to. It repeats the build at 1×, 2× and 4× the corpus to
// show how cost grows.
//
//	go run ./cmd/landscape-bench -corpus ../shared/corpora/cncf-full
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

func main() {
	corpus := flag.String("corpus", filepath.Join("..", "shared", "corpora", "cncf-full"), "the corpus `folder` (landscape.yml, hosted_logos, landscape2-sites)")
	scales := flag.String("scales", "1,2,4", "comma-separated `multiples` of the corpus to measure")
	runs := flag.Int("runs", 3, "runs per figure; the median is reported")
	extras := flag.Bool("extras", true, "also run the incremental rebuild and browser filter benchmarks (go test)")
	flag.Parse()
	if err := run(*corpus, *scales, *runs, *extras); err != nil {
		fmt.Fprintln(os.Stderr, "landscape-bench:", err)
		os.Exit(1)
	}
}

func run(corpus, scaleList string, runs int, extras bool) error {
	if _, err := os.Stat(filepath.Join(corpus, "landscape.yml")); err != nil {
		return fmt.Errorf("no corpus at %s (see ../shared/corpora/README.md): %w", corpus, err)
	}
	work, err := os.MkdirTemp("", "landscape-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "landscape")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/landscape").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	fmt.Printf("machine: %s/%s, %d CPUs, %s; %d runs per figure, median\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), runs)
	fmt.Println("| input | items | floor | cold build | warm build | validate | peak RSS | public/ | landscape page (gzip) | reproducible |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|")
	var floor1 time.Duration
	for _, s := range strings.Split(scaleList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("bad scale %q", s)
		}
		in, err := makeInput(corpus, filepath.Join(work, "input-"+s), n)
		if err != nil {
			return fmt.Errorf("%d× input: %w", n, err)
		}
		row, err := measure(bin, in, filepath.Join(work, "run-"+s), runs)
		if err != nil {
			return fmt.Errorf("%d× input: %w", n, err)
		}
		fmt.Println(row.markdown(fmt.Sprintf("%d× %s", n, filepath.Base(corpus))))
		if floor1 == 0 {
			floor1 = row.floor
		}
	}
	if !extras {
		return nil
	}
	return runExtras(floor1, runs)
}

// runExtras measures the figures whose benchmarks live with their code: the
// rebuild after a one-item edit (internal/build) and the browser's filter
// timing (e2e, needs Chromium).
func runExtras(floor time.Duration, runs int) error {
	fmt.Println()
	fmt.Println("| figure | median |")
	fmt.Println("|---|---|")
	inc, err := goBench("./internal/build", "BenchmarkIncrementalRebuild", "20x", runs)
	if err != nil {
		return err
	}
	fmt.Printf("| incremental rebuild, one item edited (1×) | %s, %s CPU |\n",
		ratio(time.Duration(inc["ns/op"]), floor), ms(time.Duration(inc["cpu-ns/op"])))
	filter, err := goBench("./e2e", "BenchmarkFilter", "120x", runs)
	if err != nil {
		return err
	}
	fmt.Printf("| browser filter, per key (1×) | %.1f ms layout, %.1f ms to next frame |\n",
		filter["ms-layout/key"], filter["ms-frame/key"])
	return nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

func ratio(d, floor time.Duration) string {
	if floor == 0 {
		return ms(d)
	}
	return fmt.Sprintf("%s (%.1f×)", ms(d), float64(d)/float64(floor))
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

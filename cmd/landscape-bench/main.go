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
	flag.Parse()
	if err := run(*corpus, *scales, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "landscape-bench:", err)
		os.Exit(1)
	}
}

func run(corpus, scaleList string, runs int) error {
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
	}
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

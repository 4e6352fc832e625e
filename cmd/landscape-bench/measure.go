package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"syscall"
	"time"

	"gopkg.in/yaml.v3"
)

// row is one line of the table.
type row struct {
	items                       int
	floor, cold, warm, validate time.Duration
	rss, public, page           int64
	reproducible                bool
}

func (r row) markdown(name string) string {
	repro := "no"
	if r.reproducible {
		repro = "yes"
	}
	return fmt.Sprintf("| %s | %d | %s | %s | %s | %s | %s | %s | %.0f KB | %s |", name, r.items, ms(r.floor),
		ratio(r.cold, r.floor), ratio(r.warm, r.floor), ratio(r.validate, r.floor),
		mb(r.rss), mb(r.public), float64(r.page)/1000, repro)
}

func measure(bin string, in input, dir string, runs int) (row, error) {
	r := row{items: in.items}
	cache, out := filepath.Join(dir, "cache"), filepath.Join(dir, "public")
	args := func(cmd string) []string {
		a := []string{cmd, "--offline", "--data", in.data, "--logos", in.logos, "--cache-dir", cache}
		if in.settings != "" {
			a = append(a, "--settings", in.settings)
		}
		if cmd == "build" {
			a = append(a, "--out", out)
		}
		return a
	}
	var err error
	// The floor is the denominator of every ratio, and creating files on a
	// loaded machine varies most of all: it gets more runs.
	if r.floor, err = median(max(runs, 5), func() (time.Duration, error) { return floor(in, filepath.Join(dir, "floor")) }); err != nil {
		return r, err
	}
	r.cold, err = median(runs, func() (time.Duration, error) {
		os.RemoveAll(cache)
		d, rss, err := timeCmd(bin, args("build")...)
		r.rss = max(r.rss, rss)
		return d, err
	})
	if err != nil {
		return r, err
	}
	first, err := treeHash(out)
	if err != nil {
		return r, err
	}
	r.warm, err = median(runs, func() (time.Duration, error) {
		d, rss, err := timeCmd(bin, args("build")...)
		r.rss = max(r.rss, rss)
		return d, err
	})
	if err != nil {
		return r, err
	}
	second, err := treeHash(out)
	if err != nil {
		return r, err
	}
	r.reproducible = first == second
	r.validate, err = median(runs, func() (time.Duration, error) {
		d, _, err := timeCmd(bin, args("validate")...)
		return d, err
	})
	if err != nil {
		return r, err
	}
	r.public, err = treeSize(out)
	if err != nil {
		return r, err
	}
	r.page, err = pageWeight(out)
	return r, err
}

// floor reads landscape.yml and parses it, reads every logo, and writes the
// same bytes out: the least any generator must do with these inputs.
func floor(in input, dir string) (time.Duration, error) {
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	start := time.Now()
	data, err := os.ReadFile(in.data)
	if err != nil {
		return 0, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return 0, err
	}
	entries, err := os.ReadDir(in.logos)
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(in.logos, e.Name()))
		if err != nil {
			return 0, err
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

// timeCmd runs the binary and returns its wall time and peak RSS in bytes.
// Data errors (exit 1) are expected on real data; only a crash fails.
func timeCmd(bin string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() > 1 {
		return d, 0, fmt.Errorf("%s %v: %v\n%s", filepath.Base(bin), args[0], err, stderr.Bytes())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return d, rss, nil
}

func median(n int, f func() (time.Duration, error)) (time.Duration, error) {
	var ds []time.Duration
	for range n {
		d, err := f()
		if err != nil {
			return 0, err
		}
		ds = append(ds, d)
	}
	slices.Sort(ds)
	return ds[len(ds)/2], nil
}

func treeHash(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %d\n", rel, len(b))
		h.Write(b)
		return err
	})
	return fmt.Sprintf("%x", h.Sum(nil)), err
}

func treeSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	return n, err
}

var (
	assetRef  = regexp.MustCompile(`(?:src|href)="?([^"\s>]+\.(?:css|js|json))`)
	hasScheme = regexp.MustCompile(`^[a-z]+:`)
)

// pageWeight is the gzip size of index.html and the style sheets, scripts
// and data it references: what a visitor downloads before any logo.
func pageWeight(out string) (int64, error) {
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		return 0, err
	}
	total := gzipSize(page)
	seen := map[string]bool{}
	for _, m := range assetRef.FindAllSubmatch(page, -1) {
		ref := string(m[1])
		if seen[ref] || hasScheme.MatchString(ref) {
			continue
		}
		seen[ref] = true
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(trimBase(ref))))
		if err == nil {
			total += gzipSize(b)
		}
	}
	return total, nil
}

func trimBase(ref string) string {
	for len(ref) > 0 && (ref[0] == '/' || ref[0] == '.') {
		ref = ref[1:]
	}
	return ref
}

func gzipSize(b []byte) int64 {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = io.Copy(w, bytes.NewReader(b))
	_ = w.Close()
	return int64(buf.Len())
}

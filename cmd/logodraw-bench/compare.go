package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/serverless-landscape/landscape/internal/drawing"
	"github.com/serverless-landscape/landscape/internal/poster"
)

type logo struct {
	Name     string `json:"name"`
	W        int    `json:"w"`
	H        int    `json:"h"`
	svg      []byte
	ours     *image.RGBA // on white
	ref      *image.RGBA // Chromium's, on white
	problems []string
	err      error
	diff     float64
}

func newLogo(name string, svg []byte, size int) *logo {
	l := &logo{Name: name, svg: svg}
	sc, err := drawing.Read(svg)
	if err != nil {
		l.err = err
		return l
	}
	l.problems = sc.Problems
	vb := sc.ViewBox
	s := float64(size) / math.Max(vb.W, vb.H)
	l.W, l.H = max(1, int(math.Round(vb.W*s))), max(1, int(math.Round(vb.H*s)))
	l.ours = onWhite(sc.Rasterize(l.W, l.H))
	return l
}

func onWhite(img image.Image) *image.RGBA {
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Over)
	return out
}

// difference is the mean absolute difference of the RGB channels.
func difference(a, b *image.RGBA) float64 {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 1
	}
	sum := 0.0
	for i := 0; i < len(a.Pix); i += 4 {
		for k := range 3 {
			sum += math.Abs(float64(a.Pix[i+k]) - float64(b.Pix[i+k]))
		}
	}
	return sum / (3 * 255 * float64(len(a.Pix)/4))
}

func report(list []*logo, tol float64, verbose bool) {
	var all, drawn []float64
	var failed int
	for _, l := range list {
		switch {
		case l.err != nil || l.ref == nil:
			failed++
			if verbose {
				fmt.Printf("not compared: %s: %v\n", l.Name, l.err)
			}
			continue
		}
		l.diff = difference(l.ours, l.ref)
		all = append(all, l.diff)
		if len(l.problems) == 0 {
			drawn = append(drawn, l.diff)
		}
		if verbose && l.diff > tol {
			fmt.Printf("%5.1f%% %s %s\n", 100*l.diff, l.Name, strings.Join(l.problems, ", "))
		}
	}
	fmt.Printf("logos: %d; compared: %d; not compared: %d; drawn (no problem listed): %d; left to raster or name tile: %d\n",
		len(list), len(all), failed, len(drawn), len(all)-len(drawn))
	line := func(what string, d []float64) {
		sort.Float64s(d)
		within := sort.SearchFloat64s(d, math.Nextafter(tol, 2))
		fmt.Printf("%s: within %.0f%%: %d of %d (%.1f%%); difference p50 %.2f%%, p90 %.2f%%, p97 %.2f%%, p99 %.2f%%, max %.2f%%\n",
			what, 100*tol, within, len(d), pct(within, len(d)), 100*q(d, .5), 100*q(d, .9), 100*q(d, .97), 100*q(d, .99), 100*q(d, 1))
	}
	line("every logo as drawn", all)
	line("logos the renderer draws", drawn)
	hist(drawn)
}

func hist(d []float64) {
	edges := []float64{0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 1}
	fmt.Print("distribution of drawn logos:")
	lo := 0.0
	for _, e := range edges {
		n := 0
		for _, v := range d {
			if v > lo && v <= e || lo == 0 && v == 0 {
				n++
			}
		}
		fmt.Printf(" ≤%.2g%%: %d;", 100*e, n)
		lo = e
	}
	fmt.Println()
}

func q(d []float64, f float64) float64 {
	if len(d) == 0 {
		return 0
	}
	return d[min(len(d)-1, int(f*float64(len(d)-1)+0.5))]
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// writeWorst saves, for the n drawn logos that differ most, Chromium's
// picture beside ours.
func writeWorst(list []*logo, n int, dir string) error {
	var drawn []*logo
	for _, l := range list {
		if l.ref != nil && l.err == nil && len(l.problems) == 0 {
			drawn = append(drawn, l)
		}
	}
	sort.Slice(drawn, func(i, j int) bool { return drawn[i].diff > drawn[j].diff })
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i, l := range drawn[:min(n, len(drawn))] {
		pair := image.NewRGBA(image.Rect(0, 0, 2*l.W+8, l.H))
		draw.Draw(pair, pair.Bounds(), image.NewUniform(color.RGBA{255, 0, 255, 255}), image.Point{}, draw.Src)
		draw.Draw(pair, image.Rect(0, 0, l.W, l.H), l.ref, image.Point{}, draw.Src)
		draw.Draw(pair, image.Rect(l.W+8, 0, 2*l.W+8, l.H), l.ours, image.Point{}, draw.Src)
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%02d-%.1f-%s.png", i, 100*l.diff, strings.TrimSuffix(l.Name, ".svg"))))
		if err != nil {
			return err
		}
		err = png.Encode(f, pair)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// writeStamps writes the record of every compared logo (internal/poster.Fidelity).
func writeStamps(path string, list []*logo, size int, tol float64) error {
	rec := poster.Fidelity{Version: poster.FidelityVersion, Size: size, Tolerance: tol, Logos: []poster.Measured{}}
	for _, l := range list {
		if l.err != nil || l.ref == nil {
			continue
		}
		sum := sha256.Sum256(l.svg)
		rec.Logos = append(rec.Logos, poster.Measured{Name: l.Name, SHA256: hex.EncodeToString(sum[:]), Difference: math.Round(l.diff*1e5) / 1e5})
	}
	data, err := json.MarshalIndent(rec, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

package main

import (
	"fmt"
	"github.com/serverless-landscape/landscape/internal/logos"
	"math"
	"sort"
)

// report prints the share of logos whose computed box lies within tol of
// the painted one, and optionally the others.
func report(list []*logo, tol float64, verbose bool) {
	var within, compared, unmeasured, blank int
	var off []*logo
	for _, l := range list {
		switch {
		case l.ref == nil || l.ref.Empty:
			blank++
			if verbose {
				fmt.Printf("browser painted nothing: %s (%v)\n", l.Name, l.err)
			}
		case l.err != nil:
			unmeasured++
			if verbose {
				fmt.Printf("cropper cannot measure: %s: %v\n", l.Name, l.err)
			}
		default:
			compared++
			l.deviation = deviation(l)
			if l.deviation <= tol {
				within++
			} else {
				off = append(off, l)
			}
		}
	}
	sort.Slice(off, func(i, j int) bool { return off[i].deviation > off[j].deviation })
	if verbose {
		for _, l := range off {
			fmt.Printf("off by %.1f%%: %s (cropper %s, browser %s)\n", 100*l.deviation, l.Name, fmtBox(l.ours), fmtBox(refBox(l)))
		}
	}
	painted := compared + unmeasured
	fmt.Printf("logos: %d; painted by the browser: %d; measured by the cropper: %d; cannot measure: %d\n",
		len(list), painted, compared, unmeasured)
	fmt.Printf("within %.0f%% of the browser's box: %d of %d measured (%.1f%%), %d of %d painted (%.1f%%)\n",
		100*tol, within, compared, pct(within, compared), within, painted, pct(within, painted))
}

func fmtBox(b logos.Box) string {
	return fmt.Sprintf("%.4g,%.4g %.4gx%.4g", b.X, b.Y, b.W, b.H)
}

// refBox is the browser's painted box in user units.
func refBox(l *logo) logos.Box {
	sx, sy := l.vb.W/float64(l.W), l.vb.H/float64(l.H)
	r := l.ref
	return logos.Box{X: l.vb.X + float64(r.X0)*sx, Y: l.vb.Y + float64(r.Y0)*sy,
		W: float64(r.X1-r.X0) * sx, H: float64(r.Y1-r.Y0) * sy}
}

// deviation is the largest distance between matching edges of the two
// boxes, as a share of the reference box's larger side.
func deviation(l *logo) float64 {
	r := refBox(l)
	rx0, ry0, rx1, ry1 := r.X, r.Y, r.X+r.W, r.Y+r.H
	o := l.ours
	d := math.Max(math.Max(math.Abs(o.X-rx0), math.Abs(o.X+o.W-rx1)), math.Max(math.Abs(o.Y-ry0), math.Abs(o.Y+o.H-ry1)))
	return d / math.Max(rx1-rx0, ry1-ry0)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// reportSanitized lists the logos whose sanitized rendering differs from
// the original's in more than tol of their pixels.
func reportSanitized(list []*logo, tol float64) {
	var compared, same, failed int
	var differ []*logo
	for _, l := range list {
		switch {
		case l.ref == nil || l.ref.Diff < 0 || l.W == 0:
			failed++
			fmt.Printf("not compared: %s\n", l.Name)
		case l.ref.Diff <= tol:
			compared++
			same++
		default:
			compared++
			differ = append(differ, l)
		}
	}
	sort.Slice(differ, func(i, j int) bool { return differ[i].ref.Diff > differ[j].ref.Diff })
	for _, l := range differ {
		fmt.Printf("differs in %.1f%% of pixels: %s\n", 100*l.ref.Diff, l.Name)
	}
	fmt.Printf("sanitized renders like the original (%.0f%% of pixels or fewer differ): %d of %d compared (%.1f%%); not compared: %d\n",
		100*tol, same, compared, pct(same, compared), failed)
}

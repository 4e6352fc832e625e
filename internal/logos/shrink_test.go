package logos

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
)

// pngHref is a data: URL of a w×h opaque PNG of random pixels,
// which compresses poorly, as photographs and screenshots do.
func pngHref(t *testing.T, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	// One colour a pixel: a downscale of it is smaller in bytes.
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = uint8(r.Uint32()) | uint8(i%4/3*255)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b.Bytes())
}

// bitmapSizes lists the pixel sizes of the bitmaps a logo embeds.
func bitmapSizes(t *testing.T, svg []byte) []string {
	t.Helper()
	var out []string
	// Cut, not a regexp: the NFA took seconds over a megabyte of base64.
	for _, part := range strings.Split(string(svg), `href="data:image/`)[1:] {
		href, _, _ := strings.Cut(part, `"`)
		_, payload, _ := strings.Cut(href, ";base64,")
		data, err := base64.StdEncoding.DecodeString(payload)
		if err != nil {
			t.Fatal(err)
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%dx%d", cfg.Width, cfg.Height))
	}
	return out
}

// TestShrinkRasters checks that embedded bitmaps are served at three device
// pixels per CSS pixel of the largest display (240 × 180 CSS pixels), where
// they are drawn directly, through <use>, or in a design tool's pattern,
// and that Original keeps them whole.
func TestShrinkRasters(t *testing.T) {
	// The bitmaps fill a tenth of the logo's width: each pixel more is
	// time under the race detector, and the geometry is the same.
	big, small := pngHref(t, 100, 50), pngHref(t, 40, 20)
	frame := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="200" height="100" fill="#eee"/>`
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		// 200 units, 208 with the crop's margin, shown 240 px wide: 20
		// units are 3 × 20 × 240 / 208 = 69.2 device pixels.
		{"drawn", frame + `<image width="20" height="10" href="` + big + `"/></svg>`, []string{"70x35"}},
		{"half the size", frame + `<image width="10" height="5" href="` + big + `"/></svg>`, []string{"35x18"}},
		{"through use, largest of two", frame + `<defs><image id="i" width="5" height="2.5" href="` + big + `"/></defs><use href="#i"/><use href="#i" transform="translate(0 25) scale(4)"/></svg>`, []string{"70x35"}},
		{"in a pattern", frame + `<rect width="20" height="10" fill="url(#p)"/><defs><pattern id="p" patternContentUnits="objectBoundingBox" width="1" height="1"><use href="#i" transform="scale(0.01 0.02)"/></pattern><image id="i" width="100" height="50" href="` + big + `"/></defs></svg>`, []string{"70x35"}},
		{"already small", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><image width="200" height="100" href="` + small + `"/></svg>`, []string{"40x20"}},
		{"not drawn", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><defs><image id="i" width="200" height="100" href="` + big + `"/></defs><rect width="9" height="9"/></svg>`, []string{"100x50"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProcessor(Options{Dir: fstest.MapFS{"a.svg": {Data: []byte(tc.in)}}, WarnBytes: -1})
			served, full := p.Process(t.Context(), "a.svg"), p.Original(t.Context(), "a.svg")
			if got := bitmapSizes(t, served.Data); strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("served bitmaps %v, want %v", got, tc.want)
			}
			if got := bitmapSizes(t, full.Data); strings.Contains(tc.in, big) && got[0] != "100x50" {
				t.Errorf("original bitmaps %v, want 100x50", got)
			}
			if tc.want[0] != "100x50" && tc.want[0] != "40x20" && (served.Saved <= 0 || served.Saved != len(full.Data)-len(served.Data)) {
				t.Errorf("saved %d bytes, want the %d between the original and the served logo", served.Saved, len(full.Data)-len(served.Data))
			}
			if full.Saved != 0 || full.Ratio != served.Ratio || full.Cropped != served.Cropped {
				t.Errorf("original: saved %d ratio %v cropped %v, want 0 and the served logo's %v %v", full.Saved, full.Ratio, full.Cropped, served.Ratio, served.Cropped)
			}
			checkSanitized(t, served.Data)
		})
	}
}

// TestOriginalKeptByProcess checks that Process keeps the whole logo for
// Original, in memory and in the disk cache, as Original would make it
// alone, and that a warm build's Process keeps it in the pack. (Rounded
// numbers stand for every reduction: TestShrinkRasters has the bitmaps.)
func TestOriginalKeptByProcess(t *testing.T) {
	in := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M10.123456 20.654321L90.111111 80.999999L50.555555 30.333333z"/></svg>`
	fsys := fstest.MapFS{"a.svg": {Data: []byte(in)}, "b.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><rect width="9" height="9"/></svg>`)}}
	want := NewProcessor(Options{Dir: fsys, WarnBytes: -1}).Original(t.Context(), "a.svg")
	cache := t.TempDir()
	for i, step := range []string{"cold", "warm", "warm again"} {
		p := NewProcessor(Options{Dir: fsys, WarnBytes: -1, CacheDir: cache, CacheKey: bytes.Repeat([]byte("k"), keySize)})
		if served := p.Process(t.Context(), "a.svg"); served.Saved <= 0 {
			t.Fatalf("%s: saved %d bytes, want some", step, served.Saved)
		}
		if i == 1 { // a new logo: this build writes the pack, keeping what it used
			p.Process(t.Context(), "b.svg")
		}
		if i == 0 {
			if _, ok := p.memo.entries[contentKey([]byte(in), -1)+"-full"]; !ok {
				t.Fatalf("%s: Process did not keep the whole logo", step)
			}
		}
		if i == 2 { // the last build called Process alone: the pack still has the whole logo
			if _, ok := p.readDisk(contentKey([]byte(in), -1) + "-full"); !ok {
				t.Fatalf("%s: the pack lost the whole logo", step)
			}
		}
		if i == 0 || i == 2 {
			got := p.Original(t.Context(), "a.svg")
			if !bytes.Equal(got.Data, want.Data) || got.Saved != 0 || got.Ratio != want.Ratio {
				t.Errorf("%s: Original after Process differs from Original alone", step)
			}
		}
	}
}

func TestSignificantDigits(t *testing.T) {
	for _, tc := range []struct {
		largest, size float64
		want          int
	}{
		{100, 100, 5},   // 0 0 100 100: steps of 0.01 on numbers up to 100
		{1000, 1000, 5}, // the same drawing ten times larger
		{10010, 10, 9},  // viewBox 10000 10000 10 10: steps of 0.001 on numbers near 10000
		{0.5, 1, 5},     // a unit square: steps of 0.0001
		{1e30, 1, 15},   // no more than a float holds
		{1, 0, 0},       // no size: every digit
	} {
		if got := significantDigits(tc.largest, tc.size); got != tc.want {
			t.Errorf("significantDigits(%v, %v): got %d, want %d", tc.largest, tc.size, got, tc.want)
		}
	}
}

// TestPrecision checks that rounding keeps the drawing within the step,
// however far from zero it is or however it is scaled, while the bytes
// shrink.
func TestPrecision(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"exported decimals", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M10.123456 20.654321L90.111111 80.999999L50.555555 30.333333z"/></svg>`},
		{"far from zero", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="10000 10000 10 10"><path d="M10001.123456 10002.654321L10009.111111 10008.999999L10005.555555 10003.333333z"/></svg>`},
		{"scaled up", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g transform="scale(1000)"><path d="M.0101234567 .0206543219L.0901111111 .0809999999L.0505555555 .0303333333z"/></g></svg>`},
		{"moved far", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g transform="translate(-100000 -100000)"><path d="M100001.123456 100002.654321L100009.111111 100008.999999L100005.555555 100003.333333z"/></g></svg>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProcessor(Options{Dir: fstest.MapFS{"a.svg": {Data: []byte(tc.in)}}})
			served, full := p.Process(t.Context(), "a.svg"), p.Original(t.Context(), "a.svg")
			_, got, _, err1 := Measure(served.Data)
			_, want, vb, err2 := Measure(full.Data)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			step := precisionStep * max(vb.W, vb.H)
			if d := max(abs(got.X-want.X), abs(got.Y-want.Y), abs(got.W-want.W), abs(got.H-want.H)); d > step {
				t.Errorf("drawing moved by %g, more than the step %g:\nserved %s\nfull   %s", d, step, served.Data, full.Data)
			}
			if served.Saved <= 0 || len(served.Data) >= len(full.Data) {
				t.Errorf("saved %d bytes (%d served, %d full), want fewer digits:\n%s", served.Saved, len(served.Data), len(full.Data), served.Data)
			}
		})
	}
}

func abs(v float64) float64 { return max(v, -v) }

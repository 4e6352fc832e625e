package logos

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

func encodePNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 200, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSiteImage holds the images settings name to what the site may
// serve: a raster's pixels encoded again (nothing else of the file, at
// most the size the page shows), an SVG through the logo sanitizer, and
// anything else refused with a reason.
func TestSiteImage(t *testing.T) {
	small := encodePNG(t, 64, 32)
	// A PNG with a script after its end: a polyglot that some servers and
	// sniffers would take for HTML.
	polyglot := append(bytes.Clone(small), []byte("<script>alert(1)</script>")...)
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewGray(image.Rect(0, 0, 40, 20)), nil); err != nil {
		t.Fatal(err)
	}
	// A header claiming 100000×100000 pixels, which a decoder would
	// allocate 40 GB for.
	bomb := bytes.Clone(small)
	copy(bomb[16:24], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	binary.BigEndian.PutUint32(bomb[29:33], crc32.ChecksumIEEE(bomb[12:29]))
	dir := fstest.MapFS{
		"poly.png":  {Data: polyglot},
		"big.png":   {Data: encodePNG(t, 800, 200)},
		"photo.jpg": {Data: jpg.Bytes()},
		"bomb.png":  {Data: bomb},
		"logo.svg":  {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" onload="alert(1)"><script>alert(2)</script><rect x="10" y="10" width="100" height="50" fill="red"/></svg>`)},
		"notes.txt": {Data: []byte("hello")},
	}
	p := NewProcessor(Options{Dir: dir, WarnBytes: -1})

	r := p.SiteImage(t.Context(), "poly.png", 256)
	if r.Missing || !r.Raster || !strings.HasSuffix(r.File, ".png") || bytes.Contains(r.Data, []byte("script")) {
		t.Fatalf("poly.png: got %+v", r)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(r.Data)); err != nil || cfg.Width != 64 || cfg.Height != 32 || r.Width != 64 || r.Height != 32 {
		t.Errorf("poly.png: served %+v (%v), want the 64×32 picture", cfg, err)
	}

	r = p.SiteImage(t.Context(), "big.png", 256)
	if cfg, err := png.DecodeConfig(bytes.NewReader(r.Data)); err != nil || cfg.Width != 256 || cfg.Height != 64 {
		t.Errorf("big.png: served %+v (%v), want 256×64", cfg, err)
	}
	if len(r.Problems) != 1 || !strings.Contains(r.Problems[0].Message, "served at 256×64") {
		t.Errorf("big.png: problems %v, want one saying it was scaled down", r.Problems)
	}

	r = p.SiteImage(t.Context(), "photo.jpg", 0)
	if _, err := jpeg.DecodeConfig(bytes.NewReader(r.Data)); err != nil || !strings.HasSuffix(r.File, ".jpg") {
		t.Errorf("photo.jpg: got %q (%v), want a JPEG", r.File, err)
	}

	r = p.SiteImage(t.Context(), "bomb.png", 0)
	if !r.Missing || len(r.Problems) != 1 || !strings.Contains(r.Problems[0].Message, "100000×100000") {
		t.Errorf("bomb.png: got missing %v, problems %v; want refused for its size", r.Missing, r.Problems)
	}

	r = p.SiteImage(t.Context(), "logo.svg", 0)
	if r.Missing || r.Raster || !strings.HasSuffix(r.File, ".svg") || bytes.Contains(r.Data, []byte("alert")) || !bytes.Contains(r.Data, []byte("<svg")) {
		t.Errorf("logo.svg: got %+v, want the sanitized SVG", r)
	}
	if r.Width != 1000 || r.Height < 480 || r.Height > 540 { // cropped to the 100×50 rectangle, with a margin
		t.Errorf("logo.svg: shape %d×%d, want about 1000×500", r.Width, r.Height)
	}

	for _, ref := range []string{"notes.txt", "absent.png", "http://example.org/a.png"} {
		if r := p.SiteImage(t.Context(), ref, 0); !r.Missing || len(r.Problems) == 0 {
			t.Errorf("%s: got %+v, want missing with a reason", ref, r)
		}
	}
}

// TestSiteImageMemory holds the scaling of a large raster to memory of
// the order of its pixels: CatmullRom's scaler took 314 MB for this one
// (a float row per source row), and 1.5 GB for a 1×16M-pixel strip.
func TestSiteImageMemory(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4096, 4096))); err != nil {
		t.Fatal(err)
	}
	p := NewProcessor(Options{Dir: fstest.MapFS{"big.png": {Data: b.Bytes()}}, WarnBytes: -1})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r := p.SiteImage(t.Context(), "big.png", 2400)
	runtime.ReadMemStats(&after)
	if cfg, err := png.DecodeConfig(bytes.NewReader(r.Data)); err != nil || cfg.Width != 2400 || cfg.Height != 2400 {
		t.Fatalf("served %+v (%v), want 2400×2400", cfg, err)
	}
	// Decoding takes 16 MB, the scaled picture 23 MB, the encoder the rest:
	// 126 MB, 214 MB under the race detector (CatmullRom: 339 MB without).
	if n := after.TotalAlloc - before.TotalAlloc; n > 300<<20 {
		t.Errorf("scaling a 4096×4096 image allocated %d MB, want under 300", n>>20)
	}
}

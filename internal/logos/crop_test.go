package logos

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func svg100(body string) string {
	return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">` + body + `</svg>`
}

// TestMeasure checks the drawing box of each kind of geometry the cropper
// understands against boxes worked out by hand.
func TestMeasure(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want Box
	}{
		{"rect", svg100(`<rect x="10" y="20" width="30" height="40"/>`), Box{10, 20, 30, 40}},
		{"circle", svg100(`<circle cx="50" cy="50" r="10"/>`), Box{40, 40, 20, 20}},
		{"ellipse", svg100(`<ellipse cx="50" cy="50" rx="20" ry="10"/>`), Box{30, 40, 40, 20}},
		{"polygon", svg100(`<polygon points="10,10 90,20 50,80"/>`), Box{10, 10, 80, 70}},
		{"line needs a stroke", svg100(`<line x1="10" y1="50" x2="90" y2="50" stroke="#000" stroke-width="4"/>`), Box{8, 48, 84, 4}},
		{"path lines", svg100(`<path d="M10 10L20 30h10v-5H15V5z"/>`), Box{10, 5, 20, 25}},
		{"cubic extremes", svg100(`<path d="M10 50C10 10 90 10 90 50"/>`), Box{10, 20, 80, 30}},
		{"smooth cubic", svg100(`<path d="M10 50c0-40 80-40 80 0s-80 40-80 0"/>`), Box{10, 20, 80, 60}},
		{"quadratic", svg100(`<path d="M10 50Q50 10 90 50T170 50"/>`), Box{10, 30, 90, 40}},
		{"arc with compact flags", svg100(`<path d="M30 50a20 20 0 1 0 40 0a20 20 0 10-40 0"/>`), Box{30, 30, 40, 40}},
		{"compact numbers", svg100(`<path d="M.5.5l10-.5.5 10"/>`), Box{0.5, 0, 10.5, 10}},
		{"translate and scale", svg100(`<g transform="translate(10,10) scale(2)"><rect width="10" height="5"/></g>`), Box{10, 10, 20, 10}},
		{"rotate about a point", svg100(`<rect x="40" y="40" width="20" height="20" transform="rotate(45 50 50)"/>`), Box{50 - 10*math.Sqrt2, 50 - 10*math.Sqrt2, 20 * math.Sqrt2, 20 * math.Sqrt2}},
		{"matrix", svg100(`<rect width="10" height="10" transform="matrix(1 0 0 1 5 6)"/>`), Box{5, 6, 10, 10}},
		{"stroke widens", svg100(`<rect x="10" y="10" width="20" height="20" fill="none" stroke="red" stroke-width="4"/>`), Box{8, 8, 24, 24}},
		{"miter tip at a sharp corner", svg100(`<path d="M10 10L20 90L30 10" fill="none" stroke="#000" stroke-width="2" stroke-miterlimit="10"/>`), Box{9, 9, 22, 98.06225774829856 - 9}},
		{"round join has no tip", svg100(`<path d="M10 10L20 90L30 10" fill="none" stroke="#000" stroke-width="2" stroke-linejoin="round"/>`), Box{9, 9, 22, 82}},
		{"miter over the limit is beveled", svg100(`<path d="M10 10L20 90L30 10" fill="none" stroke="#000" stroke-width="2"/>`), Box{9, 9, 22, 82}},
		{"stroke scales", svg100(`<g transform="scale(2)"><rect x="10" y="10" width="10" height="10" stroke="red" stroke-width="2"/></g>`), Box{18, 18, 24, 24}},
		{"unpainted skipped", svg100(`<rect width="100" height="100" fill="none"/><rect x="10" y="10" width="5" height="5"/>`), Box{10, 10, 5, 5}},
		{"css class says fill none", svg100(`<style>.bg{fill:none}</style><rect class="bg" width="100" height="100"/><rect x="10" y="10" width="5" height="5"/>`), Box{10, 10, 5, 5}},
		{"colours with zero alpha", svg100(`<rect width="100" height="100" fill="rgb(0,0,0,0)"/><rect width="90" height="90" fill="#0000"/><rect width="80" height="80" style="fill:rgba(1, 2, 3, 0%)"/><rect width="70" height="70" fill="#ff000000"/><rect x="1" y="1" width="2" height="2" fill="#f00f"/>`), Box{1, 1, 2, 2}},
		{"inherited fill none", svg100(`<g fill="none"><rect width="100" height="100"/><rect x="1" y="1" width="2" height="2" fill="red"/></g>`), Box{1, 1, 2, 2}},
		{"display none and opacity 0", svg100(`<rect width="100" height="100" style="display:none"/><rect width="90" height="90" opacity="0"/><rect x="5" y="5" width="5" height="5"/>`), Box{5, 5, 5, 5}},
		{"defs not drawn", svg100(`<defs><rect id="r" width="50" height="50"/></defs><rect x="1" y="1" width="1" height="1"/>`), Box{1, 1, 1, 1}},
		{"use of a local fragment", svg100(`<defs><rect id="r" width="10" height="10"/></defs><use xlink:href="#r" x="20" y="30"/>`), Box{20, 30, 10, 10}},
		{"use of a symbol", svg100(`<symbol id="s" viewBox="0 0 10 10"><rect width="10" height="10"/></symbol><use href="#s" x="10" y="10" width="20" height="20"/>`), Box{10, 10, 20, 20}},
		{"clip path", svg100(`<clipPath id="c"><rect x="10" y="10" width="20" height="20"/></clipPath><g clip-path="url(#c)"><rect width="100" height="100"/></g>`), Box{10, 10, 20, 20}},
		{"clip path under transform", svg100(`<clipPath id="c"><rect width="10" height="10"/></clipPath><g transform="translate(50 50)"><rect clip-path="url(#c)" width="100" height="100"/></g>`), Box{50, 50, 10, 10}},
		{"mask", svg100(`<mask id="m"><rect x="20" y="20" width="10" height="10" fill="#fff"/></mask><rect mask="url(#m)" width="100" height="100"/>`), Box{20, 20, 10, 10}},
		{"drop shadow widens", svg100(`<filter id="f"><feOffset dx="2" dy="4"/><feGaussianBlur stdDeviation="1"/><feFlood/><feComposite operator="in" in2="SourceAlpha"/></filter><rect x="40" y="40" width="20" height="20" filter="url(#f)"/>`), Box{38, 38, 24, 24}},
		{"flood fills the filter region", svg100(`<filter id="f" filterUnits="userSpaceOnUse" x="10" y="10" width="80" height="80"><feFlood/></filter><rect x="40" y="40" width="20" height="20" filter="url(#f)"/>`), Box{10, 10, 80, 80}},
		{"transparent flood fills nothing", svg100(`<filter id="f" filterUnits="userSpaceOnUse" x="10" y="10" width="80" height="80"><feFlood flood-opacity="0"/><feBlend in="SourceGraphic"/></filter><rect x="40" y="40" width="20" height="20" filter="url(#f)"/>`), Box{40, 40, 20, 20}},
		{"switch draws its first child", svg100(`<switch><g><rect width="10" height="10"/></g><g><rect width="90" height="90"/></g></switch>`), Box{0, 0, 10, 10}},
		{"nested svg clips", svg100(`<svg x="10" y="10" width="20" height="20" viewBox="0 0 10 10"><rect width="100" height="5"/></svg>`), Box{10, 10, 20, 10}},
		{"percent lengths", svg100(`<rect width="100%" height="50%"/>`), Box{0, 0, 100, 50}},
		{"clipped by the viewBox", svg100(`<rect x="-50" y="90" width="200" height="50"/>`), Box{0, 90, 100, 10}},
		{"image", svg100(`<image x="5" y="5" width="10" height="20" href="data:image/png;base64,AA=="/>`), Box{5, 5, 10, 20}},
		{"size without viewBox", `<svg xmlns="http://www.w3.org/2000/svg" width="50px" height="20"><rect x="5" width="10" height="10"/></svg>`, Box{5, 0, 10, 10}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got, _, err := Measure([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if !near(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func near(a, b Box) bool {
	const eps = 1e-6
	return math.Abs(a.X-b.X) < eps && math.Abs(a.Y-b.Y) < eps && math.Abs(a.W-b.W) < eps && math.Abs(a.H-b.H) < eps
}

func TestMeasureFails(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"text", svg100(`<text x="10" y="10">Knative</text>`), "contains text"},
		{"nothing painted", svg100(`<rect width="10" height="10" fill="none"/>`), "paints nothing"},
		{"no size", `<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>`, "neither a viewBox"},
		{"outside the viewBox", svg100(`<rect x="200" width="1" height="1"/>`), "nothing inside its viewBox"},
		{"use bomb", svg100(`<g id="a"><use href="#a"/></g>`), ""},
		{"clip path clipped by itself", svg100(`<clipPath id="c"><rect width="5" height="5" clip-path="url(#c)"/></clipPath><rect width="9" height="9" clip-path="url(#c)"/>`), "deeper than"},
		{"mask masked by itself", svg100(`<mask id="m"><rect width="5" height="5" mask="url(#m)"/></mask><rect width="9" height="9" mask="url(#m)"/>`), "deeper than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := Measure([]byte(tc.in))
			if tc.want == "" {
				return // must only terminate
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestCrop(t *testing.T) {
	for _, tc := range []struct {
		name, in, wantViewBox string
		cropped               bool
	}{
		{"padding removed with an even margin", svg100(`<rect x="10" y="20" width="50" height="25"/>`), `viewBox="9 19 52 27"`, true},
		{"full bleed gets the margin too", `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="200" height="100"/></svg>`, `viewBox="-4 -4 208 108"`, true},
		{"viewBox made from width and height", `<svg xmlns="http://www.w3.org/2000/svg" width="104" height="52"><rect x="2" y="2" width="100" height="48"/></svg>`, `viewBox="0 0 104 52"`, false},
		{"edge cut by the viewBox stays", svg100(`<rect x="-10" y="40" width="60" height="20"/>`), `viewBox="0 39 51 22"`, true},
		{"text keeps its viewBox", svg100(`<text>Knative</text>`), `viewBox="0 0 100 100"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, cropped, _ := Crop([]byte(tc.in))
			root, _, _ := strings.Cut(string(out), ">")
			if !strings.Contains(root, tc.wantViewBox) || strings.Contains(root, "width=") {
				t.Errorf("got %q, want %s", out, tc.wantViewBox)
			}
			if cropped != tc.cropped {
				t.Errorf("got cropped %v, want %v", cropped, tc.cropped)
			}
			again, cropped2, _ := Crop(out)
			if string(again) != string(out) || cropped2 {
				t.Errorf("cropping twice: got %q, want %q", again, out)
			}
		})
	}
}

// useAndStyleSeeds are logos of <use> references and style rules, small
// versions of the bombs in uses_test.go and budget_test.go, for the
// fuzzers to grow.
var useAndStyleSeeds = []string{
	useTree(3, 3),
	useChain(4),
	svg100(`<g id="a"><rect width="5" height="5"/><use href="#a" x="5"/></g>`),
	svg100(`<g id="a"><use href="#b"/></g><g id="b"><use xlink:href="#a" transform="scale(2)"/><rect width="1" height="1"/></g>`),
	svg100(`<symbol id="s" viewBox="0 0 10 10"><rect class="st0" width="10" height="10"/></symbol><use href="#s" x="10" width="20" height="20"/>`),
	svg100(`<style>.st0{fill:none}.st1{fill:red} rect.st1{stroke:#000;stroke-width:3} #r{display:none} g > .st1, *{opacity:1}@media all{.st2{fill:blue}}</style><g class="st1"><rect id="r" class="st0 st1" width="9" height="9"/><rect class="st1 st2" x="20" width="9" height="9"/></g>`),
	svg100(`<clipPath id="c"><use href="#r"/></clipPath><rect id="r" clip-path="url(#c)" width="10" height="10"/><use href="#r" x="20" clip-path="url(#c)"/>`),
	svg100(`<filter id="f"><feOffset dx="2"/><feGaussianBlur stdDeviation="1"/></filter><defs><path id="p" d="M0 0h10v10z"/></defs><use href="#p" filter="url(#f)"/><use href="#p" x="30" style="fill:none;stroke:red"/>`),
}

func FuzzCrop(f *testing.F) {
	for _, tc := range sanitizeCases {
		f.Add([]byte(tc.in))
	}
	for _, d := range []string{"M10 10L20 30h10v-5H15V5z", "M30 50a20 20 0 1 0 40 0", "M.5.5l10-.5.5 10", "M10 50Q50 10 90 50T170 50"} {
		f.Add([]byte(svg100(fmt.Sprintf(`<path d="%s" transform="rotate(30) scale(2)"/>`, d))))
	}
	for _, s := range useAndStyleSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, _, err := Crop(in)
		if out == nil {
			return
		}
		if _, perr := parseSVG(out); perr != nil {
			t.Fatalf("output %q does not parse: %v (crop error %v)", out, perr, err)
		}
		checkSanitized(t, out) // a cropped logo is still a sanitized one, <use> budget included
	})
}

// TestMeasureNestedMedia must finish quickly: nested @media blocks are
// scanned once per level, so their depth is bounded.
func TestMeasureNestedMedia(t *testing.T) {
	css := strings.Repeat("@media all{", 200000) + ".a{fill:none}" + strings.Repeat("}", 200000)
	_, got, _, err := Measure([]byte(svg100(`<style>` + css + `</style><rect class="a" width="10" height="10"/><rect x="1" width="1" height="1"/>`)))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Box{1, 0, 1, 1}); got == want {
		t.Errorf("got %v, want the deeply nested rule ignored", got)
	}
}

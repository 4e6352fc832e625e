package logos

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// TestCropIndexesStyleRules crops a logo shaped like an Illustrator export
// at its worst: thousands of class rules, each element with its own class.
// Matching every element against the whole sheet would take 9 million
// selector tests, far over the work budget; the index makes it one each.
func TestCropIndexesStyleRules(t *testing.T) {
	var css, body strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&css, ".st%d{fill:#%06x}", i, i)
		fmt.Fprintf(&body, `<rect class="st%d" x="%d" y="10" width="1" height="1"/>`, i, 10+i%80)
	}
	css.WriteString("rect.none{fill:none}#big{fill:none}")
	in := svg100(`<style>` + css.String() + `</style>` + body.String() + `<rect id="big" class="st1" width="100" height="100"/>`)
	r := NewProcessor(Options{Dir: fstest.MapFS{"a.svg": {Data: []byte(in)}}, WarnBytes: -1}).Process(t.Context(), "a.svg")
	if r.Missing || !r.Cropped || len(r.Problems) != 0 {
		t.Fatalf("got missing %v cropped %v problems %v crop error %q, want a cropped logo", r.Missing, r.Cropped, r.Problems, r.CropError)
	}
	if !strings.Contains(string(r.Data), `viewBox="8.4 8.4 83.2 4.2"`) {
		t.Errorf("got %.200s, want the box of the small rects (the big one has fill:none by its id)", r.Data)
	}
}

// cropBombs are logos whose measuring work multiplies: each must stop at
// the work budget, and be served uncropped with a warning.
var cropBombs = map[string]string{
	"style rules times elements": svg100(`<style>` + strings.Repeat(`.a{fill:red}`, 3000) + `</style>` +
		strings.Repeat(`<rect class="a" width="1" height="1"/>`, 3000)),
	"clip content times references": svg100(`<clipPath id="c">` + strings.Repeat(`<rect width="1" height="1"/>`, 1500) + `</clipPath>` +
		strings.Repeat(`<rect clip-path="url(#c)" width="1" height="1"/>`, 1500)),
	"a long path times uses": svg100(`<defs><path id="p" d="M0 0` + strings.Repeat(` 1 1`, 50000) + `"/></defs>` +
		strings.Repeat(`<use href="#p"/>`, 1000)),
	"filter primitives times elements": svg100(`<filter id="f">` + strings.Repeat(`<feOffset dx="1"/>`, 2000) + `</filter>` +
		strings.Repeat(`<rect filter="url(#f)" width="1" height="1"/>`, 2000)),
	"clip paths clipped by themselves": svg100(`<clipPath id="c"><rect width="5" height="5" clip-path="url(#c)"/><rect width="5" height="5" clip-path="url(#c)"/></clipPath><rect width="9" height="9" clip-path="url(#c)"/>`),
}

// TestCropBudget crops each bomb with a tenth of the real budget: the
// stop is the same, and each step is ten times slower under -race.
// (TestCorpusProcess shows that real logos fit the real budget.)
func TestCropBudget(t *testing.T) {
	const work = maxCropWork / 10
	for name, in := range cropBombs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			p := NewProcessor(Options{Dir: fstest.MapFS{"a.svg": {Data: []byte(in)}}, WarnBytes: -1})
			p.cropWork = work
			r := p.Process(t.Context(), "a.svg")
			want := fmt.Sprintf("was not cropped: it needs more than %d steps to measure; its viewBox is kept (simplify the drawing)", work)
			if strings.Contains(name, "themselves") {
				want = "was not cropped: it nests elements and references deeper than 512; its viewBox is kept (simplify the drawing)"
			}
			if r.Missing || r.Cropped || len(r.Problems) != 1 || r.Problems[0] != (Problem{diag.Warning, want}) {
				t.Fatalf("got missing %v cropped %v problems %v, want the logo uncropped with the warning %q", r.Missing, r.Cropped, r.Problems, want)
			}
			if !strings.Contains(string(r.Data), `viewBox="0 0 100 100"`) {
				t.Errorf("got %.100s, want the logo's own viewBox", r.Data)
			}
			t.Logf("stopped after %v", time.Since(start))
		})
	}
}

// TestCropDeadline stops a measurement by the clock, and checks that the
// outcome, which depends on the machine's load, is not kept on disk.
func TestCropDeadline(t *testing.T) {
	in := svg100(strings.Repeat(`<rect width="1" height="1"/>`, 2000))
	cache := t.TempDir()
	p := NewProcessor(Options{Dir: fstest.MapFS{"a.svg": {Data: []byte(in)}}, CacheDir: cache, CacheKey: testKey})
	p.cropTimeout = time.Nanosecond
	r := p.Process(t.Context(), "a.svg")
	if r.Missing || r.Cropped || len(r.Problems) != 1 || !strings.Contains(r.Problems[0].Message, "was not cropped: it takes longer than 1ns to measure") {
		t.Fatalf("got missing %v cropped %v problems %v, want the logo uncropped with a warning", r.Missing, r.Cropped, r.Problems)
	}
	if n := len(readPack(filepath.Join(cache, "logos", "processed-"+processorVersion+".gob"))); n != 0 {
		t.Errorf("got %d entries in the disk cache, want none: a later build must try again", n)
	}
	if r := NewProcessor(Options{Dir: fstest.MapFS{"a.svg": {Data: []byte(in)}}, CacheDir: cache, CacheKey: testKey}).Process(t.Context(), "a.svg"); !r.Cropped {
		t.Errorf("next build: got cropped %v problems %v, want it cropped", r.Cropped, r.Problems)
	}
}

package logos

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/race"
)

var corporaDir = filepath.Join("..", "..", "..", "shared", "corpora")

// raceSample is the share of the corpus logos the corpus-wide tests take
// under the race detector: enough for the processor's concurrency to be
// checked, while the whole corpora are checked without it (make test).
const raceSample = 40

// corpusSample is corpusLogos, one logo in raceSample under the race
// detector.
func corpusSample(tb testing.TB, corpora ...string) []string {
	files := corpusLogos(tb, corpora...)
	if !race.Enabled {
		return files
	}
	var out []string
	for i := 0; i < len(files); i += raceSample {
		out = append(out, files[i])
	}
	return out
}

// skipUnderRace skips a corpus-wide test with no concurrency of its own
// under the race detector; make test runs it without.
func skipUnderRace(t *testing.T) {
	if race.Enabled {
		t.Skip("a sequential loop over the corpora: run without -race (make test does)")
	}
}

// corpusLogos lists the SVG files of both corpora, skipping when absent.
func corpusLogos(tb testing.TB, corpora ...string) []string {
	tb.Helper()
	if len(corpora) == 0 {
		corpora = []string{"serverless", "cncf-full"}
	}
	var files []string
	for _, c := range corpora {
		m, _ := filepath.Glob(filepath.Join(corporaDir, c, "hosted_logos", "*"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		tb.Skipf("no corpus logos under %s (the shared corpora are not on this machine)", corporaDir)
	}
	return files
}

var forbidden = regexp.MustCompile(`(?i)<script|<foreignObject|\son[a-z]+\s*=|javascript:|@import|<!DOCTYPE|<!ENTITY|<!--|url\(\s*["']?(https?:)?//|href="(https?:)?//`)

// TestCorpusProcess runs every logo of both corpora through a Processor
// (which checks and sanitizes each before cropping it): every logo that is
// not missing must come out as an SVG that keeps its namespace, carries
// nothing forbidden, and that the sanitizer leaves as it is.
func TestCorpusProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("processes every corpus logo; skipped with -short")
	}
	for _, corpus := range []string{"serverless", "cncf-full"} {
		files := corpusSample(t, corpus)
		dir := filepath.Dir(files[0])
		var refs []string
		for _, f := range files {
			refs = append(refs, filepath.Base(f))
		}
		p := NewProcessor(Options{Dir: os.DirFS(dir)})
		for ref, r := range p.ProcessAll(t.Context(), refs) {
			if r.Missing {
				t.Errorf("%s: missing: %v", ref, r.Problems)
				continue
			}
			if !strings.HasPrefix(string(r.Data), `<svg xmlns="http://www.w3.org/2000/svg"`) {
				t.Errorf("%s: output starts %q", ref, shorten(string(r.Data)))
			}
			if m := forbidden.Find(r.Data); m != nil {
				t.Errorf("%s: output contains %q", ref, m)
			}
			// The minifier may write an attribute in other quotes, so
			// sanitizing once may change bytes; twice, nothing more.
			if once, err := Sanitize(r.Data); err != nil {
				t.Errorf("%s: output does not parse: %v", ref, err)
			} else if twice, err := Sanitize(once); err != nil || string(twice) != string(once) {
				t.Errorf("%s: sanitizing the output twice changed it again (%v)", ref, err)
			}
			if r.Ratio <= 0 || r.File == "" {
				t.Errorf("%s: ratio %v, file %q", ref, r.Ratio, r.File)
			}
			for _, pr := range r.Problems {
				if strings.Contains(pr.Message, "<use>") || strings.Contains(pr.Message, "was not cropped") {
					t.Errorf("%s: a limit meant for hostile logos stopped a real one: %s", ref, pr)
				}
			}
		}
	}
}

// TestCorpusChecks counts the cncf-full logos each check flags, against
// the known cases of the corpus (its README; opencv.svg's <text> is
// commented out, so 26 logos with text rather than 27).
func TestCorpusChecks(t *testing.T) {
	skipUnderRace(t)
	kinds := map[string]string{
		"embeds a raster image":          "raster",
		"contains text":                  "text",
		"declares encoding":              "encoding",
		"is a PNG image":                 "png file",
		"imports external CSS":           "external",
		"loads a font":                   "external",
		"refers to an external resource": "external",
		"contains <foreignObject>":       "foreignObject",
		"slow down every page":           "large",
		"is not a readable SVG":          "unreadable",
		"has no <svg> root element":      "unreadable",
		"has an event handler attribute": "active",
		"contains <script>":              "active",
		"has a javascript: URL":          "active",
	}
	got := map[string]int{}
	for _, f := range corpusLogos(t, "cncf-full") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		flagged := map[string]bool{}
		for _, p := range Check(data) {
			for prefix, kind := range kinds {
				if strings.Contains(p.Message, prefix) {
					flagged[kind] = true
				}
			}
		}
		for k := range flagged {
			got[k]++
		}
	}
	want := map[string]int{"raster": 48, "text": 26, "encoding": 1, "png file": 3, "external": 11, "foreignObject": 18, "large": 33}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("logos flagged per check (-want +got):\n%s", diff)
	}
}

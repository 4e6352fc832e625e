package logos

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
	if !raceEnabled {
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
	if raceEnabled {
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

// TestCorpusSanitize sanitizes every real logo: none may panic, every
// output must parse as SVG, no forbidden construct may survive, and
// sanitizing again must change nothing.
func TestCorpusSanitize(t *testing.T) {
	if testing.Short() {
		t.Skip("sanitizes every corpus logo twice; skipped with -short")
	}
	skipUnderRace(t)
	for _, f := range corpusLogos(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		Check(data)
		out, err := Sanitize(data)
		if err != nil {
			if rasterKind(data) == "" {
				t.Errorf("%s: %v", f, err)
			}
			continue
		}
		if m := forbidden.Find(out); m != nil {
			t.Errorf("%s: output contains %q", f, m)
		}
		again, err := Sanitize(out)
		if err != nil {
			t.Errorf("%s: output does not parse: %v", f, err)
		} else if string(again) != string(out) {
			t.Errorf("%s: sanitizing twice changed the output", f)
		}
	}
}

// TestCorpusProcess runs every logo of both corpora through a Processor:
// every logo that is not missing must come out as an SVG that parses,
// keeps its namespace and carries nothing forbidden.
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
			if _, err := parseSVG(r.Data); err != nil {
				t.Errorf("%s: output does not parse: %v", ref, err)
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

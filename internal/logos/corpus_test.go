package logos

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var corporaDir = filepath.Join("..", "..", "..", "shared", "corpora")

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
	for _, corpus := range []string{"serverless", "cncf-full"} {
		files := corpusLogos(t, corpus)
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
		}
	}
}

package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestLinksCommand runs landscape links --fix end to end against an
// httptest server: the dead link fails the run, the move is rewritten in
// place, the report is written, and a second run makes no request.
func TestLinksCommand(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		switch r.URL.Path {
		case "/ok", "/new":
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := filepath.Join(dir, "landscape.yml")
	yml := "landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n" +
		"          - name: A\n            homepage_url: " + srv.URL + "/ok\n            logo: a.svg\n            repo_url: " + srv.URL + "/old # moved\n" +
		"          - name: B\n            homepage_url: " + srv.URL + "/gone\n            logo: b.svg\n"
	if err := os.WriteFile(data, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	summary := filepath.Join(dir, "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	args := []string{"links", "--data", data, "--cache-dir", filepath.Join(dir, "cache"), "--summary", summary, "--fix", "--format", "github"}
	var out, errs bytes.Buffer
	if code := run(context.Background(), args, &out, &errs); code != 1 {
		t.Fatalf("exit %d, want 1 (a dead link)\n%s%s", code, out.String(), errs.String())
	}
	if !strings.Contains(out.String(), "::error file="+data+",line=13,col=27,title=links::item \"B\": homepage_url: "+srv.URL+"/gone is dead: Not Found") {
		t.Errorf("no annotation for the dead link:\n%s", out.String())
	}
	got, _ := os.ReadFile(data)
	if want := strings.Replace(yml, "/old # moved", "/new # moved", 1); string(got) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	if md, _ := os.ReadFile(summary); !strings.Contains(string(md), "| dead | 1 |") {
		t.Errorf("summary:\n%s", md)
	}
	before := requests.Load()
	out.Reset()
	errs.Reset()
	run(context.Background(), args[:len(args)-3], &out, &errs) // without --fix: the cache answers
	if n := requests.Load() - before; n != 0 {
		t.Errorf("second run made %d requests, want none:\n%s", n, errs.String())
	}
	if !strings.Contains(out.String(), "/gone is dead") {
		t.Errorf("second run lost the dead link:\n%s", out.String())
	}
}

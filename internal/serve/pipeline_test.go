package serve

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/templates"
)

const pipelineData = `landscape:
  - category:
    name: Serverless
    subcategories:
      - subcategory:
        name: Framework
        items:
          - item:
            name: Alpha
            description: DESC
            homepage_url: https://alpha.example
            logo: alpha.svg
          - item:
            name: Beta
            homepage_url: https://beta.example
            logo: alpha.svg
`

// incremental serves a site built by the real pipeline, as the command does.
func incremental(o build.Options) BuildFunc {
	inc := build.New(o).Incremental()
	inc.RejectNew = true
	return func(ctx context.Context, changed []string) Outcome {
		var ch build.Change
		if changed != nil {
			ch = inc.Classify(changed)
		}
		rep, err := inc.Rebuild(ctx, ch)
		out := Outcome{Written: len(rep.Written) + len(rep.Removed), Problems: rep.Diags, Err: err}
		if err == nil {
			out.BasePath = rep.Site.Settings.BasePath
		}
		return out
	}
}

// TestServePipeline runs the server over the real incremental build: an
// edit reloads with the new content, a broken landscape.yml keeps the last
// good site and reports its line, the fix recovers, and the built files
// never contain the reload script.
func TestServePipeline(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "landscape.yml")
	settings := filepath.Join(dir, "settings.yml")
	write(t, data, strings.Replace(pipelineData, "DESC", "First words.", 1))
	write(t, settings, "name: Test Landscape\nbase_path: /landscape/\n")
	write(t, filepath.Join(dir, "logos", "alpha.svg"), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect x="2" y="2" width="16" height="6" fill="#06c"/></svg>`)
	o := build.Options{DataFile: data, SettingsFile: settings, LogosDir: filepath.Join(dir, "logos"),
		OutDir: filepath.Join(dir, "site"), Offline: true, Templates: templates.FS}
	s := start(t, Options{Dir: o.OutDir, Watch: []string{data, settings, o.LogosDir}, Build: incremental(o)})

	if !strings.HasSuffix(s.URL(), "/landscape/") {
		t.Fatalf("URL: got %q, want it to end with the base path /landscape/", s.URL())
	}
	if code, body := get(t, s.URL()+"items/alpha.html"); code != 200 || !strings.Contains(body, "First words.") {
		t.Fatalf("GET items/alpha.html: got %d, want 200 with the description", code)
	}
	res, err := http.Get(s.URL() + "data/items.json")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("data/items.json Content-Type: got %q, want %q", ct, "application/json")
	}
	events := subscribe(t, s)
	nextStatus(t, events)

	write(t, data, strings.Replace(pipelineData, "DESC", "Second words.", 1))
	next(t, events, "reload")
	if _, body := get(t, s.URL()+"items/alpha.html"); !strings.Contains(body, "Second words.") {
		t.Errorf("GET items/alpha.html after the edit: want the new description")
	}

	write(t, data, strings.Replace(pipelineData, "DESC", "[unclosed", 1))
	st := nextStatus(t, events)
	for !st.Failed {
		st = nextStatus(t, events)
	}
	at := regexp.MustCompile(`^` + regexp.QuoteMeta(data) + `:(9|10)\b`)
	if len(st.Problems) == 0 || !at.MatchString(st.Problems[0].Where) {
		t.Errorf("problems: got %+v, want one at the broken line of %s", st.Problems, data)
	}
	if _, body := get(t, s.URL()+"items/alpha.html"); !strings.Contains(body, "Second words.") {
		t.Errorf("GET items/alpha.html with broken data: want the last good page")
	}

	// A valid file with a new error (a logo that does not exist) is not
	// built either.
	write(t, data, strings.Replace(strings.Replace(pipelineData, "DESC", "Not shown.", 1), "logo: alpha.svg", "logo: gone.svg", 1))
	st = nextStatus(t, events)
	for len(st.Problems) == 0 || !strings.Contains(st.Problems[0].Message, "gone.svg") {
		st = nextStatus(t, events)
	}
	if !st.Failed || !strings.HasPrefix(st.Problems[0].Where, data+":12:") {
		t.Errorf("status: got %+v, want failed with the missing logo at %s:12", st, data)
	}
	if _, body := get(t, s.URL()+"items/alpha.html"); !strings.Contains(body, "Second words.") {
		t.Errorf("GET items/alpha.html with a new error: want the last good page")
	}

	write(t, data, strings.Replace(pipelineData, "DESC", "Third words.", 1))
	next(t, events, "reload")
	if st := nextStatus(t, events); st.Failed || len(st.Problems) != 0 {
		t.Errorf("status after the fix: got %+v, want no problems", st)
	}
	if _, body := get(t, s.URL()+"items/alpha.html"); !strings.Contains(body, "Third words.") {
		t.Errorf("GET items/alpha.html after the fix: want the new description")
	}

	err = filepath.WalkDir(o.OutDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if strings.Contains(string(b), devPrefix) {
			t.Errorf("%s contains the reload script: it must only be added when served", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestServeStartsBroken starts with a landscape.yml that cannot be built:
// the server still starts, every page says why (the overlay needs a page
// to sit on), and fixing the file brings the site.
func TestServeStartsBroken(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "landscape.yml")
	write(t, data, "landscape: [unclosed\n")
	o := build.Options{DataFile: data, LogosDir: filepath.Join(dir, "logos"), OutDir: filepath.Join(dir, "site"), Offline: true, Templates: templates.FS}
	s := start(t, Options{Dir: o.OutDir, Watch: []string{data, o.LogosDir}, Build: incremental(o)})

	code, body := get(t, s.URL())
	if code != http.StatusNotFound || !strings.Contains(body, devPrefix+"reload.js") {
		t.Errorf("GET / before any good build: got %d %q, want 404 with the reload script", code, body)
	}
	events := subscribe(t, s)
	if st := nextStatus(t, events); !st.Failed || len(st.Problems) == 0 || !strings.HasPrefix(st.Problems[0].Where, data+":") {
		t.Errorf("status: got %+v, want failed with a problem in %s", st, data)
	}
	write(t, data, strings.Replace(pipelineData, "DESC", "Now it builds.", 1))
	next(t, events, "reload")
	if code, body := get(t, s.URL()+"items/alpha.html"); code != 200 || !strings.Contains(body, "Now it builds.") {
		t.Errorf("GET items/alpha.html after the fix: got %d, want 200 with the description", code)
	}
}

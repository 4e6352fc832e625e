package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/templates"
)

// incData is a small landscape; {DESC} and {MORE} are replaced per step.
const incData = `landscape:
  - category:
    name: Serverless
    subcategories:
      - subcategory:
        name: Framework
        items:
          - item:
            name: Alpha
            description: {DESC}
            homepage_url: https://alpha.example
            repo_url: https://github.com/example/alpha
            logo: a.svg
          - item:
            name: Beta
            homepage_url: https://beta.example
            logo: ./b.svg
{MORE}`

const incGamma = `          - item:
            name: Gamma
            homepage_url: https://gamma.example
            repo_url: https://github.com/example/gamma
            logo: a.svg
`

var incDelta = strings.NewReplacer("Gamma", "Delta", "gamma", "delta").Replace(incGamma)

type incFixture struct {
	dir  string
	o    Options
	inc  *Incremental
	tmpl fstest.MapFS
}

func newIncFixture(t *testing.T) *incFixture {
	t.Helper()
	dir := t.TempDir()
	f := &incFixture{dir: dir, tmpl: fstest.MapFS{}}
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templates.FS, p)
		f.tmpl[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	f.writeData(t, "A function framework.", incGamma)
	f.writeFile(t, "logos/a.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect x="2" y="2" width="16" height="6" fill="#06c"/></svg>`)
	f.writeFile(t, "logos/b.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#c60"/></svg>`)
	f.o = Options{DataFile: filepath.Join(dir, "landscape.yml"), LogosDir: filepath.Join(dir, "logos"),
		OutDir: filepath.Join(dir, "public"), Offline: true, Templates: f.tmpl, NoPoster: true} // serve leaves the posters out
	f.inc = New(f.o).Incremental()
	return f
}

func (f *incFixture) writeFile(t *testing.T, name, data string) {
	t.Helper()
	p := filepath.Join(f.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (f *incFixture) writeData(t *testing.T, desc, more string) {
	t.Helper()
	f.writeFile(t, "landscape.yml", strings.NewReplacer("{DESC}", desc, "{MORE}", more).Replace(incData))
}

func (f *incFixture) rebuild(t *testing.T, ch Change) Report {
	t.Helper()
	rep, err := f.inc.Rebuild(context.Background(), ch)
	if err != nil {
		t.Fatalf("rebuild: %v\n%v", err, rep.Diags)
	}
	return rep
}

// checkSameAsBuild compares the incrementally built folder with a full build
// of the same inputs: every file must be byte for byte the same.
func (f *incFixture) checkSameAsBuild(t *testing.T) {
	t.Helper()
	o := f.o
	o.OutDir = filepath.Join(t.TempDir(), "full")
	res, err := Build(context.Background(), o)
	if err != nil {
		t.Fatalf("full build: %v", err)
	}
	// The problems too, but for GitHub's, said once by the build that first
	// asks about a repository.
	rep := f.rebuild(t, Change{Data: true})
	if diff := cmp.Diff(dataDiags(res.Diags), dataDiags(rep.Diags)); diff != "" {
		t.Errorf("incremental problems differ from a full build's (-full +incremental):\n%s", diff)
	}
	want, got := readTree(t, o.OutDir), readTree(t, f.o.OutDir)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("incremental output differs from a full build (-full +incremental):\n%s", diff)
	}
}

func dataDiags(l diag.List) []string {
	var out []string
	for _, d := range l {
		if d.File != "github" && d.Field != "repo_url" {
			out = append(out, d.String())
		}
	}
	return out
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestIncrementalRebuild(t *testing.T) {
	f := newIncFixture(t)
	first := f.rebuild(t, Change{})
	if !first.Full || len(first.Written) == 0 || first.Processed != 2 || first.Fetched != 2 {
		t.Fatalf("first build: got %v, want a full build that processes 2 logos and asks for 2 repositories", first)
	}
	f.checkSameAsBuild(t)

	t.Run("unchanged data writes nothing", func(t *testing.T) {
		rep := f.rebuild(t, Change{Data: true})
		if rep.Full || len(rep.Written) != 0 || rep.Processed != 0 || rep.Fetched != 0 {
			t.Errorf("got %v, want nothing done", rep)
		}
	})
	t.Run("description edit", func(t *testing.T) {
		f.writeData(t, "A framework for <functions>.", incGamma)
		rep := f.rebuild(t, Change{Data: true})
		// the search index reads descriptions: a new one replaces the old
		want := []string{"assets/landscape.HASH.json", "assets/search.HASH.json", "data/items.json", "index.html", "items.csv", "items/alpha.html", "items/alpha.json"}
		if diff := cmp.Diff(want, unhashed(sorted(rep.Written))); diff != "" {
			t.Errorf("written (-want +got):\n%s", diff)
		}
		if rep.Full || rep.Processed != 0 || rep.Fetched != 0 {
			t.Errorf("got %v, want no full render, no logo processed, no repository asked", rep)
		}
		f.checkSameAsBuild(t)
	})
	t.Run("logo edit", func(t *testing.T) {
		f.writeFile(t, "logos/b.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="3" fill="#0c6"/></svg>`)
		rep := f.rebuild(t, Change{Logos: []string{"b.svg"}})
		if rep.Processed != 1 {
			t.Errorf("processed %d logos, want only the changed one", rep.Processed)
		}
		var logos []string
		for _, r := range rep.Removed {
			if strings.HasPrefix(r, "logos/") {
				logos = append(logos, r)
			}
		}
		if len(logos) != 2 || !strings.HasSuffix(logos[0], ".png") || !strings.HasSuffix(logos[1], ".svg") {
			t.Errorf("removed %q, want the old logo's SVG and raster", rep.Removed)
		}
		f.checkSameAsBuild(t)
	})
	t.Run("unknown change reprocesses every logo", func(t *testing.T) {
		rep := f.rebuild(t, Change{Other: true})
		if !rep.Full || rep.Processed != 2 || len(rep.Written) != 0 {
			t.Errorf("got %v, want a full rebuild that processes both logos and writes nothing new", rep)
		}
	})
	t.Run("item removed", func(t *testing.T) {
		f.writeData(t, "A framework for <functions>.", "")
		rep := f.rebuild(t, Change{Data: true})
		if !rep.Full || !slices.Contains(rep.Removed, "items/gamma.html") || rep.Fetched != 0 {
			t.Errorf("got %v removing %q, want a full render that removes gamma's page", rep, rep.Removed)
		}
		f.checkSameAsBuild(t)
	})
	t.Run("item added with a new repository", func(t *testing.T) {
		f.writeData(t, "A framework for <functions>.", incDelta)
		rep := f.rebuild(t, Change{Data: true})
		if !slices.Contains(rep.Written, "items/delta.html") || rep.Fetched != 1 {
			t.Errorf("got %v writing %q, want delta's page and one repository asked", rep, rep.Written)
		}
		f.checkSameAsBuild(t)
	})
	t.Run("invalid data keeps the site", func(t *testing.T) {
		before := readTree(t, f.o.OutDir)
		f.writeFile(t, "landscape.yml", "landscape: [unclosed\n")
		if _, err := f.inc.Rebuild(context.Background(), Change{Data: true}); err == nil {
			t.Fatal("rebuild of invalid YAML succeeded")
		}
		if diff := cmp.Diff(before, readTree(t, f.o.OutDir)); diff != "" {
			t.Errorf("a failed rebuild changed the site:\n%s", diff)
		}
		f.writeData(t, "Fixed.", incDelta)
		rep := f.rebuild(t, Change{Data: true})
		if rep.Full {
			t.Errorf("got %v, want only what the fix changed compared with the last good build", rep)
		}
		f.checkSameAsBuild(t)
	})
	t.Run("changes of a failed rebuild are built by the next", func(t *testing.T) {
		f.writeFile(t, "logos/b.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="2" fill="#60c"/></svg>`)
		f.writeFile(t, "landscape.yml", "landscape: [unclosed\n")
		if _, err := f.inc.Rebuild(context.Background(), Change{Data: true, Logos: []string{"b.svg"}}); err == nil {
			t.Fatal("rebuild of invalid YAML succeeded")
		}
		f.writeData(t, "Fixed.", incDelta)
		rep := f.rebuild(t, Change{Data: true})
		if rep.Processed != 1 {
			t.Errorf("processed %d logos, want the one changed during the failed rebuild", rep.Processed)
		}
		f.checkSameAsBuild(t)
	})
	t.Run("strict stops on a data error before writing", func(t *testing.T) {
		before := readTree(t, f.o.OutDir)
		f.inc.b.Strict = true
		defer func() { f.inc.b.Strict = false }()
		f.writeData(t, "Fixed.", strings.Replace(incDelta, "logo: a.svg", "logo: missing.svg", 1))
		rep, err := f.inc.Rebuild(context.Background(), Change{Data: true})
		if !errors.Is(err, ErrProblems) || !rep.Diags.HasErrors() {
			t.Fatalf("got %v with %v, want ErrProblems and the missing logo", err, rep.Diags)
		}
		if diff := cmp.Diff(before, readTree(t, f.o.OutDir)); diff != "" {
			t.Errorf("a stopped rebuild changed the site:\n%s", diff)
		}
		f.writeData(t, "Fixed.", incDelta)
	})
	t.Run("new errors keep the last good site", func(t *testing.T) {
		missing := strings.Replace(incDelta, "logo: a.svg", "logo: missing.svg", 1)
		f.writeData(t, "Fixed.", missing)
		f.rebuild(t, Change{Data: true}) // the error stands in the last good build
		f.checkSameAsBuild(t)
		f.inc.RejectNew = true
		defer func() { f.inc.RejectNew = false }()
		// The standing error, moved down a line, does not stop a rebuild.
		f.writeData(t, "Fixed.\n            crunchbase: https://www.crunchbase.com/organization/alpha", missing)
		if rep, err := f.inc.Rebuild(context.Background(), Change{Data: true}); err != nil {
			t.Fatalf("rebuild without new errors: %v\n%v", err, rep.Diags)
		}
		before := readTree(t, f.o.OutDir)
		text := strings.NewReplacer("{DESC}", "Fixed.", "{MORE}", missing).Replace(incData)
		f.writeFile(t, "landscape.yml", strings.Replace(text, "logo: ./b.svg", "logo: gone.svg", 1))
		rep, err := f.inc.Rebuild(context.Background(), Change{Data: true})
		if !errors.Is(err, ErrProblems) || rep.Diags.Errors() != 2 {
			t.Fatalf("got %v with %v, want ErrProblems and both missing logos", err, rep.Diags)
		}
		if diff := cmp.Diff(before, readTree(t, f.o.OutDir)); diff != "" {
			t.Errorf("a rejected rebuild changed the site:\n%s", diff)
		}
		f.writeData(t, "Fixed.", incDelta)
		f.rebuild(t, Change{Data: true})
		f.checkSameAsBuild(t)
	})
	t.Run("template edit", func(t *testing.T) {
		layout := string(f.tmpl["layout.html"].Data)
		f.tmpl["layout.html"] = &fstest.MapFile{Data: []byte(strings.Replace(layout, "<p>Data:", "<p>Open data:", 1))}
		rep := f.rebuild(t, Change{Templates: true})
		if !rep.Full || !slices.Contains(rep.Written, "items/alpha.html") {
			t.Errorf("got %v, want every page rendered again", rep)
		}
		page, _ := os.ReadFile(filepath.Join(f.o.OutDir, "items", "beta.html"))
		if !strings.Contains(string(page), "Open data:") {
			t.Errorf("items/beta.html does not have the edited footer")
		}
		f.checkSameAsBuild(t)
	})
	t.Run("broken template keeps the site", func(t *testing.T) {
		before := readTree(t, f.o.OutDir)
		f.tmpl["layout.html"] = &fstest.MapFile{Data: []byte(`{{define "head"}}{{.Nope`)}
		if _, err := f.inc.Rebuild(context.Background(), Change{Templates: true}); err == nil {
			t.Fatal("rebuild with a broken template succeeded")
		}
		if diff := cmp.Diff(before, readTree(t, f.o.OutDir)); diff != "" {
			t.Errorf("a failed rebuild changed the site:\n%s", diff)
		}
	})
}

// unhashed names hashed assets by their kind, as assets/search.HASH.json.
func unhashed(names []string) []string {
	out := slices.Clone(names)
	for i, n := range out {
		if strings.HasPrefix(n, "assets/") {
			if k, _, ok := strings.Cut(strings.TrimPrefix(n, "assets/"), "."); ok {
				out[i] = "assets/" + k + ".HASH" + path.Ext(n)
			}
		}
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestClassify(t *testing.T) {
	inc := New(Options{DataFile: "landscape.yml", SettingsFile: "settings.yml", GuideFile: "guide.yml", LogosDir: "hosted_logos"}).Incremental()
	tests := []struct {
		paths []string
		want  Change
	}{
		{[]string{"landscape.yml"}, Change{Data: true}},
		{[]string{"./settings.yml", "guide.yml"}, Change{Settings: true, Guide: true}},
		{[]string{filepath.Join("hosted_logos", "a b.svg"), filepath.Join("hosted_logos", "x", "c.svg")}, Change{Logos: []string{"a b.svg", "x/c.svg"}}},
		{[]string{"hosted_logos"}, Change{Other: true}},
		{[]string{filepath.Join("templates", "layout.html")}, Change{Templates: true}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.paths, ","), func(t *testing.T) {
			if diff := cmp.Diff(tt.want, inc.Classify(tt.paths)); diff != "" {
				t.Errorf("Classify (-want +got):\n%s", diff)
			}
		})
	}
}

// TestIncrementalSiteImages edits the image a setting names in the logos
// folder, then the settings, as a maintainer running serve would: each
// rebuild serves the new image and its pages name it, matching a full
// build, and the old file is gone.
func TestIncrementalSiteImages(t *testing.T) {
	f := newIncFixture(t)
	f.writeFile(t, "settings.yml", "footer:\n  logo: foot.svg\n")
	f.writeFile(t, "logos/foot.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10"><rect width="30" height="10" fill="#123"/></svg>`)
	f.o.SettingsFile = filepath.Join(f.dir, "settings.yml")
	f.inc = New(f.o).Incremental()
	images := func() []string {
		t.Helper()
		var names []string
		for name := range readTree(t, f.o.OutDir) {
			if strings.HasPrefix(name, "images/") {
				names = append(names, name)
			}
		}
		return names
	}
	f.rebuild(t, Change{})
	first := images()
	if len(first) != 1 {
		t.Fatalf("after the first build, images %v, want the footer logo", first)
	}
	f.writeFile(t, "logos/foot.svg", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10"><circle cx="5" cy="5" r="5" fill="#c00"/></svg>`)
	f.rebuild(t, f.inc.Classify([]string{filepath.Join(f.dir, "logos", "foot.svg")}))
	second := images()
	if len(second) != 1 || second[0] == first[0] {
		t.Errorf("after editing the logo, images %v, want one other than %v", second, first)
	}
	if page := readTree(t, f.o.OutDir)["index.html"]; !strings.Contains(page, second[0]) {
		t.Errorf("index.html does not name %s", second[0])
	}
	f.checkSameAsBuild(t)
	f.writeFile(t, "settings.yml", "name: No images\n")
	f.rebuild(t, f.inc.Classify([]string{f.o.SettingsFile}))
	if got := images(); len(got) != 0 {
		t.Errorf("with no image in the settings, images %v are still served", got)
	}
	f.checkSameAsBuild(t)
}

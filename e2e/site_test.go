// Package e2e drives the rendered site in a real headless Chromium: the
// filters, the search, the dialog and its keyboard behaviour, shared URLs,
// the page without JavaScript, accessibility (axe-core) and the filter
// speed benchmark. The site is rendered from the shared corpora into a
// temporary folder and served by httptest; nothing leaves localhost.
//
// Tests skip when Chromium is not installed, unless CI is set: CI must not
// skip them silently. axe-core comes from the npm registry, pinned with its
// checksum in package-lock.json: npm ci --prefix e2e (run by .ci/run).
package e2e

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
	"github.com/serverless-landscape/landscape/internal/render"
	"github.com/serverless-landscape/landscape/internal/site"
	"github.com/serverless-landscape/landscape/internal/site/sitetest"
	"github.com/serverless-landscape/landscape/templates"
)

var corpora = filepath.Join("..", "..", "shared", "corpora")

// buildSite renders a corpus the way the build does, with logos linked
// from the corpus (never copied into the repository) and, for the
// serverless corpus, the star counts recorded in its derived data.
func buildSite(tb testing.TB, name string) (string, *site.Site) {
	return buildSiteWith(tb, name, options{logos: true})
}

// options vary buildSite: logos links the corpus's own logo files (cheap,
// for tests of the page; without it, placeholder tiles), processed writes
// the build's sanitized, cropped and minified logos instead (what visitors
// get, for the benchmarks), and facts adds made-up GitHub facts for every
// repository (the corpora have none), fetched from the fake GitHub the way
// a build fetches them (facts_test.go), so that the page weighs what a
// real build's page weighs.
type options struct{ logos, processed, facts bool }

// built keeps each corpus site rendered once per test binary: cncf-full
// takes long to render, most of all under the race detector, and several
// tests only read the same site. TestMain removes them.
var built struct {
	sync.Mutex
	sites map[string]builtSite
}

type builtSite struct {
	dir string
	s   *site.Site
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, b := range built.sites {
		os.RemoveAll(b.dir)
	}
	os.Exit(code)
}

// buildSiteWith renders a corpus with its landscape2-sites settings and
// guide; callers share the result, so they must not change it.
func buildSiteWith(tb testing.TB, name string, o options) (string, *site.Site) {
	tb.Helper()
	src := filepath.Join(corpora, name)
	if _, err := os.Stat(filepath.Join(src, "landscape.yml")); err != nil {
		tb.Skipf("corpus %s not found at %s: the shared corpora are not on this machine", name, src)
	}
	key := fmt.Sprintf("%s %+v", name, o)
	built.Lock()
	defer built.Unlock()
	if b, ok := built.sites[key]; ok {
		return b.dir, b.s
	}
	dir, err := os.MkdirTemp("", "e2e-"+name+"-")
	if err != nil {
		tb.Fatal(err)
	}
	s := renderCorpus(tb, src, dir, o)
	if built.sites == nil {
		built.sites = map[string]builtSite{}
	}
	built.sites[key] = builtSite{dir, s}
	return dir, s
}

func renderCorpus(tb testing.TB, src, dir string, o options) *site.Site {
	tb.Helper()
	fsys := os.DirFS(src)
	l, _, err := landscape.Load(fsys, "landscape.yml")
	if err != nil {
		tb.Fatal(err)
	}
	set, _, err := landscape.LoadSettings(fsys, "landscape2-sites/settings.yml")
	if err != nil {
		tb.Fatal(err)
	}
	g, _, err := landscape.LoadGuide(fsys, "landscape2-sites/guide.yml")
	if err != nil {
		tb.Fatal(err)
	}
	s := site.Assemble(l, set, g)
	if err := os.MkdirAll(filepath.Join(dir, "logos"), 0o755); err != nil {
		tb.Fatal(err)
	}
	stars := recordedStars(src)
	if o.facts {
		fakeGitHubFacts(tb, s)
	}
	if o.processed {
		processLogos(tb, s, filepath.Join(src, "hosted_logos"), dir)
	}
	for _, it := range s.Items {
		logo, _ := filepath.Abs(filepath.Join(src, "hosted_logos", filepath.Clean("/"+it.Source.Logo)))
		if _, err := os.Stat(logo); err == nil && o.logos && !o.processed {
			sum := sha256.Sum256([]byte(logo))
			it.Logo = "logos/" + it.ID + "." + hex.EncodeToString(sum[:3]) + ".svg" // named as the build names them
			if err := os.Symlink(logo, filepath.Join(dir, filepath.FromSlash(it.Logo))); err != nil {
				tb.Fatal(err)
			}
		}
		for i, r := range it.Repos {
			f, ok := stars[r.URL]
			if ok && !o.facts {
				it.Repos[i].GitHub = f
				it.Stars += f.Stars
			}
		}
	}
	renderTo(tb, s, dir)
	return s
}

// processLogos writes the logos of s's items as the build does, through
// the logo processor, into dir/logos.
func processLogos(tb testing.TB, s *site.Site, src, dir string) {
	tb.Helper()
	var refs []string
	for _, it := range s.Items {
		if it.Source.Logo != "" {
			refs = append(refs, it.Source.Logo)
		}
	}
	results := logos.NewProcessor(logos.Options{Dir: os.DirFS(src)}).ProcessAll(context.Background(), refs)
	files := map[string][]byte{}
	for _, it := range s.Items {
		r, ok := results[it.Source.Logo]
		if !ok || r.Missing {
			continue
		}
		it.Logo, it.LogoRatio = "logos/"+r.File, r.Ratio
		files[r.File] = r.Data
		if err := os.WriteFile(filepath.Join(dir, "logos", r.File), r.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	if err := build.DrawTiles(context.Background(), s, files, dir); err != nil { // the tiles' rasters, as the build draws them
		tb.Fatal(err)
	}
}

// testSite renders the small hand-made site of internal/render/testdata,
// whose base path is /sub/, with its logos and GitHub facts.
func testSite(tb testing.TB) (string, *site.Site) {
	tb.Helper()
	src := filepath.Join("..", "internal", "render", "testdata", "site")
	s := sitetest.Load(tb, src)
	dir := tb.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "logos"), os.DirFS(filepath.Join(src, "logos"))); err != nil {
		tb.Fatal(err)
	}
	renderTo(tb, s, dir)
	return dir, s
}

// renderTo renders s into dir with the built-in templates.
func renderTo(tb testing.TB, s *site.Site, dir string) {
	tb.Helper()
	r, err := render.New(templates.FS)
	if err != nil {
		tb.Fatal(err)
	}
	if err := r.Render(context.Background(), s, dir); err != nil {
		tb.Fatal(err)
	}
}

// recordedStars reads derived/github_stars_as_of_2020-01-01.tsv when present.
func recordedStars(src string) map[string]*site.RepoFacts {
	out := map[string]*site.RepoFacts{}
	f, err := os.Open(filepath.Join(src, "derived", "github_stars_as_of_2020-01-01.tsv"))
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 5 {
			continue
		}
		n, err := strconv.Atoi(cols[3])
		if err != nil {
			continue // the header
		}
		t, _ := time.Parse(time.RFC3339, cols[4])
		out[cols[2]] = &site.RepoFacts{Stars: n, LatestCommit: &t, Language: "Go", Contributors: n / 40}
	}
	return out
}

// csp is the policy the site must work under: scripts, styles and images
// from the site itself only.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// serve serves dir on localhost at prefix (the site's base path) with the
// strict policy, answering 404.html for anything missing.
func serve(tb testing.TB, dir, prefix string) *httptest.Server {
	return serveWith(tb, dir, prefix, csp)
}

// serveWith is serve under another Content-Security-Policy.
func serveWith(tb testing.TB, dir, prefix, csp string) *httptest.Server {
	files := http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		rel, ok := strings.CutPrefix(r.URL.Path, prefix)
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel))); !ok || err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			_, _ = w.Write(data)
			return
		}
		files.ServeHTTP(w, r)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

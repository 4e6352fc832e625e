package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzhttp"

	"github.com/serverless-landscape/landscape/internal/browsertest"
)

// lighthouseBin is where npm ci --prefix e2e/lighthouse installs Lighthouse,
// pinned in e2e/lighthouse/package-lock.json. Only the benchmark needs it.
var lighthouseBin = filepath.Join("lighthouse", "node_modules", ".bin", "lighthouse")

// lighthouseCategories are the report's categories, with their ids.
var lighthouseCategories = []string{"performance", "accessibility", "best-practices", "seo"}

// BenchmarkLighthouse runs Lighthouse (its default mobile preset: a
// mid-range phone on a slow 4G link, simulated) on the landscape page, an
// item page, stats and the guide of cncf-full, with the build's processed
// logos and GitHub facts from the fake GitHub, served gzip-compressed with
// the production CSP, as Netlify serves them. It reports each category's
// score (0-100) and the landscape page's LCP and TBT, and logs every audit
// below a full score outside performance.
//
//	npm ci --prefix e2e/lighthouse
//	go test ./e2e -run '^$' -bench BenchmarkLighthouse -benchtime 1x -timeout 30m
func BenchmarkLighthouse(b *testing.B) {
	bin, err := filepath.Abs(lighthouseBin)
	if err == nil {
		_, err = os.Stat(bin)
	}
	if err != nil {
		b.Skipf("lighthouse not installed (npm ci --prefix e2e/lighthouse): %v", err)
	}
	chromium := browsertest.Chromium(b)
	dir, s := buildSiteWith(b, "cncf-full", options{processed: true, facts: true})
	srv := httptest.NewServer(gzhttp.GzipHandler(productionHeaders(b, dir))) // compressed as Netlify serves it
	b.Cleanup(srv.Close)
	item := s.Items[0].ID
	for _, it := range s.Items {
		if it.Name == "Kubernetes" {
			item = it.ID
		}
	}
	pages := []struct{ name, path string }{
		{"landscape", "/"}, {"item", "/items/" + item + ".html"}, {"stats", "/stats.html"}, {"guide", "/guide.html"},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			var last lighthouseReport
			for b.Loop() {
				last = runLighthouse(b, bin, chromium, srv.URL+p.path)
			}
			for _, c := range lighthouseCategories {
				if score, ok := last.Categories[c]; ok && score.Score != nil {
					b.ReportMetric(100**score.Score, c)
				}
			}
			b.ReportMetric(last.Audits["largest-contentful-paint"].NumericValue, "ms-LCP")
			b.ReportMetric(last.Audits["total-blocking-time"].NumericValue, "ms-TBT")
			for _, line := range last.shortfalls() {
				b.Log(line)
			}
		})
	}
}

// lighthouseReport is the part of Lighthouse's JSON report the benchmark reads.
type lighthouseReport struct {
	RuntimeError struct{ Code, Message, ArtifactKey string }
	Categories   map[string]struct {
		Score     *float64 // null when a gatherer it needs failed
		AuditRefs []struct {
			ID     string
			Weight float64
		}
	}
	Audits map[string]struct {
		Title            string
		Score            *float64 // null for informative audits
		NumericValue     float64
		DisplayValue     string
		ScoreDisplayMode string
	}
}

// shortfalls lists the scored audits that lost points: every one outside
// performance, and the performance metrics below 0.9.
func (r lighthouseReport) shortfalls() []string {
	var out []string
	for _, c := range lighthouseCategories {
		for _, ref := range r.Categories[c].AuditRefs {
			a := r.Audits[ref.ID]
			if a.Score == nil || ref.Weight == 0 || *a.Score == 1 || (c == "performance" && *a.Score >= 0.9) {
				continue
			}
			out = append(out, fmt.Sprintf("%s: %s (%s): score %.2f %s", c, ref.ID, a.Title, *a.Score, a.DisplayValue))
		}
	}
	slices.Sort(out)
	return out
}

func runLighthouse(b *testing.B, bin, chromium, url string) lighthouseReport {
	b.Helper()
	cmd := exec.Command(bin, url, "--output=json", "--output-path=stdout", "--quiet", "--disable-full-page-screenshot",
		"--only-categories="+strings.Join(lighthouseCategories, ","),
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir="+b.TempDir())
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, runErr := cmd.Output()
	if dir := os.Getenv("LIGHTHOUSE_REPORTS"); dir != "" { // the whole report, to read what the figures leave out
		name := strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(url), "-"), "-") + ".json"
		if err := os.WriteFile(filepath.Join(dir, name), out, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var r lighthouseReport
	if err := json.Unmarshal(out, &r); err != nil {
		b.Fatalf("lighthouse %s: %v %v\n%s", url, runErr, err, stderr.String())
	}
	if r.RuntimeError.Code != "" { // a gatherer gave up: the scores it fed are missing
		b.Logf("lighthouse %s: %s in %s: %s", url, r.RuntimeError.Code, r.RuntimeError.ArtifactKey, r.RuntimeError.Message)
	}
	return r
}

// productionHeaders serves dir with the headers netlify.toml gives the
// production site: its CSP, nosniff, and a year's cache for hashed files.
func productionHeaders(b *testing.B, dir string) http.Handler {
	csp := netlifyPolicy(b)
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if strings.HasPrefix(r.URL.Path, "/assets/") || strings.HasPrefix(r.URL.Path, "/logos/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		files.ServeHTTP(w, r)
	})
}

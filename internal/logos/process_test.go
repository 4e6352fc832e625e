package logos

import (
	"bytes"
	"context"
	"crypto/sha256"
	"image"
	pngenc "image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/serverless-landscape/landscape/internal/diag"
)

const logoSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><!-- pad --><rect x="10" y="30" width="80" height="40" onclick="x()"/></svg>`

func TestProcessLocal(t *testing.T) {
	fsys := fstest.MapFS{
		"knative.svg":     {Data: []byte(logoSVG)},
		"Foo Bar (1).svg": {Data: []byte(logoSVG)},
		"sub/inner.svg":   {Data: []byte(logoSVG)},
		"big.svg":         {Data: []byte(svgOpen + strings.Repeat(" ", 2000) + `</svg>`)},
		"broken.svg":      {Data: []byte(`<svg><g></svg>`)},
		"folder/.keep":    {Data: nil},
	}
	p := NewProcessor(Options{Dir: fsys, MaxBytes: 1000})
	for _, tc := range []struct {
		ref     string
		missing bool
		problem string
	}{
		{"knative.svg", false, ""},
		{"./knative.svg", false, ""},
		{"Foo Bar (1).svg", false, ""},
		{"sub/../sub/inner.svg", false, ""},
		{"missing.svg", true, "file missing.svg not found in hosted_logos (add it, or fix the name)"},
		{" ", true, "logo is empty (name a file in hosted_logos or an https URL)"},
		{"../knative.svg", true, `"../knative.svg" leaves hosted_logos (name a file inside hosted_logos)`},
		{"sub/../../knative.svg", true, `"sub/../../knative.svg" leaves hosted_logos (name a file inside hosted_logos)`},
		{"/etc/passwd", true, `"/etc/passwd" leaves hosted_logos (name a file inside hosted_logos)`},
		{`C:\logo.svg`, true, `"C:\\logo.svg" leaves hosted_logos (name a file inside hosted_logos)`},
		{"folder", true, "folder is a folder, not a logo file"},
		{"big.svg", true, "is larger than 1000 bytes, the limit for one logo (simplify it or remove embedded images)"},
		{"broken.svg", true, "is not a readable SVG: not well-formed xml: XML syntax error on line 1: element <g> closed by </svg> (export the logo again as plain SVG)"},
	} {
		t.Run(tc.ref, func(t *testing.T) {
			r := p.Process(t.Context(), tc.ref)
			if r.Missing != tc.missing {
				t.Fatalf("got missing %v, want %v (%v)", r.Missing, tc.missing, r.Problems)
			}
			if tc.problem != "" {
				want := []Problem{{diag.Error, tc.problem}}
				if diff := cmp.Diff(want, r.Problems); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
				return
			}
			if r.Ref != tc.ref || !r.Cropped || r.Ratio != 1.9259 || len(r.Problems) != 1 {
				t.Errorf("got ref %q cropped %v ratio %v problems %v", r.Ref, r.Cropped, r.Ratio, r.Problems)
			}
			if want := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="8.4 28.4 83.2 43.2"><rect x="10" y="30" width="80" height="40"/></svg>`; string(r.Data) != want {
				t.Errorf("got %q, want %q", r.Data, want)
			}
			if !strings.HasSuffix(r.File, ".svg") || len(r.File) != len("0123456789ab.svg") {
				t.Errorf("got file %q, want a content-hashed name", r.File)
			}
		})
	}
}

func TestProcessSharesIdenticalLogos(t *testing.T) {
	fsys := fstest.MapFS{"a.svg": {Data: []byte(logoSVG)}, "b.svg": {Data: []byte(logoSVG + "\n")}, "c.svg": {Data: []byte(svgOpen + `<circle r="3"/></svg>`)}}
	got := NewProcessor(Options{Dir: fsys}).ProcessAll(t.Context(), []string{"a.svg", "b.svg", "c.svg", "a.svg"})
	if len(got) != 3 {
		t.Fatalf("got %d results, want 3", len(got))
	}
	if got["a.svg"].File != got["b.svg"].File || got["a.svg"].File == got["c.svg"].File {
		t.Errorf("got files %q %q %q, want the first two equal and the third different", got["a.svg"].File, got["b.svg"].File, got["c.svg"].File)
	}
}

func TestProcessRasterFile(t *testing.T) {
	var png bytes.Buffer
	if err := pngenc.Encode(&png, image.NewRGBA(image.Rect(0, 0, 4, 2))); err != nil {
		t.Fatal(err)
	}
	r := NewProcessor(Options{Dir: fstest.MapFS{"x.svg": {Data: png.Bytes()}}}).Process(t.Context(), "x.svg")
	if r.Missing || r.Ratio != 2 || !strings.Contains(string(r.Data), "data:image/png;base64,") {
		t.Errorf("got missing %v ratio %v data %q, want the PNG wrapped in an SVG", r.Missing, r.Ratio, r.Data)
	}
	if len(r.Problems) != 1 || r.Problems[0].Severity != diag.Error {
		t.Errorf("got problems %v, want one error", r.Problems)
	}
}

func TestProcessSymlinkEscape(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "hosted_logos")
	os.Mkdir(dir, 0o755)
	os.WriteFile(filepath.Join(root, "secret.svg"), []byte(logoSVG), 0o644)
	os.WriteFile(filepath.Join(dir, "ok.svg"), []byte(logoSVG), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	for link, target := range map[string]string{"out.svg": "../secret.svg", "abs.svg": filepath.Join(root, "secret.svg"),
		"in.svg": "ok.svg", "sub/up.svg": "../ok.svg", "dirlink": ".."} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}
	p := NewProcessor(Options{Dir: os.DirFS(dir)})
	for ref, missing := range map[string]bool{"out.svg": true, "abs.svg": true, "dirlink/secret.svg": true, "in.svg": false, "sub/up.svg": false} {
		t.Run(ref, func(t *testing.T) {
			r := p.Process(t.Context(), ref)
			if r.Missing != missing {
				t.Errorf("got missing %v, want %v (%v)", r.Missing, missing, r.Problems)
			}
		})
	}
}

// logoServer serves logoSVG with an ETag and counts the requests that
// revalidate it.
func logoServer(t *testing.T, status *atomic.Int32) (*httptest.Server, *atomic.Int32, *atomic.Int32) {
	var hits, revalidated atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Method != http.MethodGet || r.URL.Path != "/knative.svg" {
			t.Errorf("got %s %s, want GET /knative.svg", r.Method, r.URL.Path)
		}
		if s := status.Load(); s != 0 {
			w.WriteHeader(int(s))
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			revalidated.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write([]byte(logoSVG))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits, &revalidated
}

func TestProcessRemote(t *testing.T) {
	var status atomic.Int32
	srv, hits, revalidated := logoServer(t, &status)
	cache := t.TempDir()
	url := srv.URL + "/knative.svg"
	newP := func() *Processor {
		return NewProcessor(Options{CacheDir: cache, CacheKey: testKey, Client: srv.Client(), AllowPrivateAddresses: true})
	}

	first := newP().ProcessAll(t.Context(), []string{url, url})[url]
	if first.Missing || len(first.Problems) != 1 || hits.Load() != 1 {
		t.Fatalf("first fetch: missing %v problems %v hits %d, want the logo from one request", first.Missing, first.Problems, hits.Load())
	}
	second := newP().Process(t.Context(), url)
	if revalidated.Load() != 1 || string(second.Data) != string(first.Data) {
		t.Errorf("second build: revalidated %d times, data %q; want one 304 and the cached copy", revalidated.Load(), second.Data)
	}
	status.Store(http.StatusInternalServerError)
	third := newP().Process(t.Context(), url)
	if third.Missing || len(third.Problems) != 2 || !strings.Contains(third.Problems[0].Message, "using the copy cached on") {
		t.Errorf("host failing: got missing %v problems %v, want the cached copy and a warning", third.Missing, third.Problems)
	}
	srv.Close()
	fourth := newP().Process(t.Context(), url)
	if fourth.Missing || !strings.Contains(fourth.Problems[0].Message, "using the copy cached on") {
		t.Errorf("network down: got missing %v problems %v, want the cached copy and a warning", fourth.Missing, fourth.Problems)
	}
}

func TestProcessRemoteFailures(t *testing.T) {
	var status atomic.Int32
	srv, _, _ := logoServer(t, &status)
	p := NewProcessor(Options{Client: srv.Client(), MaxBytes: 50, AllowPrivateAddresses: true})
	big := p.Process(t.Context(), srv.URL+"/knative.svg")
	if !big.Missing || big.Problems[0].Message != "is larger than 50 bytes, the limit for one logo (simplify it or remove embedded images)" {
		t.Errorf("too big: got missing %v problems %v", big.Missing, big.Problems)
	}
	status.Store(http.StatusNotFound)
	p = NewProcessor(Options{Client: srv.Client(), AllowPrivateAddresses: true})
	gone := p.Process(t.Context(), srv.URL+"/knative.svg")
	want := []Problem{{diag.Warning, "could not fetch " + srv.URL + "/knative.svg (status 404 Not Found); showing a placeholder (check the URL, or host the logo in hosted_logos)"}}
	if diff := cmp.Diff(want, gone.Problems); diff != "" || !gone.Missing {
		t.Errorf("not found: missing %v, problems (-want +got):\n%s", gone.Missing, diff)
	}
	plain := p.Process(t.Context(), "http://example.com/logo.svg")
	if !plain.Missing || plain.Problems[0].Severity != diag.Error || !strings.Contains(plain.Problems[0].Message, "not an https URL") {
		t.Errorf("http URL: got missing %v problems %v", plain.Missing, plain.Problems)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if r := p.Process(ctx, srv.URL+"/knative.svg"); !r.Missing {
		t.Errorf("cancelled: got missing %v, want true", r.Missing)
	}
}

func TestProcessDiskCache(t *testing.T) {
	cache := t.TempDir()
	fsys := fstest.MapFS{"a.svg": {Data: []byte(logoSVG)}}
	first := NewProcessor(Options{Dir: fsys, CacheDir: cache, CacheKey: testKey}).Process(t.Context(), "a.svg")
	path := filepath.Join(cache, "logos", "processed-"+processorVersion+".gob")
	entries := readPack(path)
	if len(entries) != 1 {
		t.Fatalf("got %d cached entries, want 1", len(entries))
	}
	// A second build must take the result from disk: plant a marker there
	// (with its own hash as its name, as the processor writes it).
	marker := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><desc>marker</desc></svg>`)
	seal := sealer{testKey}
	for k, e := range entries {
		e.Data, e.File = marker, fileName(marker)
		e.Seal = seal.seal(e.sealed(k, sha256.Sum256(e.Data))...) // as the processor seals it
		entries[k] = e
	}
	if err := writePack(path, entries); err != nil {
		t.Fatal(err)
	}
	second := NewProcessor(Options{Dir: fsys, CacheDir: cache, CacheKey: testKey}).Process(t.Context(), "a.svg")
	if second.File != fileName(marker) {
		t.Errorf("got file %q, want the cached marker %s", second.File, fileName(marker))
	}
	if diff := cmp.Diff(first.Problems, second.Problems); diff != "" {
		t.Errorf("cached problems (-first +second):\n%s", diff)
	}
}

// TestProcessDiskCachePrunes checks that the pack keeps what the last build
// used, so that removed logos do not accumulate in it.
func TestProcessDiskCachePrunes(t *testing.T) {
	cache := t.TempDir()
	other := strings.Replace(logoSVG, "<svg ", `<svg data-x="1" `, 1)
	third := strings.Replace(logoSVG, "<svg ", `<svg data-x="2" `, 1)
	fsys := fstest.MapFS{"a.svg": {Data: []byte(logoSVG)}, "b.svg": {Data: []byte(other)}, "c.svg": {Data: []byte(third)}}
	path := filepath.Join(cache, "logos", "processed-"+processorVersion+".gob")
	NewProcessor(Options{Dir: fsys, CacheDir: cache, CacheKey: testKey}).ProcessAll(t.Context(), []string{"a.svg", "b.svg"})
	if got := len(readPack(path)); got != 2 {
		t.Fatalf("after the first build: got %d entries, want 2", got)
	}
	NewProcessor(Options{Dir: fsys, CacheDir: cache, CacheKey: testKey}).ProcessAll(t.Context(), []string{"a.svg", "c.svg"})
	want := map[string]bool{contentKey([]byte(logoSVG), DefaultWarnBytes): true, contentKey([]byte(third), DefaultWarnBytes): true}
	got := map[string]bool{}
	for k := range readPack(path) {
		got[k] = true
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries after the second build (-want +got):\n%s", diff)
	}
}

// FuzzProcess holds the promise of Process on any content: whatever comes
// out parses as SVG and carries no script or event handler.
func FuzzProcess(f *testing.F) {
	for _, tc := range sanitizeCases {
		f.Add([]byte(tc.in))
	}
	f.Add([]byte(logoSVG))
	for _, s := range useAndStyleSeeds {
		f.Add([]byte(s))
	}
	p := NewProcessor(Options{})
	f.Fuzz(func(t *testing.T, in []byte) {
		v, whole := p.compute(in, false)
		if v.Missing {
			return
		}
		if whole != nil {
			if full, _ := p.compute(in, true); !bytes.Equal(whole.Data, full.Data) {
				t.Fatalf("the whole logo that Process keeps differs from Original's:\n%s\n%s", whole.Data, full.Data)
			}
		}
		if _, err := parseSVG(v.Data); err != nil {
			t.Fatalf("output %q does not parse: %v", v.Data, err)
		}
		low := strings.ToLower(string(v.Data))
		if strings.Contains(low, "<script") || strings.Contains(low, "<foreignobject") || onAttr.MatchString(low) || jsURL.MatchString(low) {
			t.Errorf("output %q carries active content", v.Data)
		}
	})
}

func TestProcessRemoteRedirect(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(logoSVG)) }))
	defer plain.Close()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/knative.svg", http.StatusFound)
	}))
	defer srv.Close()
	r := NewProcessor(Options{Client: srv.Client(), AllowPrivateAddresses: true}).Process(t.Context(), srv.URL+"/knative.svg")
	if !r.Missing || len(r.Problems) != 1 || !strings.Contains(r.Problems[0].Message, "which is not https") {
		t.Errorf("got missing %v problems %v, want a refused downgrade", r.Missing, r.Problems)
	}
}

// testKey seals the disk caches of tests, so that they never make the
// user's key (DefaultCacheKey).
var testKey = bytes.Repeat([]byte{7}, keySize)

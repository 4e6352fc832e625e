package render

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
	"github.com/serverless-landscape/landscape/templates"
)

func TestFuncMapIsTested(t *testing.T) {
	tested := []string{"markdown", "compact", "thousands", "date", "safeURL", "host", "label",
		"title", "truncate", "plural", "nameClass", "tileClass", "boxClass", "filterURL", "license",
		"language", "commit", "contribs", "stars", "icon", "widthAt", "boxQuery"}
	r := newTestRenderer(t)
	fm := r.funcs()
	for _, name := range tested {
		if _, ok := fm[name]; !ok {
			t.Errorf("FuncMap has no %q", name)
		}
		delete(fm, name)
	}
	for name := range fm {
		t.Errorf("FuncMap has %q, which no test here covers", name)
	}
}

func newTestRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := New(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestBoxQuery(t *testing.T) {
	if got, want := boxQuery("App Definition & Development", "Database / SQL"), "?box=App+Definition+%26+Development+%2F+Database+%2F+SQL"; got != want {
		t.Errorf("boxQuery: got %q, want %q", got, want)
	}
}

func TestWidthAt(t *testing.T) {
	for _, tt := range []struct {
		im     site.Image
		height int
		want   int
	}{{site.Image{Width: 1000, Height: 250}, 28, 112}, {site.Image{Width: 30, Height: 1000}, 28, 1},
		{site.Image{Width: 3, Height: 2}, 40, 60}, {site.Image{}, 28, 28}} {
		if got := widthAt(tt.im, tt.height); got != tt.want {
			t.Errorf("widthAt(%+v, %d): got %d, want %d", tt.im, tt.height, got, tt.want)
		}
	}
}

func TestCompact(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1k"}, {1234, "1.2k"}, {9999, "10k"}, {12345, "12k"}, {999_499, "999k"}, {1_000_000, "1M"}, {1_260_000, "1.3M"}} {
		if got := compact(tt.n); got != tt.want {
			t.Errorf("compact(%d): got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {2413, "2,413"}, {1234567, "1,234,567"}, {-1234, "-1,234"}} {
		if got := thousands(tt.n); got != tt.want {
			t.Errorf("thousands(%d): got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	ts := time.Date(2026, 7, 30, 23, 30, 0, 0, time.FixedZone("x", -3600))
	for _, tt := range []struct {
		name string
		t    *time.Time
		want string
	}{{"nil", nil, ""}, {"zero", &time.Time{}, ""}, {"converted to UTC", &ts, "2026-07-31"}} {
		t.Run(tt.name, func(t *testing.T) {
			if got := date(tt.t); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://example.org/a?b=c", "https://example.org/a?b=c"},
		{" http://example.org ", "http://example.org"},
		{"javascript:alert(1)", ""},
		{"JAVASCRIPT:alert(1)", ""},
		{"data:text/html,<script>", ""},
		{"//evil.example.com", ""},
		{"https://", ""},
		{"/relative", ""},
		{"", ""},
	} {
		if got := safeURL(tt.in); got != tt.want {
			t.Errorf("safeURL(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHost(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://github.com/knative/serving/", "github.com/knative/serving"},
		{"http://www.example.org", "example.org"},
		{"https://x.org/a", "x.org/a"},
	} {
		if got := host(tt.in); got != tt.want {
			t.Errorf("host(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLabelTitle(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"documentation_url", "Documentation"},
		{"github_discussions_url", "GitHub discussions"},
		{"summary_use_case", "Use case"},
		{"mailing_list_url", "Mailing list"},
		{"accepted", "Accepted"},
	} {
		if got := label(tt.in); got != tt.want {
			t.Errorf("label(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{{"graduated", "Graduated"}, {"", ""}, {"élan", "Élan"}} {
		if got := title(tt.in); got != tt.want {
			t.Errorf("title(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncatePlural(t *testing.T) {
	for _, tt := range []struct {
		n       int
		in, out string
	}{{5, "short", "short"}, {5, "longer text", "long…"}, {4, "ééééé", "ééé…"}, {6, "two  words", "two…"}} {
		if got := truncate(tt.n, tt.in); got != tt.out {
			t.Errorf("truncate(%d, %q): got %q, want %q", tt.n, tt.in, got, tt.out)
		}
	}
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 items"}, {1, "1 item"}, {2413, "2,413 items"}} {
		if got := plural(tt.n, "item", "items"); got != tt.want {
			t.Errorf("plural(%d): got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestTileBoxClass(t *testing.T) {
	for _, tt := range []struct {
		name string
		t    tileView
		want string
	}{
		{"open source", tileView{Item: &site.Item{OpenSource: true}}, "t"},
		{"graduated is not featured by itself", tileView{Item: &site.Item{OpenSource: true, Maturity: "graduated"}}, "t"},
		{"featured second closed archived", tileView{Item: &site.Item{Featured: true, FeaturedOrder: 2, Archived: true}, Featured: true}, "t f f2 a c"},
		{"featured without an order", tileView{Item: &site.Item{Featured: true, OpenSource: true}, Featured: true}, "t f f1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tileClass(tt.t); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	box := func(n, featured int) boxView {
		var b boxView
		for i := range n {
			b.Tiles = append(b.Tiles, tileView{Item: &site.Item{}, Featured: i < featured})
		}
		return b
	}
	for _, tt := range []struct {
		n, featured int
		want        string
	}{{0, 0, "box w1"}, {1, 0, "box w1"}, {5, 0, "box w3"}, {4, 4, "box w4"}, {1000, 0, "box w12"}} {
		if got := boxClass(box(tt.n, tt.featured)); got != tt.want {
			t.Errorf("boxClass(%d items, %d featured): got %q, want %q", tt.n, tt.featured, got, tt.want)
		}
	}
}

// TestBandsFeatured checks that featuring follows featured_items only:
// featured tiles first in their box by their rule's order, not in the
// tabs of the groups a rule excludes, and graduated items plain without a
// rule.
func TestNameClass(t *testing.T) {
	for in, want := range map[string]string{"Gamma": "nm nm5", "Iota Functions": "nm nm9", "Beta Eng": "", "OpenFunction": "nm nm12",
		"Très Longuemotàrallonge": "nm nm18", strings.Repeat("x", 40): "nm nm24", "": ""} {
		if got := nameClass(in); got != want {
			t.Errorf("nameClass(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestBandsFeatured(t *testing.T) {
	grad := &site.Item{Name: "grad", Maturity: "graduated"}
	inc := &site.Item{Name: "inc", Featured: true, FeaturedOrder: 2, FeaturedLabel: "Incubating"}
	top := &site.Item{Name: "top", Featured: true, FeaturedOrder: 1, FeaturedLabel: "Graduated", FeaturedExcept: []string{"partners"}}
	plain := &site.Item{Name: "plain"}
	cat := func(name string, items ...*site.Item) *site.Category {
		return &site.Category{Name: name, Subcategories: []*site.Subcategory{{Name: "B", Items: items}}}
	}
	groups := []landscape.Group{{Name: "Projects", Alias: "projects", Categories: []string{"P"}}, {Name: "Partners", Alias: "partners", Categories: []string{"Q"}}}
	b := bands([]*site.Category{cat("P", plain, grad, inc, top), cat("Q", plain, top)}, nil, "/", "", groups)
	var got []string
	for _, band := range b {
		for _, tile := range band.Boxes[0].Tiles {
			got = append(got, band.Category.Name+":"+tile.Item.Name+":"+tileClass(tile))
		}
	}
	want := []string{"P:top:t f f1 c", "P:inc:t f f2 c", "P:plain:t c", "P:grad:t c", "Q:plain:t c", "Q:top:t c"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tiles (-want +got):\n%s", diff)
	}
	keys := legendKeys(b)
	if diff := cmp.Diff([]legendKey{{"t f f1", "Graduated"}, {"t f f2", "Incubating"}}, keys); diff != "" {
		t.Errorf("legend (-want +got):\n%s", diff)
	}
}

func TestFilterURL(t *testing.T) {
	got := filterURL("/sub/", "sub", "App Definition & Development / Database")
	want := "/sub/?sub=App+Definition+%26+Development+%2F+Database"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFacts(t *testing.T) {
	older := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	newer := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	it := &site.Item{Repos: []site.Repo{
		{URL: "https://github.com/a/none"},
		{URL: "https://github.com/a/main", GitHub: &site.RepoFacts{Stars: 10, License: "MIT", Language: "Go", LatestCommit: &older, Contributors: 5}},
		{URL: "https://github.com/a/other", GitHub: &site.RepoFacts{Stars: 3, License: "GPL-3.0", Language: "C", LatestCommit: &newer, Contributors: 9}},
	}}
	if got := license(it); got != "MIT" {
		t.Errorf("license: got %q, want %q", got, "MIT")
	}
	if got := language(it); got != "Go" {
		t.Errorf("language: got %q, want %q", got, "Go")
	}
	if got := date(latestCommit(it)); got != "2026-01-01" {
		t.Errorf("latest commit: got %q, want %q", got, "2026-01-01")
	}
	if got := contributors(it); got != 5 {
		t.Errorf("contributors: got %d, want 5", got)
	}
	if got := stars(it); got != 13 {
		t.Errorf("stars: got %d, want 13", got)
	}
	it.License, it.Language, it.Stars = "Apache-2.0", "Rust", 99
	if license(it) != "Apache-2.0" || language(it) != "Rust" || stars(it) != 99 {
		t.Errorf("the item's own facts should win: got %q %q %d", license(it), language(it), stars(it))
	}
	empty := &site.Item{}
	if license(empty) != "" || language(empty) != "" || latestCommit(empty) != nil || contributors(empty) != 0 || stars(empty) != 0 {
		t.Error("an item without facts should have none")
	}
}

func TestMarkdown(t *testing.T) {
	r := newTestRenderer(t)
	for _, tt := range []struct {
		name, in    string
		want, never []string
	}{
		{"emphasis", "A **fast** runtime", []string{"<strong>fast</strong>"}, nil},
		{"raw html dropped", "x <script>alert(1)</script> <b onclick=x>y</b>", nil, []string{"<script", "onclick", "<b"}},
		{"javascript link", "[a](javascript:alert(1))", []string{`href="#"`}, []string{"javascript:"}},
		{"http link", "[a](https://example.org)", []string{`href="https://example.org"`, `rel="nofollow noopener"`}, nil},
		{"image becomes link", "![logo](https://tracker.example.com/p.png)", []string{`<a href="https://tracker.example.com/p.png"`, ">logo</a>"}, []string{"<img"}},
		{"data image", "![x](data:image/svg+xml,<svg onload=alert(1)>)", nil, []string{"<img", "onload"}},
		{"autolink", "see https://example.org now", []string{`<a href="https://example.org"`}, nil},
		{"uri autolink", "<javascript:alert(1)>", nil, []string{"href=\"javascript"}},
		{"iframe", `<iframe src="https://evil.example.com"></iframe>`, nil, []string{"<iframe"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := string(r.markdown(tt.in))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %q, want it to contain %q", got, w)
				}
			}
			for _, n := range tt.never {
				if strings.Contains(got, n) {
					t.Errorf("got %q, which contains %q", got, n)
				}
			}
		})
	}
}

var eventAttr = regexp.MustCompile(`<[a-z][^>]*\son[a-z]+\s*=`)

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"**a**", "<script>x</script>", "[a](javascript:x)", "![i](http://x/y.png)", "<javascript:x>", "<img src=x onerror=y>"} {
		f.Add(s)
	}
	r := newTestRenderer(f)
	f.Fuzz(func(t *testing.T, s string) {
		out := strings.ToLower(string(r.markdown(s)))
		for _, bad := range []string{"<script", "<img", "<iframe", "<style", "href=\"javascript:", "href=\"data:", "href=\"vbscript:"} {
			if strings.Contains(out, bad) {
				t.Errorf("markdown(%q) = %q contains %q", s, out, bad)
			}
		}
		if eventAttr.MatchString(out) {
			t.Errorf("markdown(%q) = %q has an event handler attribute", s, out)
		}
	})
}

func TestUpcoming(t *testing.T) {
	r := &Renderer{Today: time.Date(2026, 7, 31, 23, 0, 0, 0, time.UTC)}
	for _, tt := range []struct {
		end  string
		want bool
	}{{"2026-07-31", true}, {"2026-08-01", true}, {"2026-07-30", false}, {"soon", false}, {"", false}} {
		e := &landscape.UpcomingEvent{Name: "Con", End: tt.end}
		if got := r.upcoming(e) != nil; got != tt.want {
			t.Errorf("event ending %q announced %v, want %v", tt.end, got, tt.want)
		}
	}
	if r.upcoming(nil) != nil {
		t.Error("no event announced something")
	}
}

func TestFooterLinks(t *testing.T) {
	s := landscape.DefaultSettings()
	s.Footer.Links = map[string]string{"youtube": "https://youtube.example", "github": "https://github.com/x",
		"mastodon": "https://m.example", "evil": "javascript:alert(1)"}
	got := Page{Settings: s}.FooterLinks()
	want := []fact{{"GitHub", "https://github.com/x"}, {"YouTube", "https://youtube.example"}, {"Mastodon", "https://m.example"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("footer links (-want +got):\n%s", diff)
	}
}

func TestGridZoom(t *testing.T) {
	for in, want := range map[string]int{"small": 1, "medium": 2, "large": 3, "": 2} {
		if got := gridZoom(in); got != want {
			t.Errorf("gridZoom(%q) = %d, want %d", in, got, want)
		}
	}
}

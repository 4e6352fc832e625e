package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"
)

// visible lists the names of the tiles shown on the landscape view.
const visible = `[...document.querySelectorAll('#landscape .t')].filter(t => t.checkVisibility())
	.map(t => t.querySelector('img') ? t.querySelector('img').alt : t.textContent)`

// setField changes a select of the filter sheet (sort, order, sections) as
// a visitor would, firing its change event.
func setField(name, value string) string {
	return `(() => { const el = document.querySelector('#filters [name="` + name + `"]');
		el.value = "` + value + `"; el.dispatchEvent(new Event('change', {bubbles: true})); return el.value })()`
}

// choose ticks (or unticks) a facet's option as a visitor would.
func choose(facet, value string) string {
	return `(() => { const el = document.querySelector('#facets [data-k="` + facet + `"] input[value="` + value + `"]');
		el.click(); return el.checked })()`
}

// open loads the landscape page of the test site and waits for its script.
func open(t *testing.T, b *browser, url string) {
	t.Helper()
	b.do(t, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#tools")))
}

func TestFilters(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	tests := []struct {
		name   string
		choose [][2]string // facet, value
		want   []string
		count  string
		query  string
	}{
		{"category", [][2]string{{"category", "Observability"}}, []string{"Gamma", "Zeta Metrics", "Eta Monitor", "Theta Trace"}, "4 items", "category=Observability"},
		{"maturity", [][2]string{{"maturity", "incubating"}}, []string{"Delta Store", "Theta Trace"}, "2 items", "maturity=incubating"},
		{"two maturities", [][2]string{{"maturity", "incubating"}, {"maturity", "graduated"}}, []string{"Alpha Runtime", "Delta Store", "Theta Trace"}, "3 items", "maturity=incubating&maturity=graduated"},
		{"not a foundation project", [][2]string{{"maturity", "none"}}, []string{"Beta Engine", "Zeta Metrics", "Eta Monitor", "Iota Functions"}, "4 items", "maturity=none"},
		{"across facets", [][2]string{{"maturity", "incubating"}, {"category", "Observability"}}, []string{"Theta Trace"}, "1 item", "category=Observability&maturity=incubating"},
		{"subcategory", [][2]string{{"sub", "Observability / Monitoring"}}, []string{"Gamma", "Zeta Metrics", "Eta Monitor"}, "3 items", "sub=Observability+%2F+Monitoring"},
		{"closed source", [][2]string{{"license", "closed"}}, []string{"Beta Engine", "Eta Monitor"}, "2 items", "license=closed"},
		{"license", [][2]string{{"license", "MIT"}}, []string{"Gamma", "Iota Functions", "Gamma"}, "2 items", "license=MIT"},
		{"min stars", [][2]string{{"stars", "10000"}}, []string{"Alpha Runtime", "Theta Trace"}, "2 items", "stars=10000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			open(t, b, srv.URL+"/sub/?tab=all")
			for _, c := range tt.choose {
				eval[bool](t, b, choose(c[0], c[1]))
			}
			got := eval[[]string](t, b, visible)
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("visible tiles (-want +got):\n%s", diff)
			}
			if c := eval[string](t, b, `document.getElementById('count').textContent`); !strings.HasPrefix(c, tt.count) {
				t.Errorf("count %q, want it to start with %q", c, tt.count)
			}
			if u := eval[string](t, b, `location.search`); !strings.Contains(u, tt.query) {
				t.Errorf("URL query %q lacks %q", u, tt.query)
			}
		})
	}
	b.check(t)
}

// TestFacetCounts checks that each option counts the items it would show
// given the other facets, and that options with none are hidden.
func TestFacetCounts(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	open(t, b, srv.URL+"/sub/?category=Observability")
	counts := `Object.fromEntries([...document.querySelectorAll('#facets [data-k="maturity"] .opt')].filter(l => !l.hidden)
		.map(l => [l.querySelector('input').value, l.querySelector('.n').textContent]))`
	want := map[string]string{"sandbox": "1", "incubating": "1", "none": "2"}
	if diff := cmp.Diff(want, eval[map[string]string](t, b, counts)); diff != "" {
		t.Errorf("maturity counts within Observability (-want +got):\n%s", diff)
	}
	eval[bool](t, b, choose("maturity", "incubating"))
	if diff := cmp.Diff(want, eval[map[string]string](t, b, counts)); diff != "" {
		t.Errorf("a facet's own choice changed its counts (-want +got):\n%s", diff)
	}
	cats := `Object.fromEntries([...document.querySelectorAll('#facets [data-k="category"] .opt')].filter(l => !l.hidden)
		.map(l => [l.querySelector('input').value, l.querySelector('.n').textContent]))`
	if diff := cmp.Diff(map[string]string{"Runtime": "1", "Observability": "1"}, eval[map[string]string](t, b, cats)); diff != "" {
		t.Errorf("category counts for incubating items (-want +got):\n%s", diff)
	}
	b.check(t)
}

// TestOldAndLandscape2URLs opens links of this page's older single-value
// parameters and of landscape2, which must show the same selection.
func TestOldAndLandscape2URLs(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	tests := []struct {
		query string
		want  []string
		cards bool
	}{
		{"?oss=0", []string{"Beta Engine", "Eta Monitor"}, false},
		{"?stars=5000", []string{"Alpha Runtime", "Delta Store", "Theta Trace"}, false},
		{"?org=Example+Inc", []string{"Epsilon", "Theta Trace"}, false},
		{"?org=Example+Inc.", []string{"Alpha Runtime"}, false}, // named from its Crunchbase slug
		{"?project=incubating&project=graduated", []string{"Alpha Runtime", "Delta Store", "Theta Trace"}, false},
		{"?project=Example+Foundation&category=Runtime", []string{"Alpha Runtime", "Gamma", "Delta Store", "Epsilon"}, false},
		{"?license=oss&organization=Example+Inc&maturity=incubating", []string{"Theta Trace"}, false},
		{"?group=serverless", []string{"Iota Functions"}, false},
		{"?view-mode=card&classify=maturity&sort-by=stars&subcategory=Monitoring", []string{"Gamma", "Zeta Metrics", "Eta Monitor"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			open(t, b, srv.URL+"/sub/"+tt.query)
			expr := visible
			if tt.cards {
				expr = `[...document.querySelectorAll('#cards .card')].filter(c => c.checkVisibility()).map(c => c.querySelector('.name').textContent)`
			}
			got := eval[[]string](t, b, expr)
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("shown (-want +got):\n%s", diff)
			}
		})
	}
	b.check(t)
}

func TestSearch(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	tests := []struct {
		query string
		want  []string
	}{
		{"metrics", []string{"Zeta Metrics"}},           // name and description
		{"delta foundation", []string{"Delta Store"}},   // organization
		{"crunchbase-name example inc", nil},            // no such organization
		{"example/iota", []string{"Iota Functions"}},    // repository
		{"RUNTIME sandbox", []string{"Gamma", "Gamma"}}, // every word, any case
		{"nothing-matches-this", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			open(t, b, srv.URL+"/sub/?tab=all")
			b.do(t, press("/"))
			if id := eval[string](t, b, `document.activeElement.id`); id != "q" {
				t.Fatalf("after /, focus is on %q, want the search box", id)
			}
			b.do(t, press(tt.query))
			got := eval[[]string](t, b, visible)
			slices.Sort(got)
			if diff := cmp.Diff(tt.want, got, cmpEmpty); diff != "" {
				t.Errorf("visible tiles (-want +got):\n%s", diff)
			}
			empty := eval[bool](t, b, `!document.getElementById('empty').hidden`)
			if empty != (len(tt.want) == 0) {
				t.Errorf("empty message shown: %v, want %v", empty, len(tt.want) == 0)
			}
		})
	}
	b.check(t)
}

var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return slices.Equal(a, b) })

func TestDialogKeyboard(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	open(t, b, srv.URL+"/sub/")
	tile := `document.querySelector('#landscape a[href$="/alpha-runtime.html"]')`
	eval[bool](t, b, tile+`.focus() || true`)
	b.do(t, press(kb.Enter), chromedp.WaitVisible(chromedp.CSS("#item-detail h1")))
	if h := eval[string](t, b, `document.querySelector('#item-dialog h1').textContent`); h != "Alpha Runtime" {
		t.Errorf("dialog title %q, want Alpha Runtime", h)
	}
	if u := eval[string](t, b, `location.search`); u != "?item=alpha-runtime" {
		t.Errorf("URL query %q, want ?item=alpha-runtime", u)
	}
	for i := range 25 {
		b.do(t, press(kb.Tab))
		if !eval[bool](t, b, `document.getElementById('item-dialog').contains(document.activeElement)`) {
			t.Fatalf("after %d tabs focus left the dialog for %s", i+1, eval[string](t, b, `document.activeElement.outerHTML.slice(0, 80)`))
		}
	}
	b.do(t, press(kb.Escape))
	waitFor(t, b, `!document.getElementById('item-dialog').open`)
	if !eval[bool](t, b, tile+` === document.activeElement`) {
		t.Errorf("focus did not return to the tile: %s", eval[string](t, b, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	waitFor(t, b, `location.search === ""`)
	b.check(t)
}

func TestSharedURL(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	b.do(t, chromedp.Navigate(srv.URL+"/sub/?maturity=incubating&q=trace&item=theta-trace"),
		chromedp.WaitVisible(chromedp.CSS("#item-detail h1")))
	if h := eval[string](t, b, `document.querySelector('#item-dialog h1').textContent`); h != "Theta Trace" {
		t.Errorf("dialog title %q, want Theta Trace", h)
	}
	got := eval[[]string](t, b, `[document.getElementById('q').value, document.querySelector('#facets input[value="incubating"]').checked ? "incubating" : "", document.getElementById('count').textContent, document.title]`)
	want := []string{"trace", "incubating", "1 item, 56k stars", "Theta Trace · Test Landscape"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("restored view (-want +got):\n%s", diff)
	}
	b.do(t, press(kb.Escape))
	if tiles := eval[[]string](t, b, visible); !slices.Equal(tiles, []string{"Theta Trace"}) {
		t.Errorf("tiles behind the dialog %q, want [Theta Trace]", tiles)
	}
	b.check(t)
}

// TestHistory checks that Back undoes what a visitor would expect it to:
// an opened item closes, a tab returns to the one before, and the page is
// not left (bug: every change replaced the history entry).
func TestHistory(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	open(t, b, srv.URL+"/sub/")
	state := `[location.search, document.title, String(document.getElementById('item-dialog').open)]`
	b.do(t, chromedp.Click(chromedp.CSS(`.tabs a[data-tab="serverless"]`)))
	b.do(t, chromedp.Click(chromedp.CSS(`#landscape a[href$="/iota-functions.html"]`)), chromedp.WaitVisible(chromedp.CSS("#item-detail h1")))
	if diff := cmp.Diff([]string{"?tab=serverless&item=iota-functions", "Iota Functions · Test Landscape", "true"}, eval[[]string](t, b, state)); diff != "" {
		t.Errorf("item open (-want +got):\n%s", diff)
	}
	b.do(t, chromedp.NavigateBack())
	waitFor(t, b, `!document.getElementById('item-dialog').open`)
	if diff := cmp.Diff([]string{"?tab=serverless", "Test Landscape", "false"}, eval[[]string](t, b, state)); diff != "" {
		t.Errorf("after Back the dialog should be closed (-want +got):\n%s", diff)
	}
	b.do(t, chromedp.NavigateForward())
	waitFor(t, b, `document.getElementById('item-dialog').open`)
	b.do(t, press(kb.Escape))
	waitFor(t, b, `location.search === "?tab=serverless"`)
	if got := eval[string](t, b, `document.title`); got != "Test Landscape" {
		t.Errorf("title after the dialog closed: %q", got)
	}
	b.do(t, chromedp.NavigateBack())
	waitFor(t, b, `location.search === ""`)
	if got := eval[string](t, b, `document.querySelector('.tabs a[aria-current]').textContent`); got != "Infrastructure" {
		t.Errorf("after Back the tab is %q, want Infrastructure, the first group", got)
	}
	if got := len(eval[[]string](t, b, visible)); got != 9 {
		t.Errorf("after Back to Infrastructure %d tiles visible, want 9", got)
	}
	b.check(t)
}

func TestZoomEnds(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	open(t, b, srv.URL+"/sub/")
	state := `[document.querySelector('[data-zoom="-1"]').disabled, document.querySelector('[data-zoom="1"]').disabled]`
	if got := eval[[]bool](t, b, state); !slices.Equal(got, []bool{false, false}) {
		t.Errorf("at the default zoom the buttons are disabled: %v", got)
	}
	for range 2 {
		b.do(t, chromedp.Click(chromedp.CSS(`[data-zoom="1"]`)))
	}
	if got := eval[[]bool](t, b, state); !slices.Equal(got, []bool{false, true}) {
		t.Errorf("at the largest zoom (out, in) disabled = %v, want [false true]", got)
	}
	open(t, b, srv.URL+"/sub/?zoom=0")
	if got := eval[[]bool](t, b, state); !slices.Equal(got, []bool{true, false}) {
		t.Errorf("at the smallest zoom (out, in) disabled = %v, want [true false]", got)
	}
	b.check(t)
}

func TestSearchResults(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	open(t, b, srv.URL+"/sub/")
	b.do(t, press("/"))
	waitFor(t, b, `performance.getEntriesByType('resource').some(e => e.name.includes('/assets/search.'))`)
	b.do(t, press("trac"))
	results := `[...document.querySelectorAll('#q-results li')].map(li => li.querySelector('.rn').textContent)`
	waitFor(t, b, `document.querySelectorAll('#q-results li').length > 0`)
	if got := eval[[]string](t, b, results); len(got) == 0 || got[0] != "Theta Trace" {
		t.Errorf("results for trac: %q, want Theta Trace first", got)
	}
	b.do(t, press(kb.Escape))
	if !eval[bool](t, b, `document.getElementById('q-results').hidden`) {
		t.Error("Esc did not close the results")
	}
	eval[bool](t, b, `(document.getElementById('q').value = '', true)`)
	b.do(t, press("e"))
	got := eval[[]string](t, b, results)
	if len(got) < 3 || got[0] != "Epsilon" || got[1] != "Eta Monitor" {
		t.Errorf("results for e: %q, want the names starting with e first (Epsilon, Eta Monitor)", got)
	}
	b.do(t, press(kb.ArrowDown+kb.ArrowDown))
	if a := eval[string](t, b, `document.getElementById('q').getAttribute('aria-activedescendant')`); a != "q-r1" {
		t.Errorf("after two arrows the active result is %q, want q-r1", a)
	}
	b.do(t, press(kb.Enter), chromedp.WaitVisible(chromedp.CSS("#item-detail h1")))
	if h := eval[string](t, b, `document.querySelector('#item-dialog h1').textContent`); h != "Eta Monitor" {
		t.Errorf("Enter opened %q, want Eta Monitor", h)
	}
	b.check(t)
}

// TestBoxZoom follows a subcategory's title, which shows that box alone
// with the largest tiles (landscape2's zoom view): the zoom is in the URL,
// Back leaves it and Forward returns to it, Escape and the bar's button
// leave it, the other facets still filter it, and a link zooms a box of
// another tab.
func TestBoxZoom(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	state := `[location.search, [...document.querySelectorAll('#landscape .box')].filter(x => x.checkVisibility()).map(x => x.ariaLabel).join(),
		document.querySelector('#zoom-bar').checkVisibility() ? document.querySelector('#zoom-title').textContent : "",
		document.querySelector('#landscape').className, document.querySelector('[data-zoom="1"]').disabled]`
	all := []any{"", "Container Runtime,Cloud Native Storage,Monitoring,Tracing", "", "landscape z2", false}
	zoomed := []any{"?box=Observability+%2F+Monitoring", "Monitoring", "Observability / Monitoring", "landscape z4 zoomed", true}
	expect := func(when string, want []any) {
		t.Helper()
		if diff := cmp.Diff(want, eval[[]any](t, b, state)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", when, diff)
		}
	}
	open(t, b, srv.URL+"/sub/")
	expect("opened", all)
	click := `document.querySelector('.box[aria-label="Monitoring"] h3 a').click()`
	eval[any](t, b, click)
	expect("after the title's link", zoomed)
	if got := eval[[]string](t, b, visible); !slices.Equal(got, []string{"Gamma", "Zeta Metrics", "Eta Monitor"}) {
		t.Errorf("zoomed, tiles %q", got)
	}
	b.do(t, chromedp.NavigateBack())
	waitFor(t, b, `!document.querySelector('#zoom-bar').checkVisibility()`)
	expect("after Back", all)
	b.do(t, chromedp.NavigateForward())
	waitFor(t, b, `document.querySelector('#zoom-bar').checkVisibility()`)
	expect("after Forward", zoomed)
	// The zoomed box's own title adds no entry; Esc while typing a search
	// is the search's.
	n := eval[int](t, b, `history.length`)
	eval[any](t, b, `document.querySelector('.box[aria-label="Monitoring"] h3 a').click()`)
	if got := eval[int](t, b, `history.length`); got != n {
		t.Errorf("the zoomed box's title added %d history entries", got-n)
	}
	b.do(t, chromedp.Focus(chromedp.CSS("#q")), chromedp.KeyEvent(kb.Escape))
	expect("after Escape in the search box", zoomed)
	b.do(t, chromedp.Blur(chromedp.CSS("#q")), chromedp.KeyEvent(kb.Escape))
	waitFor(t, b, `!document.querySelector('#zoom-bar').checkVisibility()`)
	expect("after Escape", all)
	if got := eval[string](t, b, `document.activeElement.textContent`); got != "Monitoring" {
		t.Errorf("after Escape the focus is on %q, want the box's title", got)
	}
	// A tab's link leaves the zoom for that tab's boxes.
	eval[any](t, b, click)
	eval[any](t, b, `document.querySelector('.tabs a[data-tab="serverless"]').click()`)
	if got := eval[[]any](t, b, state); got[1] != "Framework" || got[2] != "" {
		t.Errorf("a tab while zoomed: %v, want the tab's boxes", got)
	}
	open(t, b, srv.URL+"/sub/")

	eval[any](t, b, click)
	eval[bool](t, b, choose("license", "closed"))
	if got := eval[[]string](t, b, visible); !slices.Equal(got, []string{"Eta Monitor"}) {
		t.Errorf("zoomed and closed source, tiles %q, want Eta Monitor", got)
	}
	eval[any](t, b, `document.querySelector('[data-unbox]').click()`)
	waitFor(t, b, `!document.querySelector('#zoom-bar').checkVisibility()`)
	if got := eval[string](t, b, `location.search`); got != "?license=closed" {
		t.Errorf("after the bar's button the query is %q, want the filter alone", got)
	}

	open(t, b, srv.URL+"/sub/?box=Serverless+%2F+Framework")
	if got := eval[[]any](t, b, state); got[1] != "Framework" || got[2] != "Serverless / Framework" {
		t.Errorf("a link to a box of another tab: %v", got)
	}
	open(t, b, srv.URL+"/sub/?box=No+%2F+Such")
	expect("a link to no box", all)
	b.check(t)
}

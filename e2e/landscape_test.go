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

// setField changes a filter as a visitor would, firing its input event.
func setField(name, value string) string {
	return `(() => { const el = document.querySelector('#filters [name="` + name + `"]');
		el.value = "` + value + `"; el.dispatchEvent(new Event('input', {bubbles: true})); return el.value })()`
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
		name, field, value string
		want               []string
		count, query       string
	}{
		{"category", "category", "Observability", []string{"Gamma", "Zeta Metrics", "Eta Monitor", "Theta Trace"}, "4 items", "category=Observability"},
		{"maturity", "maturity", "incubating", []string{"Delta Store", "Theta Trace"}, "2 items", "maturity=incubating"},
		{"subcategory", "sub", "Observability / Monitoring", []string{"Gamma", "Zeta Metrics", "Eta Monitor"}, "3 items", "sub=Observability+%2F+Monitoring"},
		{"closed source", "oss", "0", []string{"Beta Engine", "Eta Monitor"}, "2 items", "oss=0"},
		{"license", "license", "MIT", []string{"Gamma", "Iota Functions", "Gamma"}, "2 items", "license=MIT"},
		{"min stars", "stars", "5000", []string{"Alpha Runtime", "Delta Store", "Theta Trace"}, "3 items", "stars=5000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			open(t, b, srv.URL+"/sub/")
			eval[string](t, b, setField(tt.field, tt.value))
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
			open(t, b, srv.URL+"/sub/")
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
	got := eval[[]string](t, b, `[document.getElementById('q').value, document.getElementById('f-maturity').value, document.getElementById('count').textContent]`)
	want := []string{"trace", "incubating", "1 item, 56k stars"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("restored view (-want +got):\n%s", diff)
	}
	b.do(t, press(kb.Escape))
	if tiles := eval[[]string](t, b, visible); !slices.Equal(tiles, []string{"Theta Trace"}) {
		t.Errorf("tiles behind the dialog %q, want [Theta Trace]", tiles)
	}
	b.check(t)
}

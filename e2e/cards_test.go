package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/serverless-landscape/landscape/internal/site/sitetest"
)

// TestCardSectionsOrder checks that card sections follow the landscape's
// order whatever the sort: categories as the page lists them, maturity from
// graduated down to archived, items without one last.
func TestCardSectionsOrder(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	sections := `[...document.querySelectorAll('#cards section h2')].map(h => h.firstChild.textContent.trim())`
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"?view=cards&sort=stars", []string{"Runtime", "Observability", "Serverless"}},
		{"?view=cards&group=maturity", []string{"Graduated", "Incubating", "Sandbox", "Archived", "Not a foundation project"}},
		{"?view=cards&group=maturity&sort=stars", []string{"Graduated", "Incubating", "Sandbox", "Archived", "Not a foundation project"}},
	} {
		open(t, b, srv.URL+"/sub/"+tc.query)
		if got := eval[[]string](t, b, sections); !slices.Equal(got, tc.want) {
			t.Errorf("%s: sections %q, want %q", tc.query, got, tc.want)
		}
	}
	b.check(t)
}

// TestViewModeSetting opens a site whose settings say view_mode: card, as
// landscape2's do: the page opens in the card view, the Landscape button
// and a ?view=grid link (landscape2's name) show the landscape, and the
// page's own URL stays without a view parameter.
func TestViewModeSetting(t *testing.T) {
	src := filepath.Join("..", "internal", "render", "testdata", "site")
	s := sitetest.Load(t, src)
	s.Settings.ViewMode = "card"
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "logos"), os.DirFS(filepath.Join(src, "logos"))); err != nil {
		t.Fatal(err)
	}
	renderTo(t, s, dir)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	shown := `[document.querySelector('#cards').checkVisibility(), document.querySelector('#landscape').checkVisibility(), location.search]`
	open(t, b, srv.URL+"/sub/")
	if got := eval[[]any](t, b, shown); got[0] != true || got[1] != false || got[2] != "" {
		t.Errorf("opened: cards shown, landscape shown, query = %v; want the cards alone, no query", got)
	}
	eval[any](t, b, `document.querySelector('[data-view="landscape"]').click()`)
	waitFor(t, b, `document.querySelector('#landscape').checkVisibility()`)
	if got := eval[[]any](t, b, shown); got[0] != false || got[2] != "?view=landscape" {
		t.Errorf("after Landscape: %v, want the landscape at ?view=landscape", got)
	}
	eval[any](t, b, `document.querySelector('[data-view="cards"]').click()`)
	waitFor(t, b, `document.querySelector('#cards').checkVisibility()`)
	if got := eval[string](t, b, `location.search`); got != "" {
		t.Errorf("back to the cards, the query is %q, want none", got)
	}
	// A box's link (its title's href) zooms it on the landscape.
	open(t, b, srv.URL+"/sub/?box=Observability+%2F+Monitoring")
	if got := eval[[]any](t, b, `[document.querySelector('#landscape').checkVisibility(), document.querySelector('#zoom-title').textContent]`); got[0] != true || got[1] != "Observability / Monitoring" {
		t.Errorf("?box= with view_mode card: %v, want the box zoomed on the landscape", got)
	}
	open(t, b, srv.URL+"/sub/?view=grid")
	if got := eval[[]any](t, b, shown); got[0] != false || got[1] != true {
		t.Errorf("?view=grid: %v, want the landscape", got)
	}
	b.check(t)
}

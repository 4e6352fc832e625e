package e2e

import (
	"slices"
	"testing"
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

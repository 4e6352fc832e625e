package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestItemPage opens the page of a project with several repositories
// (Vitess, of cncf-full, with facts from the fake GitHub) on a desktop and
// a phone, in light and dark mode: every section is there, every
// repository has its charts, nothing overflows the page sideways, and
// axe-core finds nothing serious; then the stats page, on both widths.
// Screenshots go to test-output/.
func TestItemPage(t *testing.T) {
	dir, _ := buildSiteWith(t, "cncf-full", options{logos: true, facts: true})
	srv := serve(t, dir, "/")
	b := newBrowser(t, hostOf(srv.URL))
	out := filepath.Join("..", "test-output")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{1440, 390} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(scheme+"/"+strconv.FormatInt(width, 10), func(t *testing.T) {
				media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
				b.do(t, chromedp.EmulateViewport(width, 900, chromedp.EmulateScale(1)))
				if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, media); err != nil {
					t.Fatal(err)
				}
				b.do(t, chromedp.Navigate(srv.URL+"/items/vitess.html"), chromedp.WaitVisible(chromedp.CSS("#item-detail h1")))
				checkItemSections(t, b)
				if over := eval[int](t, b, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
					t.Errorf("the page is %dpx wider than the window", over)
				}
				for _, v := range axe(t, b) {
					t.Errorf("%s", v)
				}
				png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				name := "item-vitess-" + strconv.FormatInt(width, 10) + "-" + scheme
				if err := os.WriteFile(filepath.Join(out, name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
				// The window alone at the first repository, to look at closely.
				eval[bool](t, b, `document.querySelector('#item-detail .repo').scrollIntoView(); true`)
				if png, err = chromedp.Run(b.ctx, chromedp.CaptureScreenshot()); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(out, name+"-repo.png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	for _, width := range []int64{1440, 390} {
		t.Run("stats/"+strconv.FormatInt(width, 10), func(t *testing.T) {
			b.do(t, chromedp.EmulateViewport(width, 900, chromedp.EmulateScale(1)))
			b.do(t, chromedp.Navigate(srv.URL+"/stats.html"), chromedp.WaitVisible(chromedp.CSS("main h1")))
			if n := eval[int](t, b, `document.querySelectorAll('main svg').length`); n < 15 {
				t.Errorf("got %d charts on the stats page, want 15 or more", n)
			}
			if over := eval[int](t, b, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
				t.Errorf("the stats page is %dpx wider than the window", over)
			}
			for _, v := range axe(t, b) {
				t.Errorf("%s", v)
			}
			png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, "stats-cncf-full-"+strconv.FormatInt(width, 10)+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
	b.check(t)
}

func checkItemSections(t *testing.T, b *browser) {
	t.Helper()
	heads := eval[[]string](t, b, `[...document.querySelectorAll('#item-detail h2')].map(h => h.textContent)`)
	for _, want := range []string{"Maturity", "About", "Organization", "Repositories", "Links", "Security audits"} {
		if !slices.Contains(heads, want) {
			t.Errorf("no %q section: got %q", want, heads)
		}
	}
	repos := eval[int](t, b, `document.querySelectorAll('#item-detail .repo').length`)
	charts := eval[int](t, b, `document.querySelectorAll('#item-detail .repo .activity svg').length`)
	langs := eval[int](t, b, `document.querySelectorAll('#item-detail .repo .languages svg').length`)
	if repos < 4 || charts != repos || langs != repos {
		t.Errorf("got %d repositories, %d activity charts, %d language bars; want 4 or more of each", repos, charts, langs)
	}
	if first := eval[string](t, b, `document.querySelector('#item-detail .repo h3').textContent`); !strings.Contains(first, "Primary") {
		t.Errorf("first repository %q is not the primary one", first)
	}
	if n := eval[int](t, b, `document.querySelectorAll('#item-detail .timeline li').length`); n < 2 {
		t.Errorf("got %d timeline steps, want accepted, incubating, graduated", n)
	}
	if n := eval[int](t, b, `document.querySelectorAll('#item-detail .audits tbody tr').length`); n == 0 {
		t.Error("no audit rows")
	}
	if raw := eval[bool](t, b, `document.querySelector('#item-detail').textContent.includes('Clomonitor name')`); raw {
		t.Error("extra keys shown raw")
	}
}

// TestProjectsTable sorts the projects table by a number column and back,
// and checks the page without the script is the whole table.
func TestProjectsTable(t *testing.T) {
	dir, _ := testSite(t)
	srv := serve(t, dir, "/sub/")
	b := newBrowser(t, hostOf(srv.URL))
	b.do(t, chromedp.Navigate(srv.URL+"/sub/projects.html"), chromedp.WaitVisible(chromedp.CSS(".projects-table")))
	names := `[...document.querySelectorAll('.projects-table tbody th')].map(th => th.textContent)`
	if got := eval[[]string](t, b, names); strings.Join(got, ",") != "Alpha Runtime,Delta Store,Epsilon,Gamma,Theta Trace" {
		t.Errorf("got rows %q, want every project by name", got)
	}
	if !eval[bool](t, b, `!!document.querySelector('.nav a[href$="projects.html"][aria-current=page]')`) {
		t.Error("the header does not link to the projects page")
	}
	const starsButton = `.projects-table thead th:nth-child(8) button`
	stars := "document.querySelector('" + starsButton + "')"
	b.do(t, chromedp.Click(chromedp.CSS(starsButton)))
	if got := eval[[]string](t, b, names); strings.Join(got, ",") != "Gamma,Epsilon,Delta Store,Alpha Runtime,Theta Trace" {
		t.Errorf("by stars: got %q", got)
	}
	b.do(t, chromedp.Click(chromedp.CSS(starsButton)))
	if got := eval[[]string](t, b, names); got[0] != "Theta Trace" ||
		eval[string](t, b, stars+`.parentElement.getAttribute('aria-sort')`) != "descending" {
		t.Errorf("by stars, descending: got %q", got)
	}
	for _, v := range axe(t, b) {
		t.Errorf("%s", v)
	}
	b.check(t)
}

package poster

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
	"github.com/serverless-landscape/landscape/internal/site/sitetest"
)

func fixture(t *testing.T) *site.Site {
	return sitetest.Load(t, filepath.Join("..", "render", "testdata", "site"))
}

// corpus assembles cncf-full with its landscape2 settings, or skips.
func corpus(t *testing.T) *site.Site {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "cncf-full")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("cncf-full corpus not found at ../shared/corpora/cncf-full: skipping the corpus layout")
	}
	fsys := os.DirFS(dir)
	l, _, err := landscape.Load(fsys, "landscape.yml")
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := landscape.LoadSettings(fsys, "landscape2-sites/settings.yml")
	if err != nil {
		t.Fatal(err)
	}
	return site.Assemble(l, s, nil)
}

func TestLayout(t *testing.T) {
	for _, tc := range []struct {
		name  string
		site  func(*testing.T) *site.Site
		width float64
	}{
		{"fixture", fixture, DefaultWidth},
		{"fixture narrow", fixture, 400},
		{"cncf-full", corpus, DefaultWidth},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.site(t)
			checkLayout(t, s.Categories, Lay(s.Categories, tc.width))
		})
	}
}

// checkLayout holds the layout to the page: every item in each of its
// boxes in the box's order, boxes in page order and in reading order on
// the poster, every tile inside its box and no two tiles overlapping.
func checkLayout(t *testing.T, cats []*site.Category, l *Layout) {
	t.Helper()
	var want []*site.Subcategory
	for _, c := range cats {
		for _, s := range c.Subcategories {
			if len(s.Items) > 0 {
				want = append(want, s)
			}
		}
	}
	var got []Box
	var tiles []Rect
	for _, b := range l.Bands {
		for _, bx := range b.Boxes {
			got = append(got, bx)
			if !inside(bx.Rect, b.Rect) {
				t.Errorf("box %q at %+v is outside its band %+v", bx.Sub.Name, bx.Rect, b.Rect)
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d boxes, want %d", len(got), len(want))
	}
	for i, bx := range got {
		if bx.Sub != want[i] {
			t.Fatalf("box %d: got %q, want %q (page order)", i, bx.Sub.Name, want[i].Name)
		}
		if i > 0 && bx.Sub.Category == got[i-1].Sub.Category {
			prev := got[i-1]
			if bx.Y < prev.Y || bx.Y == prev.Y && bx.X <= prev.X {
				t.Errorf("box %q at %v,%v comes before %q at %v,%v in reading order", bx.Sub.Name, bx.X, bx.Y, prev.Sub.Name, prev.X, prev.Y)
			}
		}
		if len(bx.Tiles) != len(bx.Sub.Items) {
			t.Fatalf("box %q: %d tiles for %d items", bx.Sub.Name, len(bx.Tiles), len(bx.Sub.Items))
		}
		for k, tl := range bx.Tiles {
			if tl.Item != bx.Sub.Items[k] {
				t.Errorf("box %q tile %d: got %q, want %q", bx.Sub.Name, k, tl.Item.Name, bx.Sub.Items[k].Name)
			}
			if !inside(tl.Rect, bx.Rect) {
				t.Errorf("tile %q at %+v is outside box %q %+v", tl.Item.Name, tl.Rect, bx.Sub.Name, bx.Rect)
			}
			tiles = append(tiles, tl.Rect)
		}
	}
	sort.Slice(tiles, func(i, j int) bool { return tiles[i].Y < tiles[j].Y })
	for i, a := range tiles { // sweep: only tiles starting above a's bottom can overlap it
		for _, b := range tiles[i+1:] {
			if b.Y >= a.Y+a.H {
				break
			}
			if a.overlaps(b) {
				t.Fatalf("tiles %+v and %+v overlap", a, b)
			}
		}
	}
	if l.H <= 0 || len(l.Bands) > 0 && l.Bands[len(l.Bands)-1].Y+l.Bands[len(l.Bands)-1].H > l.H {
		t.Errorf("poster height %v does not hold its bands", l.H)
	}
}

func inside(r, o Rect) bool {
	return r.X >= o.X && r.Y >= o.Y && r.X+r.W <= o.X+o.W && r.Y+r.H <= o.Y+o.H
}

func TestLayoutFeatured(t *testing.T) {
	s := fixture(t)
	l := Lay(s.Categories, DefaultWidth)
	n := 0
	for _, b := range l.Bands {
		for _, bx := range b.Boxes {
			for _, tl := range bx.Tiles {
				if tl.Item.Featured != tl.Featured {
					t.Errorf("%s: featured %v, tile featured %v", tl.Item.Name, tl.Item.Featured, tl.Featured)
				}
				if tl.Featured {
					n++
					if tl.W != 2*tileW+gap || tl.H != 2*tileH+gap {
						t.Errorf("%s: featured tile is %vx%v", tl.Item.Name, tl.W, tl.H)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("the fixture has no featured tile: the test checks nothing")
	}
}

// TestGroupPosters checks that a group's poster shows the group's
// categories in the group's order, as the page's tab does.
func TestGroupPosters(t *testing.T) {
	s := fixture(t)
	s.Settings.Groups = []landscape.Group{{Name: "Mixed", Alias: "mixed", Categories: []string{"Serverless", "Nowhere", "Runtime", "Serverless"}}}
	list, _ := Plan(Input{Site: s})
	if len(list) != 2 || list[1].Name != "landscape-mixed" {
		t.Fatalf("got %d posters, want the landscape and landscape-mixed", len(list))
	}
	var got []string
	for _, b := range list[1].Layout.Bands {
		got = append(got, b.Category.Name)
	}
	if want := []string{"Serverless", "Runtime"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("bands %q, want %q", got, want)
	}
}

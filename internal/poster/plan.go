package poster

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/serverless-landscape/landscape/internal/drawing"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

// DefaultWidth is the poster's width in CSS pixels when settings say none;
// the PNG is drawn at twice that.
const DefaultWidth = 3000

// Input is what the posters are made of.
type Input struct {
	Site     *site.Site
	Logos    map[string][]byte      // by site.Item.Logo: the sanitized SVG to print (with its original rasters)
	Date     time.Time              // the data's date; zero leaves it out
	Prepared map[[32]byte]*Prepared // logos prepared by an earlier build, by the SHA-256 of their bytes; may be nil
	// Unfaithful lists the logos measured too far from Chromium's
	// rendering (ReadFidelity), by the SHA-256 of their bytes; may be nil.
	Unfaithful map[[32]byte]float64
}

// Poster is one picture: the whole landscape, or one group's categories.
type Poster struct {
	Name    string // file name without extension: "landscape", "landscape-GROUP"
	Formats []string
	Layout  *Layout
	Page    *drawing.Page
	logos   map[string][]byte // by drawing.Logo.Key: the markup the SVG embeds
}

// Fallback is a logo that a poster does not draw from its vector data.
type Fallback struct {
	Item   *site.Item
	Reason string // what the renderer cannot draw
	Raster bool   // drawn as its embedded raster; otherwise as a name tile
}

// Report says what Plan could not draw as it is.
type Report struct {
	Fallbacks []Fallback
	Glyphs    map[string][]rune      // names with characters the Go fonts lack, by item ID
	Prepared  map[[32]byte]*Prepared // every logo of these posters, for the next build
	Reused    int                    // logos taken from Input.Prepared rather than drawn
}

// Plan lays out the posters the settings ask for: the whole landscape in
// every format, and with groups one SVG per group (and the formats of
// poster.group_formats).
func Plan(in Input) ([]*Poster, Report) {
	st := in.Site.Settings
	width := float64(st.Poster.Width)
	if width <= 0 {
		width = float64(st.ScreenshotWidth)
	}
	if width <= 0 {
		width = DefaultWidth
	}
	full := &plan{name: "landscape", title: st.Name, cats: in.Site.Categories, formats: []string{"svg", "pdf", "png"}}
	plans := []*plan{full}
	groupFormats := st.Poster.GroupFormats
	if len(groupFormats) == 0 {
		groupFormats = []string{"svg"}
	}
	for _, g := range st.Groups {
		var cats []*site.Category // in the group's order, as the page's tab shows them
		for _, name := range g.Categories {
			i := slices.IndexFunc(in.Site.Categories, func(c *site.Category) bool { return c.Name == name })
			if i >= 0 && !slices.Contains(cats, in.Site.Categories[i]) {
				cats = append(cats, in.Site.Categories[i])
			}
		}
		if len(cats) > 0 {
			plans = append(plans, &plan{name: "landscape-" + g.Alias, title: st.Name + " · " + g.Name, cats: cats, formats: groupFormats})
		}
	}
	for _, pl := range plans {
		pl.layout = Lay(pl.cats, width)
	}
	lib, rep := readLogos(in, needs(plans, in.Logos))
	p := &planner{in: in, lib: lib, theme: newTheme(st)}
	var out []*Poster
	for _, pl := range plans {
		out = append(out, p.poster(pl))
	}
	return out, rep
}

// plan is one poster to draw.
type plan struct {
	name, title string
	cats        []*site.Category
	formats     []string
	layout      *Layout
}

// needs lists, for each logo file, the rasters and forms the posters draw.
func needs(plans []*plan, data map[string][]byte) map[string]*need {
	out := map[string]*need{}
	for _, pl := range plans {
		png, pdf := slices.Contains(pl.formats, "png"), slices.Contains(pl.formats, "pdf")
		for _, b := range pl.layout.Bands {
			for _, bx := range b.Boxes {
				for _, tl := range bx.Tiles {
					it := tl.Item
					if it.Logo == "" || data[it.Logo] == nil {
						continue
					}
					n := out[it.Logo]
					if n == nil {
						n = &need{}
						out[it.Logo] = n
					}
					if png {
						_, k := drawing.StampAt(tileInner(tl), pngScale, it.Archived)
						n.addStamp(k)
					}
					if pdf {
						n.addForm(it.Archived)
					}
				}
			}
		}
	}
	return out
}

// Glyphs lists the characters of item names that the posters' fonts lack,
// by item ID.
func Glyphs(s *site.Site) map[string][]rune {
	out := map[string][]rune{}
	for _, it := range s.Items {
		if m := drawing.Missing(it.Name); len(m) > 0 {
			out[it.ID] = m
		}
	}
	return out
}

// logo is a logo as the posters draw it.
type logo struct {
	key    string
	art    *drawing.Art // nil: a name tile
	symbol []byte       // the scoped <symbol> the SVG posters embed, \x00 for key
	why    string       // what the renderer cannot draw
}

// readLogos prepares every distinct logo the posters show once, on every
// CPU, or takes it from in.Prepared, and decides how each is drawn.
func readLogos(in Input, needs map[string]*need) (map[string]*logo, Report) {
	rep := Report{Glyphs: Glyphs(in.Site), Prepared: map[[32]byte]*Prepared{}}
	names := slices.Sorted(maps.Keys(needs))
	lib := make(map[string]*logo, len(names))
	var mu sync.Mutex
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				data := in.Logos[names[i]]
				sum := sha256.Sum256(data)
				measured := ""
				if d, ok := in.Unfaithful[sum]; ok {
					measured = unfaithful(d)
				}
				var art *drawing.Art
				p, reused := in.Prepared[sum]
				if reused && p.covers(needs[names[i]]) && p.Measured == measured {
					if art = p.art(); art == nil && p.Drawn {
						reused = false
					}
				} else {
					reused = false
				}
				if !reused {
					p, art = prepare(data, needs[names[i]], measured)
				}
				mu.Lock()
				lib[names[i]] = &logo{key: fmt.Sprintf("l%d", i), art: art, symbol: p.Symbol, why: p.Why}
				rep.Prepared[sum] = p
				if reused {
					rep.Reused++
				}
				mu.Unlock()
			}
		})
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, it := range in.Site.Items {
		if l := lib[it.Logo]; l != nil && l.why != "" {
			rep.Fallbacks = append(rep.Fallbacks, Fallback{Item: it, Reason: l.why, Raster: l.art != nil})
		}
	}
	return lib, rep
}

func largest(rs []*drawing.Image) *drawing.Image {
	var best *drawing.Image
	for _, r := range rs {
		if best == nil || area(r) > area(best) {
			best = r
		}
	}
	return best
}

func area(r *drawing.Image) int { b := r.Img.Bounds(); return b.Dx() * b.Dy() }

// rasterScene is a scene of the raster alone, at its own pixel size.
func rasterScene(r *drawing.Image) *drawing.Scene {
	b := r.Img.Bounds()
	im := &drawing.Image{M: drawing.Translate(-float64(b.Min.X), -float64(b.Min.Y)), Img: r.Img, Data: r.Data, Format: r.Format, Opacity: r.Opacity}
	return &drawing.Scene{ViewBox: drawing.Rect{W: float64(b.Dx()), H: float64(b.Dy())},
		Root: &drawing.Group{Opacity: 1, Children: []drawing.Node{im}}}
}

// theme is the page's palette (templates/css), with the settings' accent.
type theme struct {
	bg, card, line, accent, onAccent, muted, text, tileBorder, featured, closed, closedBorder, archived drawing.Color
}

func newTheme(st *landscape.Settings) theme {
	hex := func(s string) drawing.Color { c, _ := drawing.ParseColor(s); return c }
	t := theme{bg: hex("#f4f6f8"), card: hex("#fff"), line: hex("#d5dbe2"), accent: hex("#0b5cad"), onAccent: hex("#fff"),
		muted: hex("#515a66"), text: hex("#1b1f24"), tileBorder: hex("#c9d0d8"), featured: hex("#0a7146"),
		closed: hex("#e9ecf0"), closedBorder: hex("#8c96a3"), archived: hex("#e4e7eb")}
	if c, ok := drawing.ParseColor(st.Colors["color1"]); ok && contrastWithWhite(c) >= 4.5 {
		c.A = 1
		t.accent = c
	}
	return t
}

// contrastWithWhite is the WCAG contrast ratio of c against white, the
// rule the page applies to the accent behind white text.
func contrastWithWhite(c drawing.Color) float64 {
	lin := func(v float64) float64 {
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
	return 1.05 / (l + 0.05)
}

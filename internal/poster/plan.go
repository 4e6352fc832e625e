package poster

import (
	"encoding/base64"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
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
	Site  *site.Site
	Logos map[string][]byte // by site.Item.Logo: the sanitized SVG to print (with its original rasters)
	Date  time.Time         // the data's date; zero leaves it out
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
	Glyphs    map[string][]rune // names with characters the Go fonts lack, by item ID
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
	lib, rep := readLogos(in.Site, in.Logos)
	p := &planner{in: in, lib: lib, theme: newTheme(st)}
	out := []*Poster{p.poster("landscape", in.Site.Settings.Name, in.Site.Categories, width, []string{"svg", "pdf", "png"})}
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
			out = append(out, p.poster("landscape-"+g.Alias, in.Site.Settings.Name+" · "+g.Name, cats, width, groupFormats))
		}
	}
	return out, rep
}

// logo is a logo as the posters draw it.
type logo struct {
	key    string
	scene  *drawing.Scene // nil: a name tile
	symbol []byte         // the scoped <symbol> the SVG posters embed
}

// readLogos reads every distinct logo once, on every CPU, and decides how
// each is drawn.
func readLogos(s *site.Site, data map[string][]byte) (map[string]*logo, Report) {
	rep := Report{Glyphs: map[string][]rune{}}
	files := map[string]bool{}
	for _, it := range s.Items {
		if it.Logo != "" && data[it.Logo] != nil {
			files[it.Logo] = true
		}
		if m := drawing.Missing(it.Name); len(m) > 0 {
			rep.Glyphs[it.ID] = m
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for f := range files {
			if !yield(f) {
				return
			}
		}
	})
	lib := make(map[string]*logo, len(names))
	reasons := make(map[string]string)
	var mu sync.Mutex
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				l, why := readLogo(fmt.Sprintf("l%d", i), data[names[i]])
				mu.Lock()
				lib[names[i]], reasons[names[i]] = l, why
				mu.Unlock()
			}
		})
	}
	for i := range names {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, it := range s.Items {
		if why := reasons[it.Logo]; why != "" {
			rep.Fallbacks = append(rep.Fallbacks, Fallback{Item: it, Reason: why, Raster: lib[it.Logo].scene != nil})
		}
	}
	return lib, rep
}

// readLogo reads one logo; why says what could not be drawn, when the
// logo falls back to its largest raster (scene set) or a name tile.
func readLogo(key string, data []byte) (*logo, string) {
	sc, sym, err := drawing.ReadSymbol(data, key)
	if err != nil {
		return &logo{key: key}, err.Error()
	}
	if len(sc.Problems) == 0 {
		return &logo{key: key, scene: sc, symbol: sym}, ""
	}
	why := strings.Join(sc.Problems, ", ")
	if r := largest(sc.Rasters); r != nil {
		b := r.Img.Bounds()
		svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d"><image width="%d" height="%d" href="data:image/%s;base64,%s"/></svg>`,
			b.Dx(), b.Dy(), b.Dx(), b.Dy(), r.Format, base64.StdEncoding.EncodeToString(r.Data))
		if _, sym, err := drawing.ReadSymbol([]byte(svg), key); err == nil {
			return &logo{key: key, scene: rasterScene(r), symbol: sym}, why
		}
	}
	return &logo{key: key}, why
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

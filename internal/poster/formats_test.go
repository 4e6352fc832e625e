package poster

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/logos"
)

// fixturePosters plans the fixture's posters, its items taking turns with
// the logos of testdata (whose ids and classes clash), sanitized as the
// build serves them; the last item keeps no logo.
func fixturePosters(t *testing.T) ([]*Poster, Report) { return Plan(fixtureInput(t)) }

// fixtureInput is what fixturePosters plans.
func fixtureInput(t *testing.T) Input {
	s := fixture(t)
	data := map[string][]byte{}
	for i, it := range s.Items {
		it.Logo = []string{"testdata/a.svg", "testdata/b.svg"}[i%2]
		if i == len(s.Items)-1 {
			it.Logo = ""
			continue
		}
		raw, err := os.ReadFile(it.Logo)
		if err != nil {
			t.Fatal(err)
		}
		clean, err := logos.Sanitize(raw)
		if err != nil {
			t.Fatal(err)
		}
		data[it.Logo] = clean
	}
	return Input{Site: s, Logos: data, Date: time.Date(2026, 8, 7, 0, 0, 0, 0, time.UTC)}
}

func encode(t *testing.T, po *Poster, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := po.Write(&b, format); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSVG(t *testing.T) {
	list, _ := fixturePosters(t)
	svg := encode(t, list[0], "svg")
	ids, uses, links := map[string]bool{}, 0, 0
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "id":
				if ids[a.Value] {
					t.Errorf("id %q appears twice: logos clash", a.Value)
				}
				ids[a.Value] = true
			case "href":
				if el.Name.Local == "use" {
					uses++
				}
				if el.Name.Local == "a" {
					links++
					if !strings.HasPrefix(a.Value, "https://") || !strings.Contains(a.Value, "/items/") {
						t.Errorf("tile link %q is not an item page of the site", a.Value)
					}
				}
			}
		}
	}
	tiles := 0
	for _, b := range list[0].Layout.Bands {
		for _, bx := range b.Boxes {
			tiles += len(bx.Tiles)
		}
	}
	if links != tiles || uses == 0 {
		t.Errorf("got %d links and %d logo uses for %d tiles", links, uses, tiles)
	}
	// Apart from the tiles' links, the poster is what the logo sanitizer
	// keeps: sanitizing it (links made groups) keeps every logo and id.
	asGroups := strings.NewReplacer("<a ", "<g ", "</a>", "</g>").Replace(string(svg))
	clean, err := logos.Sanitize([]byte(asGroups))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(clean), "<use"); got != uses {
		t.Errorf("the sanitizer keeps %d of %d <use> elements", got, uses)
	}
	if got := strings.Count(string(clean), " id="); got != len(ids) {
		t.Errorf("the sanitizer keeps %d of %d ids", got, len(ids))
	}
}

func TestPNG(t *testing.T) {
	list, _ := fixturePosters(t)
	data := encode(t, list[0], "png")
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if want := int(2 * list[0].Page.W); img.Bounds().Dx() != want {
		t.Errorf("png is %d pixels wide, want twice the poster's %v: %d", img.Bounds().Dx(), list[0].Page.W, want)
	}
	want := list[0].Page.Rasterize(2)
	for y := 0; y < want.Bounds().Dy(); y += 7 {
		for x := 0; x < want.Bounds().Dx(); x += 5 {
			r, g, b, _ := img.At(x, y).RGBA()
			w := want.RGBAAt(x, y)
			if uint8(r>>8) != w.R || uint8(g>>8) != w.G || uint8(b>>8) != w.B {
				t.Fatalf("pixel %d,%d: got %d,%d,%d, want %v", x, y, r>>8, g>>8, b>>8, w)
			}
		}
	}
}

// TestPDF opens the PDF with poppler, as a reader would.
func TestPDF(t *testing.T) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdfinfo not found and CI is set: install poppler-utils")
		}
		t.Skip("pdfinfo not found: install poppler-utils (apt-get install -y poppler-utils) to check the PDF")
	}
	list, _ := fixturePosters(t)
	data := encode(t, list[0], "pdf")
	dir := t.TempDir()
	file := filepath.Join(dir, "landscape.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", file).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Syntax Error") {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	w, h := list[0].Page.W*0.75, list[0].Page.H*0.75
	if want := "Page size: " + strconv.FormatFloat(w, 'f', -1, 64) + " x " + strconv.FormatFloat(h, 'f', -1, 64) + " pts"; !strings.Contains(strings.Join(strings.Fields(string(out)), " "), strings.Join(strings.Fields(want), " ")) {
		t.Errorf("pdfinfo says\n%s\nwant %q", out, want)
	}
	out, err = exec.Command("pdftoppm", "-r", "18", "-png", file, filepath.Join(dir, "page")).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	img, err := os.Open(filepath.Join(dir, "page-1.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer img.Close()
	if _, err := png.DecodeConfig(img); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "/Subtype/Link"); n == 0 {
		t.Error("the PDF has no link annotations")
	}
}

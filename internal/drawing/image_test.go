package drawing

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

// TestRepeatedBitmap checks that a bitmap a logo draws several times is
// decoded once, and is one PDF image object however often it is placed,
// while each placement keeps its own position.
func TestRepeatedBitmap(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for i := range src.Pix {
		src.Pix[i] = 0x80
	}
	src.Set(0, 0, color.NRGBA{255, 0, 0, 10}) // not opaque: drawn from its pixels in the PDF
	var b bytes.Buffer
	if err := png.Encode(&b, src); err != nil {
		t.Fatal(err)
	}
	href := "data:image/png;base64," + base64.StdEncoding.EncodeToString(b.Bytes())
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10">` +
		`<image width="10" height="10" href="` + href + `"/>` +
		`<image x="10" width="10" height="10" href="` + href + `"/><image x="20" width="10" height="10" href="` + href + `"/></svg>`
	sc, err := Read([]byte(svg))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Rasters) != 1 {
		t.Errorf("got %d rasters, want the one bitmap once", len(sc.Rasters))
	}
	img := sc.Rasterize(30, 10)
	for _, x := range []int{5, 15, 25} {
		if a := img.RGBAAt(x, 5).A; a == 0 {
			t.Errorf("nothing drawn at x=%d: each placement keeps its position", x)
		}
	}
	f := NewPDFForm(sc, false)
	images := 0
	for _, o := range f.Objs {
		if strings.Contains(o.Dict, "/Subtype/Image") && strings.Contains(o.Dict, "/SMask") {
			images++
		}
	}
	if images != 1 {
		t.Errorf("the PDF form has %d image objects for one bitmap placed three times, want 1", images)
	}
}

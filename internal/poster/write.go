package poster

import (
	"bytes"
	"fmt"

	"github.com/serverless-landscape/landscape/internal/drawing"
)

// Encode writes the poster in one format: svg, pdf, or png at twice its
// CSS size.
func (po *Poster) Encode(format string) ([]byte, error) {
	switch format {
	case "svg":
		return po.SVG()
	case "pdf":
		return po.Page.PDF()
	case "png":
		var b bytes.Buffer
		if err := drawing.EncodePNG(&b, po.Page.Rasterize(2)); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	return nil, fmt.Errorf("unknown poster format %q", format)
}

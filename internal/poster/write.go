package poster

import (
	"bufio"
	"fmt"
	"io"
)

// pngScale is the PNG's device pixels per CSS pixel.
const pngScale = 2

// Write writes the poster in one format to w: svg, pdf, or png at twice
// its CSS size.
func (po *Poster) Write(w io.Writer, format string) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var err error
	switch format {
	case "svg":
		err = po.writeSVG(bw)
	case "pdf":
		err = po.Page.WritePDF(bw)
	case "png":
		err = po.Page.WritePNG(bw, pngScale)
	default:
		return fmt.Errorf("unknown poster format %q", format)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

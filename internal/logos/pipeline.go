package logos

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // rasters named .svg are wrapped, so their size must be read
	_ "image/jpeg"
	_ "image/png"
	"math"
)

// processBytes runs the content steps for one logo, remembering the
// outcome in memory and on disk by content hash.
func (p *Processor) processBytes(data []byte) processed {
	key := contentKey(data, p.opts.WarnBytes)
	return p.memo.get(key, func() processed {
		if v, ok := p.readDisk(key); ok {
			return v
		}
		p.cpuSem <- struct{}{}
		v := p.compute(data)
		<-p.cpuSem
		if !v.transient {
			p.writeDisk(key, v)
		}
		return v
	})
}

// compute checks, sanitizes, crops and minifies one logo.
func (p *Processor) compute(data []byte) processed {
	doc, problems := checkBytes(data, p.opts.WarnBytes)
	raster := doc == nil && rasterKind(data) != ""
	if raster {
		if wrapped, err := wrapRaster(data); err == nil {
			doc, _ = parseSVG(wrapped) // served as an SVG image so the item keeps its logo
		}
	}
	if doc == nil {
		return processed{Missing: true, Problems: problems}
	}
	if !raster {
		problems = append(problems, checkTree(doc)...)
	}
	root, uses, err := sanitizeTree(doc.root)
	if err != nil {
		if !errors.Is(err, errNoSVGRoot) { // checkBytes reported those
			problems = append(problems, errorf("%v", err))
		}
		return processed{Missing: true, Problems: problems}
	}
	v := processed{Problems: append(problems, uses.problems()...)}
	if raster {
		err = errors.New("is a raster image")
	} else {
		bud := newBudget(p.cropWork, p.cropTimeout)
		v.Cropped, err = cropTree(root, bud)
		v.transient = bud.timedOut
	}
	if err != nil {
		v.CropError = err.Error()
		if isLimit(err) {
			v.Problems = append(v.Problems, warnf("was not cropped: it %v; its viewBox is kept (simplify the drawing)", err))
		}
	}
	out := render(root)
	// The minifier may rewrite its input in place: give it a copy, so the
	// fallback really is what the sanitizer wrote.
	if min, err := p.min.Bytes("image/svg+xml", bytes.Clone(out)); err == nil && parses(min) {
		out = min // else serve it unminified: never bytes that do not parse
	}
	v.Data = out
	v.File = fileName(out)
	v.Ratio = 1
	if vb, ok := viewBox(root); ok {
		v.Ratio = math.Round(vb.w()/vb.h()*1e4) / 1e4
	}
	return v
}

// wrapRaster turns a PNG, JPEG or GIF into an SVG that shows it, sized to
// its pixels.
func wrapRaster(data []byte) ([]byte, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("empty %s image", format)
	}
	return fmt.Appendf(nil, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d"><image width="%d" height="%d" href="data:image/%s;base64,%s"/></svg>`,
		cfg.Width, cfg.Height, cfg.Width, cfg.Height, format, base64.StdEncoding.EncodeToString(data)), nil
}

// fileName names served bytes by their content, so identical logos share a
// file and a name can be checked against its bytes.
func fileName(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:6]) + ".svg"
}

func parses(data []byte) bool {
	_, err := parseSVG(data)
	return err == nil
}

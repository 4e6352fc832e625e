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

	"github.com/tdewolff/minify/v2/svg"
)

// processBytes runs the content steps for one logo, remembering the
// outcome in memory and on disk by content hash. full keeps the logo at
// full resolution and precision (Processor.Original).
func (p *Processor) processBytes(data []byte, full bool) processed {
	key := contentKey(data, p.opts.WarnBytes)
	if full {
		key += "-full"
	}
	return p.memo.get(key, func() processed {
		if v, ok := p.readDisk(key); ok {
			return v
		}
		p.cpuSem <- struct{}{}
		v, whole := p.compute(data, full)
		<-p.cpuSem
		if !v.transient {
			p.writeDisk(key, v)
		}
		if whole != nil { // the print's bytes come free with the screen's: Original needs no second pass
			p.memo.put(key+"-full", *whole)
			if !whole.transient {
				p.writeDisk(key+"-full", *whole)
			}
		}
		return v
	})
}

// compute checks, sanitizes, crops, reduces and minifies one logo. When
// the reductions changed it, whole is the logo as Original returns it.
func (p *Processor) compute(data []byte, full bool) (v processed, whole *processed) {
	doc, problems := checkBytes(data, p.opts.WarnBytes)
	raster := doc == nil && rasterKind(data) != ""
	if raster {
		if wrapped, err := wrapRaster(data); err == nil {
			doc, _ = parseSVG(wrapped) // served as an SVG image so the item keeps its logo
		}
	}
	if doc == nil {
		return processed{Missing: true, Problems: problems}, nil
	}
	if !raster {
		problems = append(problems, checkTree(doc)...)
	}
	root, uses, err := sanitizeTree(doc.root)
	if err != nil {
		if !errors.Is(err, errNoSVGRoot) { // checkBytes reported those
			problems = append(problems, errorf("%v", err))
		}
		return processed{Missing: true, Problems: problems}, nil
	}
	v = processed{Problems: append(problems, uses.problems()...)}
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
	whole = p.finish(&v, root, full)
	return v, whole
}

// finish reduces what the largest display cannot show (shrink.go,
// precision.go) unless full, and writes the logo, minified. Saved is what
// the reductions took off the bytes; when they took any, the logo without
// them is returned too.
func (p *Processor) finish(v *processed, root *node, full bool) *processed {
	vb, ok := viewBox(root)
	v.Ratio = 1
	if ok {
		v.Ratio = math.Round(vb.w()/vb.h()*1e4) / 1e4
	}
	whole := p.minified(render(root), 0)
	if full || !ok {
		v.Data, v.File = whole, fileName(whole)
		return nil
	}
	bud := newBudget(p.cropWork, p.cropTimeout)
	red := reduceTree(root, vb, bud)
	v.transient = v.transient || bud.timedOut
	out := whole
	if red.rasterBytes > 0 || red.digits > 0 {
		out = p.minified(render(root), red.digits)
	}
	if len(out) >= len(whole) {
		out = whole
	}
	v.Data, v.File, v.Saved = out, fileName(out), len(whole)-len(out)
	if v.Saved == 0 {
		return nil
	}
	w := *v
	w.Data, w.File, w.Saved = whole, fileName(whole), 0
	return &w
}

// minified is the logo minified with numbers to digits significant digits
// (0: all), or as it is when the minified bytes would not parse.
func (p *Processor) minified(out []byte, digits int) []byte {
	var b bytes.Buffer
	// The minifier may rewrite its input in place: give it a copy, so the
	// fallback really is what the sanitizer wrote.
	m := &svg.Minifier{Precision: digits}
	if err := m.Minify(p.min, &b, bytes.NewReader(bytes.Clone(out)), nil); err == nil && parses(b.Bytes()) {
		return b.Bytes()
	}
	return out // never bytes that do not parse
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

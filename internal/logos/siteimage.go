package logos

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/jpeg"
	"image/png"
	"strings"

	xdraw "golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // WebP is read (and served as PNG), like the other rasters logos embed
)

// SiteImage is an image the settings name (a favicon, an Open Graph
// picture, the header's logo, an event's banner), made safe to serve
// from the site: the site's policy allows images from itself only.
type SiteImage struct {
	File     string // content-hashed name with its extension, "" when Missing
	Data     []byte
	Width    int // in pixels for a raster; the viewBox for an SVG
	Height   int
	Raster   bool
	Missing  bool
	Problems []Problem
}

// SiteImage resolves ref (an https URL or a file in the logos folder) as
// Process does, with the same limits and caches. An SVG goes through the
// logo pipeline at full resolution (Original): sanitized, cropped,
// minified. A raster is decoded, within maxRasterPixels, scaled down to
// fit maxSide pixels and encoded again (PNG, or JPEG for a JPEG), so
// that no byte of the download but its pixels reaches the site.
func (p *Processor) SiteImage(ctx context.Context, ref string, maxSide int) SiteImage {
	ref = strings.TrimSpace(ref)
	var data []byte
	var ok bool
	var out SiteImage
	if isRemote(ref) {
		data, out.Problems, ok = p.fetcher.Fetch(ctx, ref)
	} else {
		var pr Problem
		if data, pr, ok = readLocal(p.opts.Dir, ref, p.opts.MaxBytes); !ok {
			out.Problems = []Problem{pr}
		}
	}
	if !ok {
		for i, pr := range out.Problems { // the Fetcher words its failures for logos, which get a placeholder
			out.Problems[i].Message = strings.Replace(pr.Message, "showing a placeholder", "leaving the image out", 1)
		}
		out.Missing = true
		return out
	}
	if kind := rasterKind(data); kind != "" {
		p.cpuSem <- struct{}{} // one decoded raster per CPU at most: each may hold 64 MB
		img, pr := reencode(data, kind, maxSide)
		<-p.cpuSem
		out.Problems = append(out.Problems, pr...)
		out.Data, out.Raster, out.Missing = img.data, true, img.data == nil
		out.Width, out.Height = img.w, img.h
		if !out.Missing {
			out.File = contentName(img.data, img.ext)
		}
		return out
	}
	v := p.processBytes(data, true)
	p.saveDisk()
	out.Problems = append(out.Problems, v.Problems...)
	if v.Missing || v.Data == nil {
		out.Missing = true
		return out
	}
	out.Data, out.File = v.Data, contentName(v.Data, ".svg")
	out.Width, out.Height = 1000, 1000
	if v.Ratio > 0 {
		out.Height = int(1000/v.Ratio + 0.5)
	}
	return out
}

type encoded struct {
	data []byte
	ext  string
	w, h int
}

// reencode decodes a raster whose size DecodeConfig allows and encodes
// its pixels again, scaled to fit maxSide (0: any size).
func reencode(data []byte, kind string, maxSide int) (encoded, []Problem) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return encoded{}, []Problem{errorf("is a %s image that cannot be read: %v (save it again, or use an SVG)", kind, err)}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxRasterPixels {
		return encoded{}, []Problem{errorf("is a %d×%d %s image: more than %d pixels, the limit (scale it down)",
			cfg.Width, cfg.Height, kind, maxRasterPixels)}
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return encoded{}, []Problem{errorf("is a %s image that cannot be read: %v (save it again, or use an SVG)", kind, err)}
	}
	var problems []Problem
	b := img.Bounds()
	if w, h := fit(b.Dx(), b.Dy(), maxSide); w != b.Dx() || h != b.Dy() {
		img = shrink(img, w, h)
		problems = append(problems, warnf("is %d×%d pixels; served at %d×%d, the most it is shown at (a smaller file builds faster)", b.Dx(), b.Dy(), w, h))
	}
	var out bytes.Buffer
	e := encoded{ext: ".png", w: img.Bounds().Dx(), h: img.Bounds().Dy()}
	if kind == "JPEG" {
		e.ext = ".jpg"
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: 90})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img)
	}
	if err != nil {
		return encoded{}, append(problems, errorf("could not be encoded again: %v", err))
	}
	e.data = out.Bytes()
	return e, problems
}

// shrink scales img down to w×h by halvings, then one bilinear step of
// at most two to one: each step reads every pixel it replaces, and none
// needs more memory than the picture it makes (CatmullRom's scaler holds
// a float row per source row, 1.5 GB for a 1×16M-pixel strip).
func shrink(img image.Image, w, h int) image.Image {
	for {
		b := img.Bounds()
		nw, nh := max(w, (b.Dx()+1)/2), max(h, (b.Dy()+1)/2)
		if b.Dx() <= 2*w && b.Dy() <= 2*h {
			nw, nh = w, h
		}
		dst := image.NewNRGBA(image.Rect(0, 0, nw, nh))
		xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, xdraw.Src, nil)
		img = dst
		if nw == w && nh == h {
			return img
		}
	}
}

// fit scales w×h down, keeping its ratio, so that neither side exceeds side.
func fit(w, h, side int) (int, int) {
	if side <= 0 || (w <= side && h <= side) {
		return w, h
	}
	if w >= h {
		return side, max(1, int(float64(h)*float64(side)/float64(w)+0.5))
	}
	return max(1, int(float64(w)*float64(side)/float64(h)+0.5)), side
}

// contentName names bytes by their content, as fileName does for logos.
func contentName(data []byte, ext string) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:6]) + ext
}

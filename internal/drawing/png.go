package drawing

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"runtime"
	"sync"

	"github.com/klauspost/compress/flate"
)

// pngStream writes an opaque 8-bit RGB PNG whose rows arrive in strips
// drawn on every CPU: each strip is filtered and deflated by the worker
// that drew it, as its own flush-terminated deflate block run, so the
// strips concatenate into the one zlib stream PNG requires (their Adler-32
// sums combined as zlib does), and are written out in order as soon as
// they are ready. The whole picture is never held: a poster is a hundred
// million pixels. Rows use the Sub filter, which suits flat backgrounds and
// logos; klauspost/compress deflates two to three times faster than
// compress/flate at the same size.
type pngStream struct {
	w, h      int
	stripRows int
}

// stripResult is one strip, deflated.
type stripResult struct {
	data []byte
	sum  uint32
	n    int // bytes before deflating
}

// write calls draw for each strip on every CPU, with an image covering
// rows [i*stripRows, min(h, (i+1)*stripRows)) in page coordinates, and
// writes the PNG to out.
func (s pngStream) write(out io.Writer, draw func(dst *image.RGBA)) error {
	strips := (s.h + s.stripRows - 1) / s.stripRows
	workers := runtime.GOMAXPROCS(0)
	results := make([]chan stripResult, strips)
	for i := range results {
		results[i] = make(chan stripResult, 1)
	}
	jobs := make(chan int)
	ahead := make(chan struct{}, 2*workers) // strips drawn but not yet written
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			pix := make([]byte, 4*s.w*s.stripRows)
			raw := make([]byte, 0, s.stripRows*(1+3*s.w))
			var z bytes.Buffer
			fw, _ := flate.NewWriter(&z, flate.BestSpeed)
			for i := range jobs {
				y0, y1 := i*s.stripRows, min(s.h, (i+1)*s.stripRows)
				dst := &image.RGBA{Pix: pix[:4*s.w*(y1-y0)], Stride: 4 * s.w, Rect: image.Rect(0, y0, s.w, y1)}
				draw(dst)
				raw = filterSub(raw[:0], dst)
				z.Reset()
				fw.Reset(&z)
				fw.Write(raw)
				if i == strips-1 {
					fw.Close()
				} else {
					fw.Flush()
				}
				results[i] <- stripResult{bytes.Clone(z.Bytes()), adler32.Checksum(raw), len(raw)}
			}
		})
	}
	go func() {
		for i := range strips {
			ahead <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	err := s.header(out)
	sum := uint32(1)
	for i := range strips {
		r := <-results[i]
		<-ahead
		sum = adler32Combine(sum, r.sum, r.n)
		for data := r.data; err == nil && len(data) > 0; {
			n := min(len(data), 1<<20)
			err = chunk(out, "IDAT", data[:n])
			data = data[n:]
		}
	}
	wg.Wait()
	if err != nil {
		return err
	}
	if err := chunk(out, "IDAT", binary.BigEndian.AppendUint32(nil, sum)); err != nil {
		return err
	}
	return chunk(out, "IEND", nil)
}

func (s pngStream) header(w io.Writer) error {
	if _, err := w.Write([]byte("\x89PNG\r\n\x1a\n")); err != nil {
		return err
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(s.w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(s.h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, RGB
	if err := chunk(w, "IHDR", ihdr); err != nil {
		return err
	}
	return chunk(w, "IDAT", []byte{0x78, 0x01}) // zlib header: deflate, fastest
}

// filterSub appends img's rows as PNG rows of RGB with the Sub filter.
func filterSub(raw []byte, img *image.RGBA) []byte {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):][:4*b.Dx()]
		raw = append(raw, 1) // Sub
		out := raw[len(raw) : len(raw)+3*b.Dx()]
		var pr, pg, pb byte
		for x := 0; x+3 < len(row); x += 4 {
			r, g, bl := row[x], row[x+1], row[x+2]
			o := out[3*(x/4) : 3*(x/4)+3 : 3*(x/4)+3]
			o[0], o[1], o[2] = r-pr, g-pg, bl-pb
			pr, pg, pb = r, g, bl
		}
		raw = raw[:len(raw)+3*b.Dx()]
	}
	return raw
}

// EncodePNG writes an opaque image as an 8-bit RGB PNG.
func EncodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	s := pngStream{w: b.Dx(), h: b.Dy(), stripRows: 64}
	return s.write(w, func(dst *image.RGBA) {
		r := dst.Bounds()
		for y := r.Min.Y; y < r.Max.Y; y++ {
			copy(dst.Pix[dst.PixOffset(0, y):][:4*r.Dx()], img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):][:4*r.Dx()])
		}
	})
}

func chunk(w io.Writer, kind string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:], uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	if _, err := w.Write(head[:]); err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	_, err := w.Write(binary.BigEndian.AppendUint32(nil, crc.Sum32()))
	return err
}

// adler32Combine is the Adler-32 of a followed by b (of n bytes), as zlib's
// adler32_combine computes it.
func adler32Combine(a, b uint32, n int) uint32 {
	const mod = 65521
	rem := uint32(n % mod)
	a1, a2 := a&0xffff, a>>16
	b1, b2 := b&0xffff, b>>16
	s1 := (a1 + b1 + mod - 1) % mod
	s2 := (a2 + b2 + (rem*a1)%mod + mod - rem) % mod
	return s2<<16 | s1
}

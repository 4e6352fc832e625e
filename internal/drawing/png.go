package drawing

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"runtime"
	"sync"
)

// EncodePNG writes an opaque image as an 8-bit RGB PNG, compressing bands
// of rows on every CPU: image/png compresses on one and tries every filter
// on every row, which for a poster of a hundred million pixels is most of
// the stage. Each band is its own flush-terminated deflate stream, so the
// bands concatenate into the one zlib stream PNG requires; rows use the
// Sub filter, which suits flat backgrounds and logos.
func EncodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	const bandRows = 64
	bands := (height + bandRows - 1) / bandRows
	out := make([][]byte, bands)
	sums := make([]uint32, bands)
	lens := make([]int, bands)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			raw := make([]byte, 0, bandRows*(1+3*width))
			for band := range jobs {
				raw = raw[:0]
				for y := band * bandRows; y < min(height, (band+1)*bandRows); y++ {
					row := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):]
					raw = append(raw, 1) // Sub
					var pr, pg, pb byte
					for x := 0; x < width; x++ {
						r, g, bl := row[4*x], row[4*x+1], row[4*x+2]
						raw = append(raw, r-pr, g-pg, bl-pb)
						pr, pg, pb = r, g, bl
					}
				}
				var z bytes.Buffer
				fw, _ := flate.NewWriter(&z, flate.BestSpeed)
				fw.Write(raw)
				if band == bands-1 {
					fw.Close()
				} else {
					fw.Flush()
				}
				out[band], sums[band], lens[band] = z.Bytes(), adler32.Checksum(raw), len(raw)
			}
		})
	}
	for i := range bands {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	sum := uint32(1)
	for i := range bands {
		sum = adler32Combine(sum, sums[i], lens[i])
	}
	if _, err := w.Write([]byte("\x89PNG\r\n\x1a\n")); err != nil {
		return err
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, RGB
	if err := chunk(w, "IHDR", ihdr); err != nil {
		return err
	}
	if err := chunk(w, "IDAT", []byte{0x78, 0x01}); err != nil { // zlib header: deflate, fastest
		return err
	}
	for _, data := range out {
		for len(data) > 0 {
			n := min(len(data), 1<<20)
			if err := chunk(w, "IDAT", data[:n]); err != nil {
				return err
			}
			data = data[n:]
		}
	}
	if err := chunk(w, "IDAT", binary.BigEndian.AppendUint32(nil, sum)); err != nil {
		return err
	}
	return chunk(w, "IEND", nil)
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

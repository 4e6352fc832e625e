package drawing

import (
	"hash/adler32"
	"testing"
)

func TestAdlerCombine(t *testing.T) {
	a := []byte("hello, poster")
	b := make([]byte, 100000)
	for i := range b {
		b[i] = byte(i * 7)
	}
	got := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b))
	if want := adler32.Checksum(append(a, b...)); got != want {
		t.Fatalf("got %x want %x", got, want)
	}
}

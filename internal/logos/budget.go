package logos

import (
	"errors"
	"fmt"
	"time"
)

// The cropper's work grows with what references multiply: every <use> of a
// group measures the group again, every clip-path its clip's content, and
// a stylesheet is consulted for every element. One logo must never stall a
// build, so each measurement has a budget of work (counted in steps:
// elements visited, style rules examined, bytes of path data) and a
// deadline. A logo that spends either is served uncropped, with a warning.
// (Embedded images have a budget of their own, maxLogoPixels.)
const (
	// maxCropWork is one or two seconds of measuring on a 2-core machine,
	// some eight times what the costliest real logo needs (atlantis.svg,
	// 1,974 style rules over 2,503 elements and 850 KB of paths: 61,000
	// steps; solace.svg, 9,660 elements, needs 19,000).
	maxCropWork = 500_000
	// cropTimeout stops a measurement that the step budget would let run
	// long on a loaded machine. It is generous, since what it stops depends
	// on the load (at a load of 30 on 2 cores the costliest real logo took
	// 20 s), and a logo stopped by it is not remembered on disk, so that a
	// later build on a quieter machine tries again.
	cropTimeout = 60 * time.Second

	// A step is about the cost of measuring one element, or of reading
	// this many bytes of path data, points or transforms.
	geometryBytesPerStep = 16
)

// limitError is why a measurement stopped at one of its limits. Unlike the
// reasons a drawing cannot be measured at all (text, no viewBox), it is
// reported as a problem: the logo could be cropped, but is too costly.
type limitError string

func (e limitError) Error() string { return string(e) }

// isLimit reports whether err says the cropper stopped at a limit.
func isLimit(err error) bool {
	var le limitError
	return errors.As(err, &le)
}

// budget is the work and time left to one measurement.
type budget struct {
	left, max int
	pixels    int // left to decode in embedded images (maxLogoPixels)
	timeout   time.Duration
	deadline  time.Time
	calls     int
	timedOut  bool // the clock ran out, not the work: the outcome depends on the machine's load
}

func newBudget(work int, timeout time.Duration) *budget {
	return &budget{left: work, max: work, pixels: maxLogoPixels, timeout: timeout, deadline: time.Now().Add(timeout)}
}

// spend takes n steps, and returns the limit error once the work or the
// time is spent. The clock is read every 256 calls only.
func (b *budget) spend(n int) error {
	b.left -= n
	if b.left < 0 {
		return limitError(fmt.Sprintf("needs more than %d steps to measure", b.max))
	}
	if b.calls++; b.calls%256 == 0 && time.Now().After(b.deadline) {
		b.timedOut = true
		return limitError(fmt.Sprintf("takes longer than %v to measure", b.timeout))
	}
	return nil
}

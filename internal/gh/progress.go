package gh

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// progress reports how many repositories are done. On a terminal it redraws
// one line with an ETA; elsewhere (CI logs) it writes a plain line every
// interval, so logs stay short.
type progress struct {
	w        io.Writer
	terminal bool
	interval time.Duration
	now      func() time.Time

	mu          sync.Mutex
	total, done int
	shown       int // done as of the last line written
	start, last time.Time
}

func newProgress(o Options, total int) *progress {
	now := o.Now()
	return &progress{w: o.Progress, terminal: o.ProgressTerminal, interval: o.ProgressInterval,
		now: o.Now, total: total, start: now, last: now}
}

// add records n more repositories done.
func (p *progress) add(n int) {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	now := p.now()
	switch {
	case p.terminal:
		fmt.Fprintf(p.w, "\r%s\x1b[K", p.line(now))
		p.shown = p.done
	case now.Sub(p.last) >= p.interval:
		fmt.Fprintln(p.w, p.line(now))
		p.last, p.shown = now, p.done
	}
}

// finish ends the display with the final count.
func (p *progress) finish() {
	if p == nil || p.w == nil || p.total == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.terminal:
		fmt.Fprintln(p.w) // keep the last drawn line
	case p.shown != p.done:
		fmt.Fprintln(p.w, p.line(p.now()))
	}
}

func (p *progress) line(now time.Time) string {
	s := fmt.Sprintf("github: %s/%s repositories", thousands(p.done), thousands(p.total))
	if p.done > 0 && p.done < p.total {
		elapsed := now.Sub(p.start)
		eta := time.Duration(float64(elapsed) / float64(p.done) * float64(p.total-p.done))
		s += fmt.Sprintf(", about %s left", eta.Round(time.Second))
	}
	return s
}

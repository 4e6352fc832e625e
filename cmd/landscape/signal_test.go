package main

import (
	"io"
	"os"
	"syscall"
	"testing"
	"time"
)

// TestStopOnSignal checks that the first signal cancels the command and a
// second exits at once, with the status of the signal.
func TestStopOnSignal(t *testing.T) {
	for _, tt := range []struct {
		name  string
		grace time.Duration
		twice bool
	}{{"second signal", time.Hour, true}, {"no stop within the grace", 0, false}} {
		t.Run(tt.name, func(t *testing.T) {
			sigs := make(chan os.Signal, 2)
			cancelled := make(chan bool, 1)
			exited := make(chan int, 1)
			go stopOnSignal(sigs, func() { cancelled <- true }, io.Discard, tt.grace, func(code int) { exited <- code })
			sigs <- syscall.SIGTERM
			<-cancelled
			if tt.twice {
				sigs <- syscall.SIGTERM
			}
			if code := <-exited; code != 143 {
				t.Errorf("exit %d, want 143 (SIGTERM)", code)
			}
		})
	}
}

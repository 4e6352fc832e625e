//go:build unix

package build

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used, summed over its threads:
// unlike wall time, it hardly moves when other programs load the machine.
func processCPU() time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

//go:build unix

package logos

import (
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// specialFiles makes a hosted_logos folder holding a named pipe, a socket,
// a device when the test may make one, and links to each and outside; it
// returns the folder and what each name must be reported as.
func specialFiles(t *testing.T) (string, map[string]string) {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "hosted_logos")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.svg"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	want := map[string]string{
		"fifo.svg":         "fifo.svg is a named pipe (FIFO), not a logo file (logos must be regular files)",
		"link-to-fifo.svg": "link-to-fifo.svg is a named pipe (FIFO), not a logo file (logos must be regular files)",
		"null.svg":         `"null.svg" leaves hosted_logos (name a file inside hosted_logos)`,
	}
	// A socket's path must be short: bind it from inside the folder.
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", "socket.svg")
	os.Chdir(wd)
	if err == nil {
		t.Cleanup(func() { l.Close() })
		want["socket.svg"] = "socket.svg is a socket, not a logo file (logos must be regular files)"
	}
	if syscall.Mknod(filepath.Join(dir, "device.svg"), syscall.S_IFCHR|0o644, 0x0103) == nil { // as /dev/null, when root
		want["device.svg"] = "device.svg is a device, not a logo file (logos must be regular files)"
	}
	for link, target := range map[string]string{"link-to-fifo.svg": "fifo.svg", "null.svg": "/dev/null"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir, want
}

// TestProcessSpecialFiles checks that special files in hosted_logos are
// refused by what they are, and never opened: opening a named pipe blocks
// until something writes to it, which stalled validate and build forever.
func TestProcessSpecialFiles(t *testing.T) {
	dir, want := specialFiles(t)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for label, p := range map[string]*Processor{
		"os.Root":  NewProcessor(Options{Dir: root.FS()}),
		"os.DirFS": NewProcessor(Options{Dir: os.DirFS(dir)}),
	} {
		for ref, msg := range want {
			t.Run(label+"/"+ref, func(t *testing.T) {
				done := make(chan Result, 1)
				go func() { done <- p.Process(t.Context(), ref) }()
				select {
				case r := <-done:
					if !r.Missing || len(r.Problems) != 1 || r.Problems[0].Message != msg {
						t.Errorf("got missing %v problems %v, want the error %q", r.Missing, r.Problems, msg)
					}
				case <-time.After(10 * time.Second):
					t.Fatalf("processing %s blocked", ref)
				}
			})
		}
	}
}

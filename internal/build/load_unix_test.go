//go:build unix

package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadSpecialFiles checks that a data file a pull request replaced by a
// named pipe, or by a link to a device or out of the folder, is refused
// without being opened or followed: a named pipe blocked loading forever, a
// link to /dev/zero filled the memory, and a link out of the checkout read
// whatever it named.
func TestLoadSpecialFiles(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.yml")
	os.WriteFile(outside, []byte("name: secret\n"), 0o644)
	tests := []struct {
		name string
		make func(path string) error
		want string
	}{
		{"named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "is a named pipe (FIFO), not a regular file"},
		{"link to a device", func(p string) error { return os.Symlink("/dev/zero", p) }, "escapes"},
		{"link out of the folder", func(p string) error { return os.Symlink(outside, p) }, "escapes"},
		{"folder", func(p string) error { return os.Mkdir(p, 0o755) }, "is a folder, not a regular file"},
	}
	for _, tt := range tests {
		for _, file := range []string{"landscape.yml", "settings.yml", "guide.yml"} {
			t.Run(tt.name+"/"+file, func(t *testing.T) {
				dir := t.TempDir()
				o := Options{DataFile: filepath.Join(dir, "landscape.yml"), SettingsFile: filepath.Join(dir, "settings.yml"), GuideFile: filepath.Join(dir, "guide.yml")}
				os.WriteFile(o.DataFile, []byte(strings.NewReplacer("{DESC}", "d", "{MORE}", "").Replace(incData)), 0o644)
				os.WriteFile(o.SettingsFile, []byte("name: L\n"), 0o644)
				os.WriteFile(o.GuideFile, []byte("categories: []\n"), 0o644)
				os.Remove(filepath.Join(dir, file))
				if err := tt.make(filepath.Join(dir, file)); err != nil {
					t.Skipf("cannot make it: %v", err)
				}
				done := make(chan error, 1)
				go func() { _, err := New(o).Load(context.Background()); done <- err }()
				select {
				case err := <-done:
					if err == nil || !strings.Contains(err.Error(), tt.want) {
						t.Errorf("got %v, want an error saying %q", err, tt.want)
					}
				case <-time.After(20 * time.Second):
					t.Fatal("loading blocked")
				}
			})
		}
	}
}

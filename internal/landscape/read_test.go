package landscape

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// endless is a file system of one regular file that never ends, as
// /dev/zero reads.
type endless struct{}

func (endless) Open(name string) (fs.File, error) { return endlessFile{}, nil }

type endlessFile struct{}

func (endlessFile) Stat() (fs.FileInfo, error) { return fstest.MapFS{"f": {}}.Stat("f") }
func (endlessFile) Close() error               { return nil }
func (endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}


// TestReadInputBounded checks that a file is read to its limit and no
// further.
func TestReadInputBounded(t *testing.T) {
	_, _, err := Load(endless{}, "landscape.yml")
	if err == nil || !strings.Contains(err.Error(), "larger than 128 MiB") {
		t.Errorf("landscape.yml: got %v, want the size limit", err)
	}
	for _, load := range []func() error{
		func() error { _, _, err := LoadSettings(endless{}, "settings.yml"); return err },
		func() error { _, _, err := LoadGuide(endless{}, "guide.yml"); return err },
	} {
		if err := load(); err == nil || !strings.Contains(err.Error(), "larger than 8 MiB") {
			t.Errorf("got %v, want the size limit", err)
		}
	}
}

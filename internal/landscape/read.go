package landscape

import (
	"fmt"
	"io"
	"io/fs"
)

// The largest files the loaders read: far above real ones (cncf-full's
// landscape.yml is 1.1 MB, its guide 90 KB), and small enough that what is
// loaded from them fits in memory.
const (
	maxDataBytes     = 128 << 20
	maxSettingsBytes = 8 << 20
)

// readInput reads a file a pull request may have replaced: only a regular
// file, looked at before it is opened (opening a named pipe blocks until
// something writes to it, and a link to /dev/zero never ends), and at most
// limit bytes.
func readInput(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if fi, err := fs.Stat(fsys, name); err == nil && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file", name, fileKind(fi.Mode()))
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() { // a file system without Stat
		return nil, fmt.Errorf("%s is %s, not a regular file", name, fileKind(fi.Mode()))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d MiB, the most a file of this kind may hold", name, limit>>20)
	}
	return data, nil
}

// ReadRegular is readInput for other files a pull request or a command
// line names (such as --facts-from's): only a regular file, at most limit
// bytes.
func ReadRegular(fsys fs.FS, name string, limit int64) ([]byte, error) {
	return readInput(fsys, name, limit)
}

func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

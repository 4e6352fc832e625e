package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// textExts are the files of a site read as text: by browsers, spreadsheets
// (items.csv) and scripts (iconv fails on a single bad byte).
var textExts = []string{".html", ".json", ".csv", ".xml", ".txt", ".svg", ".css", ".js"}

// checkText fails on every text file of the site that is not valid UTF-8
// or holds U+FFFD, the replacement character a decoder leaves where invalid
// bytes were: the corpora have none of their own.
func checkText(t *testing.T, dir string) {
	t.Helper()
	bad := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !hasExt(path, textExts) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch {
		case !utf8.Valid(b):
			i := firstInvalid(b)
			t.Errorf("%s: invalid UTF-8 at byte %d: %q", rel, i, b[max(0, i-30):min(len(b), i+10)])
		case bytes.ContainsRune(b, utf8.RuneError) || bytes.Contains(bytes.ToLower(b), []byte(`\ufffd`)):
			i := max(bytes.IndexRune(b, utf8.RuneError), bytes.Index(bytes.ToLower(b), []byte(`\ufffd`)))
			t.Errorf("%s: U+FFFD at byte %d: %q", rel, i, b[max(0, i-30):min(len(b), i+10)])
		default:
			return nil
		}
		if bad++; bad > 20 {
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func hasExt(path string, exts []string) bool {
	for _, e := range exts {
		if strings.HasSuffix(path, e) {
			return true
		}
	}
	return false
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

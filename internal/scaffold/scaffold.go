// Package scaffold writes a new landscape repository that builds at once:
// landscape.yml with one category and two example items, settings.yml with
// every key explained, guide.yml, a logo, the pull-request workflow that
// uses the landscape GitHub Action, netlify.toml and a README with the two
// commands that matter.
//
// The files live in files/ and are embedded; .github is stored as github,
// since go:embed leaves out names that start with a dot.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"
)

//go:embed files
var files embed.FS

// templated are the files with values to fill in; the others are copied as
// they are (the workflow's ${{ }} expressions are not ours).
var templated = map[string]bool{"README.md": true, "settings.yml": true}

// Options say what to fill in.
type Options struct {
	Name string // the landscape's title
}

// Write creates dir with the files of a new landscape and returns their
// names, relative to dir. It refuses a dir that exists and is not empty, so
// that nothing is ever overwritten.
func Write(dir string, o Options) ([]string, error) {
	if err := ensureEmpty(dir); err != nil {
		return nil, err
	}
	if strings.TrimSpace(o.Name) == "" {
		o.Name = TitleFromDir(dir)
	}
	var written []string
	err := fs.WalkDir(files, "files", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, "files/")
		data, err := render(files, p, rel, o)
		if err != nil {
			return err
		}
		if strings.HasPrefix(rel, "github/") {
			rel = "." + rel
		}
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
		written = append(written, rel)
		return nil
	})
	return written, err
}

func render(fsys fs.FS, p, rel string, o Options) ([]byte, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil || !templated[rel] {
		return data, err
	}
	t, err := template.New(path.Base(p)).Parse(string(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	name := o.Name
	if rel == "settings.yml" {
		name = strconv.Quote(name) // a YAML double-quoted scalar, whatever the name holds
	}
	var b bytes.Buffer
	if err := t.Execute(&b, struct{ Name string }{name}); err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	return b.Bytes(), nil
}

func ensureEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty: give a new folder, so that nothing is overwritten", dir)
	}
	return nil
}

// TitleFromDir names a landscape after its folder: "energy-landscape" ->
// "Energy Landscape".
func TitleFromDir(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil { // "." is named after the current folder
		dir = abs
	}
	base := filepath.Base(dir)
	words := strings.FieldsFunc(base, func(r rune) bool { return strings.ContainsRune("-_ ./", r) })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	if len(words) == 0 {
		return "Landscape"
	}
	return strings.Join(words, " ")
}

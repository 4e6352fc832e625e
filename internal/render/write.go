package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"

	"github.com/serverless-landscape/landscape/internal/site"
)

func newMinifier() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// mediaTypes maps the extensions that are minified to the minifier's types.
var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".xml": "text/xml",
}

// write minifies data by the extension of name and writes it under dir;
// name uses forward slashes.
func (r *Renderer) write(dir, name string, data []byte) error {
	if mt, ok := mediaTypes[path.Ext(name)]; ok {
		out, err := r.min.Bytes(mt, data)
		if err != nil {
			return fmt.Errorf("minify %s: %w", name, err)
		}
		data = out
	}
	return r.writeRaw(dir, name, data)
}

// writeRaw writes data, already in its final form, to name under dir.
func (r *Renderer) writeRaw(dir, name string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	prev := ""
	if r.Previous != "" {
		prev = filepath.Join(r.Previous, filepath.FromSlash(name))
	}
	if err := WriteUnchanged(p, prev, data); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// WriteUnchanged writes data to the file dst, or hard-links the file prev
// to dst when prev already holds exactly data. A rebuild leaves most files
// as they were, and on slow file systems a link (one directory entry) costs
// a fraction of a new file (an inode, its blocks, the data). Any failure to
// read or link prev, such as prev on another file system, falls back to
// writing; prev "" always writes.
func WriteUnchanged(dst, prev string, data []byte) error {
	if prev != "" {
		if old, err := os.ReadFile(prev); err == nil && bytes.Equal(old, data) && os.Link(prev, dst) == nil {
			return nil
		}
		// dst may already be a link to prev, from an earlier write of the
		// same name: replace it, never write through it into the last site.
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return os.WriteFile(dst, data, 0o644)
}

// page executes the named template and writes the result to name.
func (r *Renderer) page(dir, name, tmpl string, data any) error {
	var b bytes.Buffer
	if err := r.tmpl.ExecuteTemplate(&b, tmpl, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return r.write(dir, name, b.Bytes())
}

// concat joins the files of folder with the given extension in name order.
func concat(fsys fs.FS, folder, ext string) ([]byte, error) {
	entries, err := fs.ReadDir(fsys, folder)
	if err != nil {
		return nil, fmt.Errorf("read templates %s: %w", folder, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ext) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		data, err := fs.ReadFile(fsys, folder+"/"+n)
		if err != nil {
			return nil, fmt.Errorf("read templates %s: %w", n, err)
		}
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

// hashedName names an asset by its content, so it can be cached for ever.
func hashedName(base, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	return "assets/" + base + "." + hex.EncodeToString(sum[:4]) + ext
}

// Assets names the fingerprinted style sheet and script, so pages can be
// cached for ever and still change when the templates do.
type Assets struct {
	CSS   string // path under the site root, e.g. "assets/site.1a2b3c4d.css"
	JS    string
	Embed string // the embedded pages' script
	Setup string // the embed set-up page's script
}

// RenderAssets writes the style sheet, the script and the favicon. The
// style sheet starts with the landscape's colours from settings.
func (r *Renderer) RenderAssets(s *site.Site, dir string) (Assets, error) {
	var a Assets
	css, err := r.min.Bytes("text/css", append([]byte(themeCSS(s.Settings.Colors)), r.css...))
	if err != nil {
		return a, fmt.Errorf("minify site.css: %w", err)
	}
	a.CSS = hashedName("site", ".css", css)
	if err := r.write(dir, a.CSS, css); err != nil {
		return a, err
	}
	a.JS = hashedName("app", ".js", r.js) // esbuild has minified it
	a.Embed = hashedName("embed", ".js", r.embed)
	a.Setup = hashedName("embed-setup", ".js", r.setup)
	for _, f := range []struct {
		name string
		js   []byte
	}{{a.JS, r.js}, {a.Embed, r.embed}, {a.Setup, r.setup}} {
		if err := r.writeRaw(dir, f.name, f.js); err != nil {
			return a, err
		}
	}
	return a, r.write(dir, "favicon.svg", r.favico)
}

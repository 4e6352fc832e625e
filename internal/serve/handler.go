package serve

import (
	"bytes"
	"embed"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

//go:embed static
var static embed.FS

// devPrefix is where the server's own files live, outside any base path.
const devPrefix = "/__landscape/"

// contentTypes fixes the types of the files a site has, whatever the
// system's MIME tables say; others fall back to the mime package.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "application/xml",
	".csv":  "text/csv; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".png":  "image/png",
	".ico":  "image/x-icon",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// handler serves the built site as a static host would (index.html for
// folders, 404.html with status 404, the base path) and adds the reload
// script to HTML pages. Files are opened through os.Root, so no request
// reaches outside the site folder, symbolic links included.
type handler struct {
	dir     string
	hub     *hub
	base    func() string // the site's base path, such as "/" or "/landscape/"
	version func() int64
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !localHost(r.Host) {
		http.Error(w, "the dev server answers only to localhost or an IP address", http.StatusMisdirectedRequest)
		return
	}
	p := r.URL.Path
	if strings.HasPrefix(p, devPrefix) {
		h.serveDev(w, r, strings.TrimPrefix(p, devPrefix))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	base := h.base()
	if p+"/" == base || (p == "/" && base != "/") {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	if !strings.HasPrefix(p, base) {
		h.notFound(w, r)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+strings.TrimPrefix(p, base)), "/")
	if name == "" || strings.HasSuffix(p, "/") {
		name = path.Join(name, "index.html")
	}
	if !h.serveFile(w, r, name, http.StatusOK) {
		h.notFound(w, r)
	}
}

// serveFile serves name from the site folder; false when there is no such
// file. A folder asked for without its slash is redirected, as hosts do.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, name string, code int) bool {
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		return false
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return false
	}
	if info.IsDir() {
		if _, err := root.Stat(path.Join(name, "index.html")); err != nil {
			return false
		}
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return true
	}
	w.Header().Set("Content-Type", contentType(name))
	if path.Ext(name) == ".html" {
		data, err := io.ReadAll(f)
		if err != nil {
			return false
		}
		h.writeHTML(w, r, data, code)
		return true
	}
	w.Header().Set("Cache-Control", "no-cache")
	if code != http.StatusOK {
		w.WriteHeader(code)
		_, _ = io.Copy(w, f)
		return true
	}
	http.ServeContent(w, r, name, info.ModTime(), f)
	return true
}

// writeHTML sends a page with the reload script added and no caching, so a
// reload always shows the latest build.
func (h *handler) writeHTML(w http.ResponseWriter, r *http.Request, data []byte, code int) {
	data = inject(data, h.version())
	w.Header().Set("Content-Type", contentTypes[".html"])
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// inject adds the reload script before </body>, or at the end of a page
// without one. The version is the build the page belongs to, so that a page
// served just before a rebuild still reloads.
func inject(page []byte, version int64) []byte {
	tag := []byte(`<script src="` + devPrefix + `reload.js" data-version="` + strconv.FormatInt(version, 10) + `" defer></script>`)
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// notFound serves the site's 404.html with status 404, as hosts do.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	if h.serveFile(w, r, "404.html", http.StatusNotFound) {
		return
	}
	h.writeHTML(w, r, []byte("<!DOCTYPE html><title>Not found</title><body><h1>Not found</h1></body>"), http.StatusNotFound)
}

// serveDev serves the reload script, its style sheet and the event stream.
func (h *handler) serveDev(w http.ResponseWriter, r *http.Request, name string) {
	if name == "events" {
		h.hub.ServeHTTP(w, r)
		return
	}
	data, err := fs.ReadFile(static, "static/"+name)
	if err != nil || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(data)
}

// localHost reports whether a request's Host is localhost or an IP address.
// A web page that points its own domain name at 127.0.0.1 (DNS rebinding)
// sends its name as the Host, so refusing names keeps other sites from
// reading the local build through the visitor's browser.
func localHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	return net.ParseIP(host) != nil
}

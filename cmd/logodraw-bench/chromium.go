package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
)

// page draws every logo on a white canvas of its size and posts the PNG.
const page = `<!doctype html><meta charset="utf-8"><body><script>
(async () => {
  const list = await (await fetch('/list')).json();
  for (let i = 0; i < list.length; i++) {
    const l = list[i];
    let data = '';
    if (l.w > 0) {
      try {
        const img = new Image();
        img.src = '/svg/' + i;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = l.w; c.height = l.h;
        const g = c.getContext('2d');
        g.fillStyle = '#fff';
        g.fillRect(0, 0, l.w, l.h);
        g.drawImage(img, 0, 0, l.w, l.h);
        data = c.toDataURL('image/png');
      } catch (e) { data = ''; }
    }
    await fetch('/result/' + i, {method: 'POST', body: data});
  }
  await fetch('/done', {method: 'POST'});
})();
</script>`

// paint serves the logos on the loopback interface and lets Chromium
// draw them.
func paint(ctx context.Context, list []*logo, browser string) error {
	var mu sync.Mutex
	done := make(chan struct{})
	var once sync.Once
	index := func(prefix string, r *http.Request) (int, bool) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, prefix))
		return i, err == nil && i >= 0 && i < len(list)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(list) })
	mux.HandleFunc("/svg/", func(w http.ResponseWriter, r *http.Request) {
		i, ok := index("/svg/", r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		// The size the canvas draws it at is the viewBox fitted, as ours.
		svg := bytes.Replace(list[i].svg, []byte("<svg "), fmt.Appendf(nil, `<svg width="%d" height="%d" `, list[i].W, list[i].H), 1)
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write(svg)
	})
	mux.HandleFunc("/result/", func(w http.ResponseWriter, r *http.Request) {
		i, ok := index("/result/", r)
		var body bytes.Buffer
		body.ReadFrom(http.MaxBytesReader(w, r.Body, 64<<20))
		if !ok {
			return
		}
		b64, found := strings.CutPrefix(body.String(), "data:image/png;base64,")
		if !found {
			return
		}
		data, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			return
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		mu.Lock()
		list[i].ref = onWhite(img.(image.Image))
		mu.Unlock()
	})
	mux.HandleFunc("/done", func(w http.ResponseWriter, r *http.Request) { once.Do(func() { close(done) }) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()
	profile, err := os.MkdirTemp("", "logodraw-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--force-color-profile=srgb", "--remote-debugging-port=0", "--user-data-dir="+profile, "http://"+ln.Addr().String()+"/")
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", browser, err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	select {
	case <-done:
	case <-ctx.Done():
		return fmt.Errorf("chromium did not finish: %w", ctx.Err())
	}
	mu.Lock()
	defer mu.Unlock()
	return nil
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// page draws every logo on a canvas, one after another, and posts the box
// of its painted pixels.
const page = `<!doctype html><meta charset="utf-8"><body><script>
const compare = location.search == '?sanitized';
async function pixels(src, w, h) {
  const img = new Image();
  img.src = src;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = w; c.height = h;
  const g = c.getContext('2d', {willReadFrequently: true});
  g.drawImage(img, 0, 0, w, h);
  return g.getImageData(0, 0, w, h).data;
}
(async () => {
  const list = await (await fetch('/list')).json();
  const batch = [];
  for (let i = 0; i < list.length; i++) {
    const l = list[i];
    const r = {id: i, empty: true, x0: 0, y0: 0, x1: 0, y1: 0};
    if (l.w > 0) {
      try {
        const d = await pixels('/svg/' + i, l.w, l.h);
        if (compare) {
          let o = null;
          try { o = await pixels('/orig/' + i, l.w, l.h); } catch (e) { r.error = 'original: ' + e; }
          let n = 0;
          for (let k = 0; o && k < d.length; k += 4) {
            if (Math.abs(d[k+3] - o[k+3]) > 64 || (o[k+3] > 128 && (Math.abs(d[k] - o[k]) > 64 || Math.abs(d[k+1] - o[k+1]) > 64 || Math.abs(d[k+2] - o[k+2]) > 64))) n++;
          }
          r.diff = o ? n / (l.w * l.h) : -1;
        }
        let x0 = l.w, y0 = l.h, x1 = -1, y1 = -1;
        for (let y = 0; y < l.h; y++) for (let x = 0; x < l.w; x++) {
          if (d[(y * l.w + x) * 4 + 3] > 0) {
            if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
          }
        }
        if (x1 >= 0) { r.empty = false; r.x0 = x0; r.y0 = y0; r.x1 = x1 + 1; r.y1 = y1 + 1; }
      } catch (e) { r.error = String(e); }
    }
    batch.push(r);
    if (batch.length == 50 || i == list.length - 1) {
      await fetch('/result', {method: 'POST', body: JSON.stringify(batch)});
      batch.length = 0;
    }
  }
  await fetch('/done', {method: 'POST'});
})();
</script>`

// render serves the logos on the loopback interface and lets Chromium
// measure them.
func render(list []*logo, browser string, sanitized bool, timeout time.Duration) ([]painted, error) {
	var (
		mu      sync.Mutex
		results []painted
		done    = make(chan struct{})
		once    sync.Once
	)
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(list) })
	mux.HandleFunc("/svg/", func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/svg/"))
		if err != nil || i < 0 || i >= len(list) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write(list[i].svg)
	})
	mux.HandleFunc("/orig/", func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/orig/"))
		if err != nil || i < 0 || i >= len(list) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write(list[i].orig)
	})
	mux.HandleFunc("/result", func(w http.ResponseWriter, r *http.Request) {
		var batch []painted
		if err := json.NewDecoder(r.Body).Decode(&batch); err == nil {
			mu.Lock()
			results = append(results, batch...)
			mu.Unlock()
		}
	})
	mux.HandleFunc("/done", func(w http.ResponseWriter, r *http.Request) { once.Do(func() { close(done) }) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()

	profile, err := os.MkdirTemp("", "logocrop-bench")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	url := "http://" + ln.Addr().String() + "/"
	if sanitized {
		url += "?sanitized"
	}
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir="+profile, url)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", browser, err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	select {
	case <-done:
	case <-ctx.Done():
		return nil, fmt.Errorf("chromium did not finish within %v", timeout)
	}
	mu.Lock()
	defer mu.Unlock()
	return results, nil
}

package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// event is one Server-Sent Event.
type event struct {
	name string
	data string
}

// subscribe reads the event stream of the server, which is at the root
// whatever the site's base path.
func subscribe(t testing.TB, s *Server) <-chan event {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+s.ln.Addr().String()+devPrefix+"events", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type: got %q, want %q", ct, "text/event-stream")
	}
	out := make(chan event, 100)
	go func() {
		defer res.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(res.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.name != "":
				out <- ev
				ev = event{}
			}
		}
	}()
	return out
}

// next waits for the next event named name, skipping others.
func next(t testing.TB, events <-chan event, name string) event {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				t.Fatalf("event stream closed while waiting for %q", name)
			}
			if ev.name == name {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %q event", name)
		}
	}
}

func nextStatus(t testing.TB, events <-chan event) status {
	t.Helper()
	var st status
	if err := json.Unmarshal([]byte(next(t, events, "status").data), &st); err != nil {
		t.Fatal(err)
	}
	return st
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// csp is the strictest policy the reload script must work under.
const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">`

// fakeBuild "builds" input.txt into index.html, replacing it whole as the
// real build does; a line "BROKEN" fails the
// build with a problem at that line, as a YAML error would.
func fakeBuild(input, out string) BuildFunc {
	return func(ctx context.Context, changed []string) Outcome {
		data, err := os.ReadFile(input)
		if err != nil {
			return Outcome{Err: err}
		}
		for i, line := range strings.Split(string(data), "\n") {
			if line == "BROKEN" {
				var l diag.List
				l.Errorf(filepath.Base(input), i+1, 1, "", "", "invalid <b>line</b>")
				return Outcome{Err: errors.New("the data has errors"), Problems: l}
			}
		}
		page := "<!DOCTYPE html><html><head>" + csp + "</head><body><h1>" + string(data) + "</h1></body></html>"
		old, _ := os.ReadFile(filepath.Join(out, "index.html"))
		if string(old) == page {
			return Outcome{BasePath: "/"}
		}
		if err := os.MkdirAll(out, 0o755); err != nil {
			return Outcome{Err: err}
		}
		tmp := filepath.Join(out, ".index.html")
		if err := os.WriteFile(tmp, []byte(page), 0o644); err != nil {
			return Outcome{Err: err}
		}
		if err := os.Rename(tmp, filepath.Join(out, "index.html")); err != nil {
			return Outcome{Err: err}
		}
		return Outcome{BasePath: "/", Written: 1}
	}
}

// start runs a server on a free port until the test ends.
func start(t testing.TB, o Options) *Server {
	t.Helper()
	o.Addr = "127.0.0.1:0"
	o.Poll = 10 * time.Millisecond
	o.Quiet = 20 * time.Millisecond
	s, err := Listen(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	select {
	case <-s.Ready():
	case err := <-done:
		t.Fatalf("Run: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after cancel")
		}
	})
	return s
}

func TestServerRebuildsAndReloads(t *testing.T) {
	dir := t.TempDir()
	input, out := filepath.Join(dir, "input.txt"), filepath.Join(dir, "public")
	write(t, input, "one")
	s := start(t, Options{Dir: out, Watch: []string{input}, Build: fakeBuild(input, out)})

	if code, body := get(t, s.URL()); code != 200 || !strings.Contains(body, "<h1>one</h1>") {
		t.Fatalf("GET /: got %d %q, want 200 with the first build", code, body)
	}
	events := subscribe(t, s)
	first := nextStatus(t, events)
	if first.Failed || len(first.Problems) != 0 {
		t.Fatalf("first status: got %+v, want no problems", first)
	}

	t.Run("edit reloads", func(t *testing.T) {
		write(t, input, "two")
		next(t, events, "reload")
		if code, body := get(t, s.URL()); code != 200 || !strings.Contains(body, "<h1>two</h1>") {
			t.Errorf("GET /: got %d %q, want the new content", code, body)
		}
	})
	t.Run("broken file shows problems and keeps the site", func(t *testing.T) {
		write(t, input, "two\nBROKEN")
		st := nextStatus(t, events)
		for !st.Failed {
			st = nextStatus(t, events) // the status that came with the last reload
		}
		want := []problem{{Where: "input.txt:2:1", Severity: "error", Message: "invalid <b>line</b>"}}
		if !st.Failed || len(st.Problems) != 1 || st.Problems[0] != want[0] {
			t.Errorf("status: got %+v, want failed with %+v", st, want)
		}
		if _, body := get(t, s.URL()); !strings.Contains(body, "<h1>two</h1>") {
			t.Errorf("GET /: got %q, want the last good site", body)
		}
	})
	t.Run("fix recovers", func(t *testing.T) {
		write(t, input, "three")
		next(t, events, "reload")
		st := nextStatus(t, events)
		if st.Failed || len(st.Problems) != 0 {
			t.Errorf("status: got %+v, want no problems", st)
		}
		if _, body := get(t, s.URL()); !strings.Contains(body, "<h1>three</h1>") {
			t.Errorf("GET /: got %q, want the fixed site", body)
		}
	})
}

func TestServerPortInUse(t *testing.T) {
	s, err := Listen(Options{Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.ln.Close()
	_, err = Listen(Options{Addr: s.ln.Addr().String()})
	if err == nil || !strings.Contains(err.Error(), "the port is in use") || !strings.Contains(err.Error(), "--addr") {
		t.Errorf("second Listen: got %v, want a message that the port is in use and how to pick another", err)
	}
}

func TestServerStopsWithOpenStreams(t *testing.T) {
	dir := t.TempDir()
	input, out := filepath.Join(dir, "input.txt"), filepath.Join(dir, "public")
	write(t, input, "one")
	s, err := Listen(Options{Addr: "127.0.0.1:0", Dir: out, Watch: []string{input}, Build: fakeBuild(input, out)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	events := subscribe(t, s)
	nextStatus(t, events)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: got %v, want nil: an open event stream must not hold the shutdown", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return: an open event stream blocks the shutdown")
	}
	if _, ok := <-events; ok {
		t.Error("event stream still open after stop")
	}
}

// lockedBuffer is a log the server may write from its own goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServerLogsFirstBuild(t *testing.T) {
	dir := t.TempDir()
	input, out := filepath.Join(dir, "input.txt"), filepath.Join(dir, "public")
	write(t, input, "one")
	var log lockedBuffer
	start(t, Options{Dir: out, Watch: []string{input}, Build: fakeBuild(input, out), Log: &log})
	if got := log.String(); !strings.HasPrefix(got, "built in ") {
		t.Errorf("log after the first build: got %q, want a line starting with \"built in \"", got)
	}
}

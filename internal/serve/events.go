package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// status is what open pages are told: the version of the site on disk and
// the problems of the last build. A page reloads when the version differs
// from the one it was served with, and shows the problems in an overlay.
type status struct {
	Version  int64     `json:"version"`
	Failed   bool      `json:"failed"` // the last build failed: the site shown is the last good one
	Problems []problem `json:"problems"`
}

// problem is one diagnostic as the overlay lists it.
type problem struct {
	Where    string `json:"where"` // file:line:col
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func problems(l diag.List) []problem {
	out := []problem{}
	for _, d := range l {
		if d.Severity != diag.Error {
			continue // warnings are printed by the command, not put in front of the page
		}
		where := d.File
		if d.Line > 0 {
			where += fmt.Sprintf(":%d", d.Line)
			if d.Col > 0 {
				where += fmt.Sprintf(":%d", d.Col)
			}
		}
		out = append(out, problem{Where: where, Severity: d.Severity.String(), Message: d.Text()})
	}
	return out
}

// templatePos finds the position in an error from html/template, such as
// "template: item.html:3:15: executing ...".
var templatePos = regexp.MustCompile(`template: ([^\s:]+):(\d+)(?::(\d+))?: (.*)$`)

// errProblem turns a failed build's error into a problem, at the template
// line it names if any.
func errProblem(err error) problem {
	msg := err.Error()
	if m := templatePos.FindStringSubmatch(msg); m != nil {
		where := m[1] + ":" + m[2]
		if m[3] != "" {
			where += ":" + m[3]
		}
		return problem{Where: where, Severity: "error", Message: m[4]}
	}
	return problem{Where: "build", Severity: "error", Message: msg}
}

// hub holds the current status and streams it to every open page as
// Server-Sent Events: a "status" event on connect and after every build, and
// a "reload" event first when the version moved on.
type hub struct {
	mu     sync.Mutex
	st     status
	subs   map[chan struct{}]bool
	closed bool
	done   chan struct{}
}

func newHub() *hub {
	return &hub{st: status{Problems: []problem{}}, subs: map[chan struct{}]bool{}, done: make(chan struct{})}
}

func (h *hub) get() status {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.st
}

// set publishes st to every subscriber. Slow subscribers are never waited
// for: each holds at most one pending wake-up and reads the latest status.
func (h *hub) set(st status) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.st = st
	for c := range h.subs {
		select {
		case c <- struct{}{}:
		default:
		}
	}
}

// close ends every stream, so that the server can shut down: event streams
// never become idle on their own.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

func (h *hub) subscribe() chan struct{} {
	c := make(chan struct{}, 1)
	h.mu.Lock()
	h.subs[c] = true
	h.mu.Unlock()
	return c
}

func (h *hub) unsubscribe(c chan struct{}) {
	h.mu.Lock()
	delete(h.subs, c)
	h.mu.Unlock()
}

// keepAlive is how often an idle stream gets a comment, so that proxies and
// browsers keep the connection open.
const keepAlive = 15 * time.Second

func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	c := h.subscribe()
	defer h.unsubscribe(c)
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	version := h.write(w, -1)
	for {
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-c:
			version = h.write(w, version)
		}
	}
}

// write sends the current status, preceded by a reload event when the
// version is no longer the one this stream last sent (-1: none yet).
func (h *hub) write(w http.ResponseWriter, version int64) int64 {
	st := h.get()
	if version >= 0 && st.Version != version {
		fmt.Fprintf(w, "event: reload\ndata: %d\n\n", st.Version)
	}
	data, _ := json.Marshal(st)
	fmt.Fprintf(w, "event: status\ndata: %s\n\n", data)
	return st.Version
}

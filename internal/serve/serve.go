// Package serve is the development server behind `landscape serve`: it
// serves a built site as a static host would, watches the inputs, rebuilds
// when they change, and tells open pages to reload.
//
// The server does not know how a site is built: it calls a BuildFunc with
// the paths that changed and is told what happened. Changes are found from
// the system's file events (notify.go), or by polling where there are none
// (watch.go), and bursts are merged into one build. Open pages hold a
// Server-Sent Events stream (events.go) that says when the site on disk has
// a new version, and which problems the last build found; the reload script
// (static/reload.js) reloads the page or shows the problems in an overlay.
// The script is added to HTML pages as they are served (handler.go), so it
// never reaches a built site. A failed build leaves the last good site in
// place and on screen, under the overlay.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// Outcome is what one build did, as far as the server needs to know.
type Outcome struct {
	BasePath string    // the site's base path, such as "/" or "/landscape/"; "" keeps the last one
	Written  int       // files changed on disk; 0 means open pages need not reload
	Problems diag.List // the errors among them are listed in the overlay
	Err      error     // the build failed and the last good site stays
	Detail   string    // what the build did, for the log line; optional
}

// BuildFunc builds the site into the served folder. changed is nil for the
// first build and afterwards lists the watched paths that changed.
type BuildFunc func(ctx context.Context, changed []string) Outcome

// Options configures a Server.
type Options struct {
	Addr  string        // host:port to listen on
	Dir   string        // the folder that builds write and the server serves
	Watch []string      // files and folders whose changes start a build
	Build BuildFunc     // required
	Poll  time.Duration // how often to look for changes without file events; 0 means 100ms
	Quiet time.Duration // how long a burst of changes must be quiet; 0 means 20ms
	Log   io.Writer     // one line per build; nil for silence
}

// Server is a development server bound to its address.
type Server struct {
	o     Options
	ln    net.Listener
	hub   *hub
	ready chan struct{}

	mu      sync.Mutex
	base    string
	version int64
}

// Listen binds the address before anything is built, so that a port in use
// is reported at once and clearly.
func Listen(o Options) (*Server, error) {
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("listen on %s: the port is in use (stop the other server or pick another address with --addr)", o.Addr)
		}
		return nil, fmt.Errorf("listen on %s: %w", o.Addr, err)
	}
	if o.Poll <= 0 {
		o.Poll = 100 * time.Millisecond
	}
	if o.Quiet <= 0 {
		o.Quiet = 20 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	// Versions start at the clock so that pages left open across a restart
	// of the server reload too.
	return &Server{o: o, ln: ln, hub: newHub(), ready: make(chan struct{}), base: "/", version: time.Now().UnixMilli()}, nil
}

// Ready is closed once the first build is done and the site is served.
func (s *Server) Ready() <-chan struct{} { return s.ready }

// URL is the address of the site's landscape page.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return "http://" + s.ln.Addr().String() + s.base
}

// Run builds the site, serves it and rebuilds on changes until ctx is done,
// then stops cleanly. It closes the listener.
func (s *Server) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changes, batches, watchErrs := make(chan []string), make(chan []string), make(chan error, 1)
	s.startWatching(ctx, changes, watchErrs) // before the first build, so no change is missed
	go debounce(ctx, changes, s.o.Quiet, batches)
	s.build(ctx, nil)
	if ctx.Err() != nil { // stopped during the first build
		return s.ln.Close()
	}
	h := &handler{dir: s.o.Dir, hub: s.hub, base: s.basePath, version: s.currentVersion}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	srv.RegisterOnShutdown(s.hub.close)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.ln) }()
	fmt.Fprintf(s.o.Log, "serving %s on %s (Ctrl-C to stop)\n", s.o.Dir, s.URL())
	close(s.ready)
	for {
		select {
		case <-ctx.Done():
			stop, cancelStop := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancelStop()
			err := srv.Shutdown(stop)
			<-served
			return err
		case err := <-served:
			return fmt.Errorf("serve: %w", err)
		case batch := <-batches:
			s.build(ctx, batch)
		case err := <-watchErrs:
			// Events were lost (the system's queue overflowed): rebuild
			// from everything watched.
			fmt.Fprintf(s.o.Log, "watch: %v; rebuilding everything\n", err)
			s.build(ctx, s.o.Watch)
		}
	}
}

// startWatching follows the inputs through file events, or by polling when
// the system cannot deliver them.
func (s *Server) startWatching(ctx context.Context, changes chan<- []string, errs chan<- error) {
	n, err := newNotifier(s.o.Watch)
	if err == nil {
		go n.run(ctx, changes, errs)
		return
	}
	fmt.Fprintf(s.o.Log, "watch: no file events (%v); polling every %v\n", err, s.o.Poll)
	go watch(ctx, s.o.Watch, snapshot(s.o.Watch), s.o.Poll, changes)
}

// build runs one build and publishes its outcome to open pages.
func (s *Server) build(ctx context.Context, changed []string) {
	start := time.Now()
	out := s.o.Build(ctx, changed)
	if ctx.Err() != nil {
		return
	}
	s.mu.Lock()
	if out.Err == nil {
		if out.BasePath != "" {
			s.base = out.BasePath
		}
		if out.Written > 0 {
			s.version++
		}
	}
	st := status{Version: s.version, Failed: out.Err != nil, Problems: problems(out.Problems)}
	s.mu.Unlock()
	if out.Err != nil && len(st.Problems) == 0 {
		st.Problems = []problem{errProblem(out.Err)}
	}
	s.hub.set(st)
	d := time.Since(start).Round(time.Millisecond)
	detail := ""
	if out.Detail != "" {
		detail = "; " + out.Detail
	}
	switch {
	case changed == nil && out.Err != nil:
		fmt.Fprintf(s.o.Log, "first build failed after %v\n", d)
	case changed == nil:
		fmt.Fprintf(s.o.Log, "built in %v: %d files%s\n", d, out.Written, detail)
	case out.Err != nil:
		fmt.Fprintf(s.o.Log, "rebuild failed after %v (%s); serving the last good site\n", d, summary(changed))
	default:
		fmt.Fprintf(s.o.Log, "rebuilt in %v (%s): %d files changed%s\n", d, summary(changed), out.Written, detail)
	}
}

func (s *Server) basePath() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.base
}

func (s *Server) currentVersion() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

// summary names the changed paths for the log, shortened past three.
func summary(paths []string) string {
	if len(paths) <= 3 {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s, %s and %d more", paths[0], paths[1], len(paths)-2)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/serverless-landscape/landscape/internal/build"
)

const serveHelp = `Usage: landscape serve [flags]

Builds the site and serves it on http://127.0.0.1:8080 (--addr).

Examples:
    landscape serve
    landscape serve --addr 127.0.0.1:9000 --offline
`

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newFlagSet("serve", serveHelp, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "the `address` to listen on")
	if err := c.parse(fs, args); err != nil {
		return err
	}
	res, err := build.Build(ctx, c.options(stderr))
	if len(res.Diags) > 0 {
		_ = report(res.Diags, "text", "build", stderr, io.Discard)
	}
	if err != nil && !errors.Is(err, build.ErrProblems) {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another server using the port? pick one with --addr)", *addr, err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(c.out)), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %s on http://%s/ (Ctrl-C to stop)\n", c.out, ln.Addr())
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

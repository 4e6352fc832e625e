package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/serve"
)

const serveHelp = `Usage: landscape serve [flags]

Builds the site, serves it on http://127.0.0.1:8080 (--addr) and rebuilds
it when landscape.yml, the settings, the guide, a logo or (with
--templates-dir) a template changes. Open pages reload by themselves after
a rebuild. An edit that breaks the build keeps the last good site on screen
under an overlay that lists the problems with their file:line.

Rebuilds are incremental: an edited item renders its own page, the
landscape page and the data files again; unchanged logos are not processed
again and GitHub is asked only about repositories not seen before.

The posters (landscape.svg, .pdf, .png) are left out unless --poster asks
for them.

The site is built into a temporary folder of its own, removed on exit,
unless --out names one. The reload script is added to pages as they are
served: built sites never contain it.

Examples:
    landscape serve
    landscape serve --addr 127.0.0.1:9000 --offline
    landscape serve --templates-dir templates     # also watch the templates
`

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newFlagSet("serve", serveHelp, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "the `address` to listen on")
	withPoster := fs.Bool("poster", false, "also draw the posters (landscape.svg, .pdf, .png) after each rebuild that changes them")
	stop, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	defer stop()
	o := c.options(stderr)
	if !c.set["out"] {
		tmp, err := os.MkdirTemp("", "landscape-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		o.OutDir = filepath.Join(tmp, "site")
	}
	watch := []string{o.DataFile, o.LogosDir}
	for _, f := range []string{o.SettingsFile, o.GuideFile, c.templatesDir} {
		if f != "" {
			watch = append(watch, f)
		}
	}
	o.NoPoster = !*withPoster
	b := build.New(o)
	srv, err := serve.Listen(serve.Options{Addr: *addr, Dir: o.OutDir, Watch: watch, Build: rebuilder(c, b, *withPoster, stderr), Log: stdout})
	if err != nil {
		return err
	}
	if err := srv.Run(ctx); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "serve: stopped")
	return nil
}

// rebuilder adapts the incremental build to the server. Every build's
// summary is the server's log line; problems are printed when they change. An
// edit that brings new errors is not built: the last good site stays, under
// the overlay that lists them.
func rebuilder(c *common, b *build.Builder, withPoster bool, stderr io.Writer) serve.BuildFunc {
	inc := b.Incremental()
	inc.RejectNew = true
	var shown []string
	return func(ctx context.Context, changed []string) serve.Outcome {
		var ch build.Change
		if changed != nil {
			ch = inc.Classify(changed)
			b.Log = nil
		}
		rep, err := inc.Rebuild(ctx, ch)
		if now := texts(rep.Diags); !slices.Equal(now, shown) {
			if len(rep.Diags) > 0 {
				_ = c.report(rep.Diags, "text", "serve", stderr, io.Discard)
			}
			shown = now
		}
		out := serve.Outcome{Written: len(rep.Written) + len(rep.Removed), Problems: rep.Diags, Err: err, Detail: rep.Summary()}
		if err != nil {
			fmt.Fprintf(stderr, "serve: %v\n", err)
		} else if rep.Site != nil {
			out.BasePath = rep.Site.Settings.BasePath
			if withPoster {
				if _, err := inc.Posters(ctx, rep.Site); err != nil {
					fmt.Fprintf(stderr, "serve: poster: %v\n", err)
				}
			}
		}
		return out
	}
}

func texts(l diag.List) []string {
	out := make([]string, len(l))
	for i, d := range l {
		out[i] = d.String()
	}
	return out
}

package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/serverless-landscape/landscape/internal/check"
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Load reads landscape.yml, settings and guide, and runs the data checks.
// The error is for input that cannot be read or parsed at all; everything
// else is in Inputs.Diags. Data too broken to use is ErrProblems, with
// Inputs.Diags saying why (and what settings and guide have too), so that
// every command reports it in its own format. Load returns as soon as ctx
// ends, with its error.
func (o *Builder) Load(ctx context.Context) (Inputs, error) {
	type loaded struct {
		in  Inputs
		err error
		log []byte
	}
	r, err := untilDone(ctx, func() loaded {
		quiet := *o // its stage lines wait here, so a load cancelled midway writes nothing
		var log bytes.Buffer
		if o.Log != nil {
			quiet.Log = &log
		}
		in, err := quiet.load()
		return loaded{in, err, log.Bytes()}
	})
	if err != nil {
		return Inputs{}, fmt.Errorf("load: %w", err)
	}
	if o.Log != nil {
		_, _ = o.Log.Write(r.log)
	}
	return r.in, r.err
}

func (o *Builder) load() (Inputs, error) {
	var in Inputs
	err := o.stage("load", func() (string, error) {
		var err error
		if in.Landscape, err = loadData(o.DataFile, &in); err != nil && !errors.Is(err, ErrProblems) {
			return "", err
		}
		unusable := err
		if in.Settings, err = loadSettings(o.SettingsFile, &in); err != nil {
			return "", err
		}
		if in.Guide, err = loadGuide(o.GuideFile, &in); err != nil {
			return "", err
		}
		if unusable != nil {
			return "", unusable
		}
		dataMaturity(in.Landscape, in.Settings)
		return fmt.Sprintf("%d items in %d categories", len(in.Landscape.Items), len(in.Landscape.Categories)), nil
	})
	if err != nil {
		in.Diags.Sort()
		return in, err
	}
	err = o.stage("check", func() (string, error) {
		n := o.checkData(in)
		in.Diags = append(in.Diags, n...)
		return fmt.Sprintf("%d errors, %d warnings", n.Errors(), len(n)-n.Errors()), nil
	})
	in.Diags.Sort()
	return in, err
}

// untilDone runs f and returns what it returns, or ctx's error as soon as
// ctx ends. yaml.v3 takes no context, and parsing a large file takes
// seconds; a cancelled command returns at once and leaves f to finish
// unobserved, so f must write nothing but what it returns (its work is
// bounded by the input's size, as every stage's is).
func untilDone[T any](ctx context.Context, f func() T) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v := <-done:
		return v, nil
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

// checkData runs the data checks, which only read the data: a rebuild runs
// them beside rendering.
func (o *Builder) checkData(in Inputs) diag.List {
	diags := check.Data(check.Input{Landscape: in.Landscape, Settings: in.Settings})
	logos, _ := openLogos(o.LogosDir)
	check.LogoRefs(in.Landscape, logos, o.LogosDir, &diags)
	return diags
}

// dataMaturity makes the levels `project:` takes in the data the site's
// maturity levels, when settings do not list them (landscape2 settings never
// do).
func dataMaturity(l *landscape.Landscape, s *landscape.Settings) {
	if l != nil && !s.MaturityGiven() {
		s.Maturity = landscape.MaturityLevels(l, s)
	}
}

func loadData(file string, in *Inputs) (*landscape.Landscape, error) {
	dir, done, err := dirFS(file)
	if err != nil {
		return nil, err
	}
	defer done()
	l, diags, err := landscape.Load(dir, filepath.Base(file))
	if err != nil {
		return nil, err
	}
	l.File = file
	in.Diags = append(in.Diags, relabel(diags, file)...)
	if len(l.Categories) == 0 && diags.HasErrors() {
		return nil, fmt.Errorf("%s has no usable data: %w", file, ErrProblems)
	}
	return l, nil
}

func loadSettings(file string, in *Inputs) (*landscape.Settings, error) {
	if file == "" {
		return landscape.DefaultSettings(), nil
	}
	dir, done, err := dirFS(file)
	if err != nil {
		return nil, err
	}
	defer done()
	s, diags, err := landscape.LoadSettings(dir, filepath.Base(file))
	if err != nil {
		return nil, err
	}
	s.File = file
	in.Diags = append(in.Diags, relabel(diags, file)...)
	return s, nil
}

func loadGuide(file string, in *Inputs) (*landscape.Guide, error) {
	if file == "" {
		return nil, nil
	}
	dir, done, err := dirFS(file)
	if err != nil {
		return nil, err
	}
	defer done()
	g, diags, err := landscape.LoadGuide(dir, filepath.Base(file))
	if err != nil {
		return nil, err
	}
	in.Diags = append(in.Diags, relabel(diags, file)...)
	return g, nil
}

// dirFS opens the folder of file, so loaders read through fs.FS, and so
// that a file the pull request made a symbolic link cannot lead outside it
// (to a secret, or to /dev/zero).
func dirFS(file string) (fsys, func(), error) {
	root, err := os.OpenRoot(filepath.Dir(file))
	if err != nil {
		return nil, nil, err
	}
	return root.FS(), func() { root.Close() }, nil
}

// openLogos opens the logos folder so that nothing read through it can leave
// it, symbolic links included.
func openLogos(dir string) (fsys, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return root.FS(), nil
}

package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/templates"
)

// common are the flags every command shares.
type common struct {
	data, settings, guide, logos, out, cacheDir, templatesDir string
	strict, offline, verbose                                  bool
	cpuProfile                                                string

	set map[string]bool // flags given on the command line
}

func newFlagSet(name, help string, stderr io.Writer) (*flag.FlagSet, *common) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &common{}
	fs.StringVar(&c.data, "data", "landscape.yml", "the landscape data `file`")
	fs.StringVar(&c.settings, "settings", "settings.yml", "the settings `file`, beside the data file (skipped when absent)")
	fs.StringVar(&c.guide, "guide", "guide.yml", "the guide `file`, beside the data file (skipped when absent)")
	fs.StringVar(&c.logos, "logos", "hosted_logos", "the `folder` of logo files, beside the data file")
	fs.StringVar(&c.out, "out", "public", "the output `folder`")
	fs.StringVar(&c.cacheDir, "cache-dir", ".cache", "the cache `folder` for GitHub facts and logos (\"\" disables it)")
	fs.StringVar(&c.templatesDir, "templates-dir", "", "read templates from this `folder` instead of the built-in ones (for template development)")
	fs.BoolVar(&c.strict, "strict", false, "fail on any error in the data")
	fs.BoolVar(&c.offline, "offline", false, "make no network requests: use cached GitHub facts and logos only")
	fs.BoolVar(&c.verbose, "verbose", false, "list every problem: without it, text and github print a problem repeated on many items as one line")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile to `file` (for go tool pprof)")
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	return fs, c
}

// parse parses args; -h and bad flags are errUsage (the flag package has
// already printed why). It starts the CPU profile --cpuprofile asks for;
// the command calls stop when its work is done.
func (c *common) parse(fs *flag.FlagSet, args []string) (stop func(), err error) {
	if err := fs.Parse(args); err != nil {
		return nil, errUsage
	}
	c.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { c.set[f.Name] = true })
	c.besideData()
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "unexpected argument %q\n", fs.Arg(0))
		return nil, errUsage
	}
	return c.profile()
}

// besideData makes the default settings, guide and logos those beside the
// data file: `--data ../cncf/landscape.yml` reads ../cncf/settings.yml and
// ../cncf/hosted_logos, not the current folder's. Flags given are kept.
func (c *common) besideData() {
	dir := filepath.Dir(c.data)
	if dir == "." {
		return
	}
	for name, v := range map[string]*string{"settings": &c.settings, "guide": &c.guide, "logos": &c.logos} {
		if !c.set[name] {
			*v = filepath.Join(dir, *v)
		}
	}
}

// options turns the flags into build options.
func (c *common) options(stderr io.Writer) build.Options {
	o := build.Options{
		DataFile:     c.data,
		SettingsFile: c.optional("settings", c.settings),
		GuideFile:    c.optional("guide", c.guide),
		LogosDir:     c.logos,
		OutDir:       c.out,
		CacheDir:     c.cacheDir,
		Strict:       c.strict,
		Offline:      c.offline,
		Templates:    templates.FS,
		Client:       &http.Client{Timeout: 30 * time.Second},
		GitHub:       gh.OptionsFromEnv(os.Getenv),
		Log:          stderr,
	}
	if c.templatesDir != "" {
		o.Templates = os.DirFS(c.templatesDir)
	}
	if isTerminal(stderr) {
		o.GitHub.Progress = stderr
	}
	return o
}

// optional returns the default file when it exists and "" otherwise:
// settings and guide are optional. A file named on the command line is kept
// even when missing, so that loading it reports the mistake.
func (c *common) optional(flag, file string) string {
	if c.set[flag] {
		return file
	}
	if _, err := os.Stat(file); err != nil {
		return ""
	}
	return file
}

// writeDiags prints problems in format, repeated ones as one line unless
// --verbose.
func (c *common) writeDiags(w io.Writer, l diag.List, format string) error {
	if c.verbose {
		return diag.WriteAll(w, l, format)
	}
	return diag.Write(w, l, format)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/links"
)

const linksHelp = `Usage: landscape links [flags]

Checks every URL in landscape.yml (homepages, repositories, crunchbase and
social links, extra links, other_links, audits, logo URLs) and reports, at
its file:line:col:

    dead             404, 410, no such host, a TLS failure (an error)
    moved            a permanent redirect within the same site (--fix rewrites it)
    another host     a redirect to a different host, often a parked or acquired
                     domain (reported, never rewritten)
    timed out        every attempt timed out
    other errors     403, 5xx or 429 after the retries

Each URL is asked once, HEAD then GET, with at most --concurrency requests
at once and --per-host to one host, retrying 429 and 5xx with backoff (and
Retry-After). Hosts that refuse robots (x.com, linkedin.com, ..., and
links.skip_hosts in settings) are skipped and counted. Results are kept in
--cache-dir for --max-age: a second run asks only about expired ones.

--fix rewrites, in landscape.yml, the URLs that moved permanently within
the same site (the same host, http to https, "www." added or removed),
changing only those values.

A Markdown report is appended to GITHUB_STEP_SUMMARY when set, and written
to --summary FILE. Exits 1 when a link is dead.

Examples:
    landscape links
    landscape links --fix
    landscape links --format github --max-age 0     # ask every URL again
`

func cmdLinks(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, c := newFlagSet("links", linksHelp, stderr)
	format := fs.String("format", "text", "output `format`: text, github or json")
	fix := fs.Bool("fix", false, "rewrite URLs that moved permanently within the same site")
	maxAge := fs.Duration("max-age", 7*24*time.Hour, "how long a `result` stays fresh in the cache")
	timeout := fs.Duration("timeout", 15*time.Second, "the `time` one request may take")
	concurrency := fs.Int("concurrency", 16, "requests at once, overall")
	perHost := fs.Int("per-host", 2, "requests at once to one host")
	summary := fs.String("summary", "", "write a Markdown report to this `file`")
	stop, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	defer stop()
	if err := checkFormat(*format, stderr); err != nil {
		return err
	}
	data, err := os.ReadFile(c.data)
	if err != nil {
		return err
	}
	uses, err := links.Collect(data)
	if err != nil {
		return fmt.Errorf("%s: %w (landscape validate says where)", c.data, err)
	}
	skip, err := skipHosts(c)
	if err != nil {
		return err
	}
	cacheFile := ""
	if c.cacheDir != "" {
		cacheFile = filepath.Join(c.cacheDir, "links", "results.json")
	}
	cache, err := links.OpenCache(cacheFile, *maxAge)
	if err != nil {
		return err
	}
	o := links.Options{Client: &http.Client{}, Concurrency: *concurrency, PerHost: *perHost, Timeout: *timeout, SkipHosts: skip}
	start := time.Now()
	rep, err := links.Check(ctx, uses, cache, o, *fix)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "links: %s (%v)\n", rep.Summary(), time.Since(start).Round(time.Millisecond))
	if *fix {
		if err := writeFixes(c.data, data, rep, stderr); err != nil {
			return err
		}
	}
	diags := rep.Diagnostics(c.data, *timeout)
	if err := c.writeDiags(stdout, diags, *format); err != nil {
		return err
	}
	if err := writeLinksSummary(rep.Markdown(c.data, *timeout), *summary); err != nil {
		return err
	}
	if diags.HasErrors() {
		return errFailed
	}
	return nil
}

// skipHosts are the defaults and the settings' links.skip_hosts.
func skipHosts(c *common) ([]string, error) {
	hosts := append([]string{}, links.DefaultSkipHosts...)
	file := c.optional("settings", c.settings)
	if file == "" {
		return hosts, nil
	}
	s, _, err := landscape.LoadSettings(os.DirFS(filepath.Dir(file)), filepath.Base(file))
	if err != nil {
		return nil, err
	}
	return append(hosts, s.Links.SkipHosts...), nil
}

func writeFixes(file string, data []byte, rep *links.Report, stderr io.Writer) error {
	out, fixed, left := links.Fix(data, rep)
	for _, u := range left {
		fmt.Fprintf(stderr, "%s:%d:%d: not fixed: %s is written in a form --fix does not rewrite (change it by hand)\n", file, u.Line, u.Col, u.URL)
	}
	if len(fixed) == 0 {
		return nil
	}
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp := file + ".links-fix"
	if err := os.WriteFile(tmp, out, st.Mode().Perm()); err != nil {
		return err
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return err
	}
	fmt.Fprintf(stderr, "links: fixed %d moved URLs in %s\n", len(fixed), file)
	return nil
}

func writeLinksSummary(md, file string) error {
	if file != "" {
		if err := os.WriteFile(file, []byte(md), 0o644); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	p := os.Getenv("GITHUB_STEP_SUMMARY")
	if p == "" {
		return nil
	}
	f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("step summary: %w", err)
	}
	_, err = f.WriteString(md)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("step summary: %w", err)
	}
	return nil
}

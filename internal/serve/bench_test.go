package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/serverless-landscape/landscape/internal/build"
	"github.com/serverless-landscape/landscape/templates"
)

// BenchmarkServeEdit times what a maintainer waits for in `landscape serve`
// on the cncf-full landscape (2,400 items): from saving a one-item edit of
// landscape.yml to the reload event that follows the rebuilt files, through
// the file events, the debounce, the incremental rebuild and the event
// stream. The data file is a temporary copy; logos and settings are read
// from the corpus.
func BenchmarkServeEdit(b *testing.B) {
	src := filepath.Join("..", "..", "..", "shared", "corpora", "cncf-full")
	if _, err := os.Stat(src); err != nil {
		b.Skipf("shared corpora not found at %s: skipping the serve benchmark on real data", src)
	}
	data, err := os.ReadFile(filepath.Join(src, "landscape.yml"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	o := build.Options{
		DataFile:     filepath.Join(dir, "landscape.yml"),
		SettingsFile: filepath.Join(src, "landscape2-sites", "settings.yml"),
		GuideFile:    filepath.Join(src, "landscape2-sites", "guide.yml"),
		LogosDir:     filepath.Join(src, "hosted_logos"),
		OutDir:       filepath.Join(dir, "site"),
		CacheDir:     filepath.Join(dir, "cache"),
		Offline:      true,
		Templates:    templates.FS,
	}
	write(b, o.DataFile, string(data))
	s := start(b, Options{Dir: o.OutDir, Watch: []string{o.DataFile, o.SettingsFile, o.GuideFile, o.LogosDir}, Build: incremental(o)})
	events := subscribe(b, s)
	nextStatus(b, events)
	loc := regexp.MustCompile(`(?m)^(\s+description: ).*$`).FindSubmatchIndex(data)
	if loc == nil {
		b.Fatal("no description in the corpus")
	}
	b.ResetTimer()
	for i := range b.N {
		edited := fmt.Sprintf("%s%sEdited description %d.%s", data[:loc[2]], data[loc[2]:loc[3]], i, data[loc[1]:])
		write(b, o.DataFile, edited)
		next(b, events, "reload")
	}
}

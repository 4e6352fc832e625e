package build

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/templates"
)

// TestDownloads builds the hand-made site under a base path and follows
// every link of the landscape page's Download menu to a file of the site.
func TestDownloads(t *testing.T) {
	fixture := filepath.Join("..", "render", "testdata", "site")
	settings, err := os.ReadFile(filepath.Join(fixture, "settings.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "settings.yml")
	settings = regexp.MustCompile(`(?m)^base_path:.*$`).ReplaceAll(settings, []byte("base_path: /maps/landscape/"))
	if err := os.WriteFile(file, settings, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, noPoster := range []bool{false, true} {
		o := Options{DataFile: filepath.Join(fixture, "landscape.yml"), SettingsFile: file, LogosDir: filepath.Join(fixture, "logos"),
			OutDir: filepath.Join(t.TempDir(), "public"), CacheDir: filepath.Join(dir, "cache"), Offline: true, NoPoster: noPoster, Templates: templates.FS,
			CacheKey: []byte("0123456789abcdef0123456789abcdef")}
		if _, err := Build(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(filepath.Join(o.OutDir, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		menu := regexp.MustCompile(`(?s)<details class="?downloads"?>.*?</details>`).Find(page)
		links := regexp.MustCompile(`href=([^ >]+)`).FindAllSubmatch(menu, -1)
		if want := map[bool]int{false: 5, true: 2}[noPoster]; len(links) != want {
			t.Fatalf("no-poster %v: the Download menu has %d links, want %d:\n%s", noPoster, len(links), want, menu)
		}
		for _, l := range links {
			href := strings.Trim(string(l[1]), `"`)
			rel, ok := strings.CutPrefix(href, "/maps/landscape/")
			if !ok {
				t.Errorf("%s is not under the base path", href)
				continue
			}
			if st, err := os.Stat(filepath.Join(o.OutDir, filepath.FromSlash(rel))); err != nil || st.Size() == 0 {
				t.Errorf("%s: no such file in the site (%v)", href, err)
			}
		}
	}
}

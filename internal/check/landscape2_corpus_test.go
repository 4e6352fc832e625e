package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// landscape2Rejects are the errors a landscape2 build fails on too, each
// with what landscape2 does. Any other error on a real landscape2 landscape
// would be a false problem for a landscape moving over.
var landscape2Rejects = []struct{ says, why string }{
	{"not found in hosted_logos", "landscape2 cannot read the logo file either"},
	{"duplicate of the item at line", "landscape2: duplicate item name"},
	{"missing (every item needs", "landscape2: name, homepage url and logo are required"},
}

// TestCorporaLandscape2Accepts loads each shared corpus with its
// landscape2-sites settings and guide, runs the data checks and counts the
// errors: none may come from a value landscape2 accepts. Logo contents are
// judged by package logos and are not counted here: our rules for a clean
// SVG are stricter than landscape2's on purpose (docs/migrating.md).
func TestCorporaLandscape2Accepts(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpora")
	for _, name := range []string{"cncf-full", "serverless"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(root, name)
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("shared corpora not found at %s: skipping the test on real data", dir)
			}
			diags, items := loadCorpus(t, dir)
			errs := 0
			for _, d := range diags {
				if d.Severity != diag.Error {
					continue
				}
				errs++
				if !landscape2Would(d) {
					t.Errorf("an error on data landscape2 accepts: %s", d)
				}
			}
			t.Logf("%s: %d items, %s (%d errors landscape2 also rejects)", name, items, diags.Summary(), errs)
		})
	}
}

func landscape2Would(d diag.Diagnostic) bool {
	for _, r := range landscape2Rejects {
		if strings.Contains(d.Message, r.says) {
			return true
		}
	}
	return false
}

// loadCorpus loads a corpus folder as `landscape validate` would with
// --settings and --guide from its landscape2-sites folder, where present.
func loadCorpus(t *testing.T, dir string) (diag.List, int) {
	t.Helper()
	fsys := os.DirFS(dir)
	l, diags, err := landscape.Load(fsys, "landscape.yml")
	if err != nil {
		t.Fatal(err)
	}
	s := landscape.DefaultSettings()
	if _, err := os.Stat(filepath.Join(dir, "landscape2-sites", "settings.yml")); err == nil {
		var sd diag.List
		s, sd, err = landscape.LoadSettings(fsys, "landscape2-sites/settings.yml")
		if err != nil {
			t.Fatal(err)
		}
		diags = append(diags, sd...)
	}
	if _, err := os.Stat(filepath.Join(dir, "landscape2-sites", "guide.yml")); err == nil {
		_, gd, err := landscape.LoadGuide(fsys, "landscape2-sites/guide.yml")
		if err != nil {
			t.Fatal(err)
		}
		diags = append(diags, gd...)
	}
	diags = append(diags, Data(Input{Landscape: l, Settings: s})...)
	LogoRefs(l, os.DirFS(filepath.Join(dir, "hosted_logos")), "hosted_logos", &diags)
	return diags, len(l.Items)
}

package main

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGitBaseChangedLogoNames checks that logo files with non-ASCII names
// count as changed: git quotes such names unless asked not to, and a quoted
// name would match no logo, hiding the change's logo problems as old ones.
func TestGitBaseChangedLogoNames(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found")
	}
	dir := t.TempDir()
	r := &checkRepo{dir: dir}
	data := filepath.Join(dir, "landscape.yml")
	write(t, data, "landscape: []\n")
	write(t, filepath.Join(dir, "hosted_logos", "logö (1).svg"), "<svg/>")
	write(t, filepath.Join(dir, "hosted_logos", "plain.svg"), "<svg/>")
	r.git(t, "init", "-q")
	r.git(t, "add", ".")
	r.git(t, "commit", "-q", "-m", "base")
	write(t, filepath.Join(dir, "hosted_logos", "logö (1).svg"), "<svg><text/></svg>")
	write(t, filepath.Join(dir, "hosted_logos", "plain.svg"), "<svg><text/></svg>")

	b, err := gitBase("HEAD", inputPaths{data: data, settings: filepath.Join(dir, "settings.yml"), logos: filepath.Join(dir, "hosted_logos")})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"logö (1).svg", "plain.svg"} {
		if !b.ChangedLogos[name] {
			t.Errorf("changed logo %q not listed; got %v", name, b.ChangedLogos)
		}
	}
}

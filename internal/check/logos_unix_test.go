//go:build unix

package check

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// TestLogoRefsSpecialFiles checks that a logo naming a named pipe, or a
// link leaving the folder, is an error at its logo: line, found without
// opening the file (a named pipe would block the check forever).
func TestLogoRefsSpecialFiles(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "hosted_logos")
	os.Mkdir(dir, 0o755)
	os.WriteFile(filepath.Join(root, "secret.svg"), []byte("<svg/>"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "a.svg"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	if err := os.Symlink("../secret.svg", filepath.Join(dir, "b.svg")); err != nil {
		t.Skipf("cannot make a link: %v", err)
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	l := load(t, strings.Replace(strings.Replace(twoBoxes, "%s", item("A", ""), 1), "%s", item("B", ""), 1))
	l.Items[1].Logo = "b.svg"
	var diags diag.List
	done := make(chan struct{})
	go func() { LogoRefs(l, r.FS(), "hosted_logos", &diags); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("checking a named pipe blocked")
	}
	want := []string{
		`landscape.yml:11:19: error: item "A": logo: "a.svg" is a named pipe (FIFO), not a logo file (logos must be regular files)`,
		`item "B": logo: "b.svg" leaves the logos folder through a symbolic link (name a file inside it)`,
	}
	got := texts(diags)
	if len(got) != 2 || got[0] != want[0] || !strings.HasSuffix(got[1], want[1]) {
		t.Errorf("got %q, want %q", got, want)
	}
}

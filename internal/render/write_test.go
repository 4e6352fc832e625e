package render

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteUnchanged(t *testing.T) {
	for _, tc := range []struct {
		name     string
		prev     string // "" for no previous file
		wantLink bool
	}{
		{"no previous file", "", false},
		{"same bytes", "<p>same</p>", true},
		{"other bytes", "<p>old</p>", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			prev, dst := filepath.Join(dir, "prev.html"), filepath.Join(dir, "dst.html")
			if tc.prev != "" {
				if err := os.WriteFile(prev, []byte(tc.prev), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := WriteUnchanged(dst, prev, []byte("<p>same</p>")); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(dst)
			if err != nil || string(got) != "<p>same</p>" {
				t.Fatalf("got %q (%v), want %q", got, err, "<p>same</p>")
			}
			di, _ := os.Stat(dst)
			pi, err := os.Stat(prev)
			if linked := err == nil && os.SameFile(di, pi); linked != tc.wantLink {
				t.Errorf("got linked %v, want %v", linked, tc.wantLink)
			}
			if old, _ := os.ReadFile(prev); tc.prev != "" && string(old) != tc.prev {
				t.Errorf("previous file: got %q, want it untouched %q", old, tc.prev)
			}
		})
	}
}

// TestWriteUnchangedTwice writes one name twice, first linked to the last
// site, then with other bytes: the last site must keep its bytes.
func TestWriteUnchangedTwice(t *testing.T) {
	dir := t.TempDir()
	prev, dst := filepath.Join(dir, "prev.html"), filepath.Join(dir, "dst.html")
	if err := os.WriteFile(prev, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, data := range []string{"old", "new"} {
		if err := WriteUnchanged(dst, prev, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(dst); string(got) != "new" {
		t.Errorf("got %q, want %q", got, "new")
	}
	if got, _ := os.ReadFile(prev); string(got) != "old" {
		t.Errorf("last site: got %q, want it untouched %q", got, "old")
	}
}

package render

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/race"
	"github.com/serverless-landscape/landscape/internal/site"
	"github.com/serverless-landscape/landscape/templates"
)

// corpusSite assembles a real landscape from the shared corpora, or skips.
func corpusSite(t testing.TB, name string) *site.Site {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora", name)
	if _, err := os.Stat(filepath.Join(dir, "landscape.yml")); err != nil {
		t.Skipf("corpus %s not found at %s: the shared corpora are not on this machine", name, dir)
	}
	fsys := os.DirFS(dir)
	l, _, err := landscape.Load(fsys, "landscape.yml")
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := landscape.LoadSettings(fsys, "landscape2-sites/settings.yml")
	if err != nil {
		t.Fatal(err)
	}
	g, _, err := landscape.LoadGuide(fsys, "landscape2-sites/guide.yml")
	if err != nil {
		t.Fatal(err)
	}
	return site.Assemble(l, s, g)
}

// TestCorpusRender renders both real landscapes and checks every item's
// page and items.json. Under the race detector only the small corpus is
// rendered: its pages go through the same workers as cncf-full's.
func TestCorpusRender(t *testing.T) {
	for _, name := range []string{"serverless", "cncf-full"} {
		t.Run(name, func(t *testing.T) {
			if race.Enabled && name == "cncf-full" {
				t.Skip("the same concurrent code as the small corpus, at 40 times the cost under -race: make test renders it without -race")
			}
			s := corpusSite(t, name)
			r, err := New(templates.FS)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if err := r.Render(context.Background(), s, dir); err != nil {
				t.Fatal(err)
			}
			for _, it := range s.Items {
				if _, err := os.Stat(filepath.Join(dir, "items", it.ID+".html")); err != nil {
					t.Errorf("item %q: %v", it.Name, err)
				}
			}
			data, err := os.ReadFile(filepath.Join(dir, "data", "items.json"))
			if err != nil {
				t.Fatal(err)
			}
			var items []site.Item
			if err := json.Unmarshal(data, &items); err != nil {
				t.Fatalf("items.json: %v", err)
			}
			if len(items) != len(s.Items) {
				t.Errorf("items.json has %d items, want %d", len(items), len(s.Items))
			}
			for i, it := range items {
				if it.ID != s.Items[i].ID {
					t.Errorf("items.json item %d is %q, want %q", i, it.ID, s.Items[i].ID)
				}
			}
		})
	}
}

// BenchmarkRender renders the whole cncf-full site (2,413 items).
func BenchmarkRender(b *testing.B) {
	s := corpusSite(b, "cncf-full")
	r, err := New(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		dir := b.TempDir()
		if err := r.Render(context.Background(), s, dir); err != nil {
			b.Fatal(err)
		}
	}
}

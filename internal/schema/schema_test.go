package schema

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/scaffold"
)

// TestComplete fails on every key the loader reads that the schemas do not
// describe, naming where to add it.
func TestComplete(t *testing.T) {
	for _, n := range Names {
		b, err := For(n)
		if err != nil {
			t.Errorf("%s:\n%v", n, err)
			continue
		}
		t.Logf("%s: %d bytes", n, len(b))
	}
}

// TestConstraintsHaveKeys fails when a check made in code names a key the
// settings no longer have.
func TestConstraintsHaveKeys(t *testing.T) {
	b := &builder{docs: "settingsDocs"}
	b.Settings()
	for p := range constraints {
		key := strings.TrimSuffix(p, ".*")
		if _, ok := settingsDocs[key]; !ok {
			t.Errorf("constraints in internal/schema/settings.go name %q, which settings do not have: remove or rename it", p)
		}
	}
}

// TestScaffoldSettingsExplainEveryKey: `landscape new` promises a
// settings.yml with every key explained.
func TestScaffoldSettingsExplainEveryKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "l")
	if _, err := scaffold.Write(dir, scaffold.Options{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "settings.yml"))
	if err != nil {
		t.Fatal(err)
	}
	read, accepted := landscape.SettingsKeys()
	for _, k := range append(read, accepted...) {
		if !regexp.MustCompile(`(?m)^#? ?` + regexp.QuoteMeta(k) + `:`).Match(b) {
			t.Errorf("settings key %q is not in the settings.yml of landscape new: add it, commented, to internal/scaffold/files/settings.yml", k)
		}
	}
}

// TestSuggestionsHaveKeys fails when a suggested value list names a key the
// settings no longer have.
func TestSuggestionsHaveKeys(t *testing.T) {
	for p := range suggestions {
		if _, ok := settingsDocs[p]; !ok {
			t.Errorf("suggestions in internal/schema/settings.go name %q, which settings do not have", p)
		}
	}
}

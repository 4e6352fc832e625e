package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var fuzzFunc = regexp.MustCompile(`(?m)^func (Fuzz\w+)\(f \*testing\.F\)`)

// TestMakeFuzzListsEveryTarget checks that `make fuzz` runs every fuzz
// target of internal/, so a new parser's fuzzer is not left out of it.
func TestMakeFuzzListsEveryTarget(t *testing.T) {
	mk, err := os.ReadFile(filepath.Join("..", "..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	_, list, ok := strings.Cut(string(mk), "FUZZ_TARGETS :=")
	if !ok {
		t.Fatal("Makefile: no FUZZ_TARGETS")
	}
	list, _, _ = strings.Cut(strings.ReplaceAll(list, "\\\n", " "), "\n")
	listed := strings.Fields(list)
	var found []string
	root := filepath.Join("..", "..", "internal")
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pkg, _ := filepath.Rel(root, filepath.Dir(path))
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(src), -1) {
			found = append(found, filepath.ToSlash(pkg)+":"+m[1])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(found)
	slices.Sort(listed)
	if len(found) == 0 || !slices.Equal(found, listed) {
		t.Errorf("Makefile FUZZ_TARGETS lists %v, want every fuzz target of internal/: %v", listed, found)
	}
}

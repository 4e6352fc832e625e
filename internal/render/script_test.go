package render

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/serverless-landscape/landscape/templates"
)

func TestBundleScript(t *testing.T) {
	fsys := fstest.MapFS{
		"js/main.js":     {Data: []byte(`import { twice } from "./lib/math.js"; document.title = String(twice(21));`)},
		"js/lib/math.js": {Data: []byte(`import { one } from "../one.js"; export function twice(longName) { return longName * 2 * one; }`)},
		"js/one.js":      {Data: []byte(`export const one = 1;`)},
	}
	got, err := bundleScript(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(got, []byte("import")) || bytes.Contains(got, []byte("longName")) || bytes.Count(got, []byte("\n")) > 1 {
		t.Errorf("bundle is not one minified script without imports:\n%s", got)
	}
	again, err := bundleScript(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, again) {
		t.Errorf("two bundles of the same modules differ:\n%s\n%s", got, again)
	}
}

func TestBundleScriptErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []string
	}{
		{"syntax", fstest.MapFS{"js/main.js": {Data: []byte("let x = ;\n")}}, []string{"js/main.js:1:8"}},
		{"missing module", fstest.MapFS{"js/main.js": {Data: []byte(`import "./nope.js";`)}}, []string{"nope.js"}},
		{"package import", fstest.MapFS{"js/main.js": {Data: []byte(`import "lodash";`)}}, []string{"only relative imports"}},
		{"outside", fstest.MapFS{"js/main.js": {Data: []byte(`import "../../etc/passwd";`)}}, []string{"outside the templates"}},
		{"no entry", fstest.MapFS{}, []string{"js/main.js"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := bundleScript(tt.fsys)
			if err == nil {
				t.Fatal("bundled without an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestBundleTemplates bundles the real page script: every module it
// imports must resolve inside the templates.
func TestBundleTemplates(t *testing.T) {
	got, err := bundleScript(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 1000 || bytes.Contains(got, []byte("import ")) {
		t.Errorf("page script of %d bytes, still with imports", len(got))
	}
}

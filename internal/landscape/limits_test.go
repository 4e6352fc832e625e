package landscape

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// laughs is the billion-laughs pattern: each level is a list of ten
// aliases of the one before, so levels+1 lines stand for 10^levels values.
func laughs(indent string, levels int, leaf string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%sl0: &l0 %s\n", indent, leaf)
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "%sl%d: &l%d [", indent, i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func item(name string) string {
	return "          - item:\n            name: " + name + "\n            homepage_url: https://a.example\n            logo: a.svg\n"
}

// TestAliasBudget checks that aliases cannot make a small file stand for a
// large one: a billion laughs of items, and one long description repeated
// by a thousand items, stop loading with an error at the alias that passes
// the budget, in every file the loader reads.
func TestAliasBudget(t *testing.T) {
	long := strings.Repeat("x", 8000)
	var repeated strings.Builder
	repeated.WriteString(header + "          - item:\n            name: A\n            homepage_url: https://a.example\n            logo: a.svg\n            description: &d " + long + "\n")
	for i := range 1000 {
		fmt.Fprintf(&repeated, "          - {item: , name: B%d, homepage_url: https://a.example, logo: a.svg, description: *d}\n", i)
	}
	itemLeaf := "{item: , name: A, homepage_url: 'https://a.example', logo: a.svg, description: " + strings.Repeat("y", 200) + "}"
	tests := []struct {
		name, file, src string
		line            int // the first line with aliases
	}{
		{"laughs of items", "landscape.yml", "x:\n" + laughs("  ", 6, itemLeaf) + header + "          - *l6\n", 3},
		{"laughs of item lists", "landscape.yml", "x:\n" + laughs("  ", 6, itemLeaf) + strings.Replace(header, "items:\n", "items: *l6\n", 1), 3},
		{"one description a thousand times", "landscape.yml", repeated.String(), 13},
		{"laughs in settings", "settings.yml", "x:\n" + laughs("  ", 7, "[a, b, c]") + "maturity: *l7\n", 3},
		{"laughs in the guide", "guide.yml", "x:\n" + laughs("  ", 7, "{category: C, content: "+strings.Repeat("z", 100)+"}") + "categories: *l7\n", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags, items := loadAny(tt.file, tt.src)
			var found *diag.Diagnostic
			for i, d := range diags {
				if strings.Contains(d.Message, "aliases expand the file") {
					found = &diags[i]
				}
			}
			if found == nil || found.Severity != diag.Error || found.Line == 0 || found.Col == 0 {
				t.Fatalf("got %v, want an error about aliases at a line and column", diags)
			}
			if found.Line < tt.line {
				t.Errorf("reported at line %d, want a line from %d on (an alias)", found.Line, tt.line)
			}
			if items != 0 {
				t.Errorf("%d items loaded, want none", items)
			}
		})
	}
}

// loadAny loads src as the file it is named after, returning its problems
// and the number of items it loaded.
func loadAny(file, src string) (diag.List, int) {
	switch file {
	case "settings.yml":
		_, diags := ParseSettings(file, []byte(src))
		return diags, 0
	case "guide.yml":
		_, diags, _ := LoadGuide(fstest.MapFS{file: {Data: []byte(src)}}, file)
		return diags, 0
	}
	l, diags := Parse(file, []byte(src))
	return diags, len(l.Items)
}

// TestAliasesWithinBudget checks that aliases used the way real files use
// them (a value repeated a few times) still load.
func TestAliasesWithinBudget(t *testing.T) {
	src := header + "          - item:\n            name: A\n            homepage_url: &h https://a.example\n            logo: a.svg\n            extra: &x {slack_url: 'https://a.slack.com'}\n"
	for i := range 50 {
		src += fmt.Sprintf("          - {item: , name: B%d, homepage_url: *h, logo: a.svg, extra: *x}\n", i)
	}
	l, diags := Parse("landscape.yml", []byte(src))
	if len(diags) != 0 || len(l.Items) != 51 || l.Items[50].Extra.Links["slack_url"] != "https://a.slack.com" {
		t.Fatalf("got %d items, %v", len(l.Items), diags)
	}
}

// TestAliasInsideItsAnchor checks that an alias inside its own anchor, a
// value without end, is an error at the alias rather than a walk that never
// ends (or a stack that overflows).
func TestAliasInsideItsAnchor(t *testing.T) {
	for _, tt := range []struct{ file, src string }{
		{"settings.yml", "name: x\nrules: &r\n  min_stars: 1\n  one_box: *r\n"},
		{"guide.yml", "categories: &c\n  - category: C\n    subcategories: *c\n"},
		{"landscape.yml", "landscape: &l\n  - category:\n    name: C\n    subcategories: *l\n"},
	} {
		diags, _ := loadAny(tt.file, tt.src)
		if len(diags) != 1 || !strings.Contains(diags[0].Message, "inside its own anchor") || diags[0].Line == 0 {
			t.Errorf("%s: got %v, want one error about the alias", tt.file, diags)
		}
	}
}

// TestTextLimits checks that a value longer than its field may hold is an
// error at its line, and is cut to the limit.
func TestTextLimits(t *testing.T) {
	name := strings.Repeat("n", 300)
	desc := strings.Repeat("é", 5000) // 10,000 bytes, cut at a character
	l, diags := Parse("landscape.yml", []byte(header+item(name)+"            description: "+desc+"\n            repo_url: https://github.com/a/"+strings.Repeat("r", 3000)+"\n"))
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d %s", d.Line, d.Field))
	}
	if want := []string{"9 name", "12 description", "13 repo_url"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got problems at %v, want %v: %v", got, want, diags)
	}
	it := l.Items[0]
	if len(it.Name) != maxShortText || len(it.Description) > maxLongText || !strings.HasPrefix(desc, it.Description) || it.RepoURL != "" {
		t.Errorf("kept a name of %d bytes, a description of %d, repo %q", len(it.Name), len(it.Description), it.RepoURL[:min(20, len(it.RepoURL))])
	}
	for _, d := range diags {
		if len(d.String()) > 4*maxLinkText {
			t.Errorf("a problem of %d bytes: it should not repeat the whole value", len(d.String()))
		}
	}

	s, sd := ParseSettings("settings.yml", []byte("name: "+name+"\ndescription: "+strings.Repeat("d", 9000)+"\n"))
	if len(sd) != 2 || len(s.Name) != maxShortText || len(s.Description) != maxLongText {
		t.Errorf("settings: name of %d bytes, description of %d, %v", len(s.Name), len(s.Description), sd)
	}
	g, gd, _ := LoadGuide(fstest.MapFS{"guide.yml": {Data: []byte("categories:\n  - category: C\n    content: " + strings.Repeat("c", 70000) + "\n")}}, "guide.yml")
	if len(gd) != 1 || gd[0].Line != 3 || len(g.Categories[0].Content) != maxGuideText {
		t.Errorf("guide: content of %d bytes, %v", len(g.Categories[0].Content), gd)
	}
}

// TestControlCharacters checks that control and bidirectional formatting
// characters, which YAML lets in through escapes, are reported at their
// value and kept out of the model (and so of every output), while line
// breaks and tabs stay; a URL keeps its own check, which refuses it.
func TestControlCharacters(t *testing.T) {
	l, got := parseItems(t, `          - item:
            name: "Evil\u202Etxt.exe"
            homepage_url: https://a.example
            logo: a.svg
            description: "bell\x07 and\ttab\nnext line"
            extra:
              summary_use_case: "a\u2066b"
`)
	want := []string{
		`landscape.yml:9:19: error: name: holds the control or bidirectional character U+202E, which makes text show otherwise than it is written (remove it; the build drops it)`,
		`landscape.yml:12:26: error: item "Eviltxt.exe": description: holds the control or bidirectional character U+0007, which makes text show otherwise than it is written (remove it; the build drops it)`,
		`landscape.yml:14:33: error: item "Eviltxt.exe": extra.summary_use_case: holds the control or bidirectional character U+2066, which makes text show otherwise than it is written (remove it; the build drops it)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	it := l.Items[0]
	if it.Name != "Eviltxt.exe" || it.Description != "bell and\ttab\nnext line" || it.Extra.Text["summary_use_case"] != "ab" {
		t.Errorf("got %q, %q, %q: want the characters dropped, line breaks and tabs kept", it.Name, it.Description, it.Extra.Text["summary_use_case"])
	}
	s, diags := ParseSettings("settings.yml", []byte("name: \"L\\u202E\"\ndescription: \"a\\x1bb\"\n"))
	if s.Name != "L" || s.Description != "ab" || len(diags) != 2 {
		t.Errorf("settings: got %q, %q, %v", s.Name, s.Description, diags)
	}
}

// TestOneLineValues checks that a short value written over several lines
// (YAML keeps a line break for an empty line in a plain value, and "\n"
// and "\t" in a quoted one) is joined into one line with a warning, while
// a description keeps its lines.
func TestOneLineValues(t *testing.T) {
	l, got := parseItems(t, `          - item:
            name: Two

              Lines
            homepage_url: https://a.example
            logo: a.svg
            description: "one\n\ntwo"
`)
	want := []string{`landscape.yml:9:19: warning: name: spans several lines; it is one line (the build joins them with spaces)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if it := l.Items[0]; it.Name != "Two Lines" || it.Description != "one\n\ntwo" {
		t.Errorf("got %q, %q: want the name on one line and the description as written", it.Name, it.Description)
	}
	s, diags := ParseSettings("settings.yml", []byte("name: \"A\\n\\tB\"\ngroups: [{name: \"x\\ny\", categories: []}]\n"))
	if s.Name != "A B" || len(s.Groups) != 1 || s.Groups[0].Name != "x y" || len(diags) != 2 {
		t.Errorf("settings: got %q, %v, %v", s.Name, s.Groups, diags)
	}
}

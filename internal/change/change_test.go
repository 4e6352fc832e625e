package change

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// yml builds a landscape with two boxes from items written as
// "Name|key: value|key: value".
func yml(framework, tools []string) string {
	var b strings.Builder
	b.WriteString("landscape:\n  - category:\n    name: C\n    subcategories:\n")
	for _, box := range []struct {
		name  string
		items []string
	}{{"Framework", framework}, {"Tools", tools}} {
		fmt.Fprintf(&b, "      - subcategory:\n        name: %s\n        items:\n", box.name)
		if len(box.items) == 0 {
			b.WriteString("          []\n")
		}
		for _, it := range box.items {
			parts := strings.Split(it, "|")
			fields := []string{"homepage_url: https://" + strings.ToLower(parts[0]) + ".example", "logo: x.svg"}
			for _, p := range parts[1:] { // a key given replaces the default
				fields = slices.DeleteFunc(fields, func(f string) bool { k, _, _ := strings.Cut(p, ":"); return strings.HasPrefix(f, k+":") })
				fields = append(fields, p)
			}
			fmt.Fprintf(&b, "          - item:\n            name: %s\n", parts[0])
			for _, f := range fields {
				fmt.Fprintf(&b, "            %s\n", f)
			}
		}
	}
	return b.String()
}

func parse(t *testing.T, src string) *landscape.Landscape {
	t.Helper()
	l, diags := landscape.Parse("landscape.yml", []byte(src))
	if diags.HasErrors() {
		t.Fatalf("fixture does not load: %v\n%s", diags, src)
	}
	return l
}

func summarize(d *Diff) []string {
	var out []string
	for _, c := range d.Changes {
		s := c.Kind.String() + " "
		if c.Head != nil {
			s += c.Head.Name
		} else {
			s += c.Base.Name
		}
		if len(c.Fields) > 0 {
			s += " [" + strings.Join(c.Fields, ",") + "]"
		}
		out = append(out, s)
	}
	return out
}

func TestCompare(t *testing.T) {
	base := []string{"A|repo_url: https://github.com/o/a", "B|description: old", "P1|crunchbase: https://www.crunchbase.com/organization/p", "P2|crunchbase: https://www.crunchbase.com/organization/p"}
	tests := []struct {
		name            string
		framework, tool []string
		want            []string
	}{
		{"unchanged", base, []string{"T"}, nil},
		{"added", append(base, "N"), []string{"T"}, []string{"added N"}},
		{"removed", base[1:], []string{"T"}, []string{"removed A"}},
		{"changed", []string{"A|repo_url: https://github.com/o/a", "B|description: new", base[2], base[3]}, []string{"T"}, []string{"changed B [description]"}},
		{"reordered", []string{base[3], base[1], base[0], base[2]}, []string{"T"}, nil},
		{"moved", base[1:], []string{"T", base[0]}, []string{"moved A"}},
		{"moved and changed", base[1:], []string{"T", "A|repo_url: https://github.com/o/a|license: MIT"}, []string{"moved A [license]"}},
		{"repository spelled differently", []string{"A|repo_url: https://GitHub.com/o/A.git", base[1], base[2], base[3]}, []string{"T"}, []string{"changed A [repo_url]"}},
		{"renamed, same repository", []string{"A2|repo_url: https://github.com/o/a", base[1], base[2], base[3]}, []string{"T"}, []string{"changed A2 [name,homepage_url]"}},
		{"new repository, same name", []string{"A|repo_url: https://github.com/o/a2", base[1], base[2], base[3]}, []string{"T"}, []string{"changed A [repo_url]"}},
		{"one of two namesakes moved", []string{base[0], base[1], base[2]}, []string{"T", base[3]}, []string{"moved P2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(parse(t, yml(base, []string{"T"})), parse(t, yml(tt.framework, tt.tool)))
			if diff := cmp.Diff(tt.want, summarize(d)); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIdentity(t *testing.T) {
	tests := []struct {
		item landscape.Item
		want string
	}{
		{landscape.Item{Name: "A", RepoURL: "https://www.github.com/Owner/Repo.git/", HomepageURL: "https://a.example"}, "repo:github.com/owner/repo"},
		{landscape.Item{Name: "A", RepoURL: "https://gitlab.com/Owner/Repo", HomepageURL: "https://a.example"}, "repo:gitlab.com/owner/repo"},
		{landscape.Item{Name: "A", HomepageURL: "http://www.A.example/"}, "homepage:a.example"},
		{landscape.Item{Name: " A "}, "name:a"},
	}
	for _, tt := range tests {
		if got := Identity(&tt.item); got != tt.want {
			t.Errorf("Identity(%+v): got %q, want %q", tt.item, got, tt.want)
		}
	}
}

// TestItemAt checks which item a line belongs to: lines inside an item's
// lists do, the lines of its box and a key of the box after its items do not.
func TestItemAt(t *testing.T) {
	nested := parse(t, `landscape:
  - category:
    name: C
    subcategories:
      - subcategory:
        name: S
        items:
          - item:
            name: A
            homepage_url: https://a.example
            logo: a.svg
            additional_repos:
              - repo_url: https://github.com/o/b
              - repo_url: https://github.com/o/c
                branch: main
            extra:
              other_links:
                - name: Docs
                  url: https://a.example/docs
        note: after the items
`)
	tests := []struct {
		name  string
		l     *landscape.Landscape
		lines map[int]string
	}{
		// A spans lines 8-12; the Tools subcategory starts at 13; B at 16.
		{"flat", parse(t, yml([]string{"A|description: x"}, []string{"B"})),
			map[int]string{0: "", 7: "", 8: "A", 12: "A", 13: "", 16: "B", 19: "B", 20: ""}},
		{"nested", nested, map[int]string{14: "A", 15: "A", 19: "A", 20: "", 21: ""}},
	}
	for _, tt := range tests {
		for line, want := range tt.lines {
			got := ""
			if it := ItemAt(tt.l, line); it != nil {
				got = it.Name
			}
			if got != want {
				t.Errorf("%s: ItemAt(%d): got %q, want %q", tt.name, line, got, want)
			}
		}
	}
}

func TestSplit(t *testing.T) {
	base := parse(t, yml([]string{"A|repo_url: https://github.com/o/a", "B"}, []string{"C"}))
	// B moves above A and changes its logo; N is new.
	head := parse(t, yml([]string{"N", "B|license: MIT", "A|repo_url: https://github.com/o/a"}, []string{"C|logo: y.svg"}))
	at := func(l *landscape.Landscape, name, field string) (int, int) {
		for _, it := range l.Items {
			if it.Name == name {
				p := it.FieldPos(field)
				return p.Line, p.Col
			}
		}
		t.Fatalf("no item %q", name)
		return 0, 0
	}
	mk := func(l *landscape.Landscape, sev diag.Severity, name, field, rule, msg string) diag.Diagnostic {
		line, col := at(l, name, field)
		return diag.Diagnostic{File: "landscape.yml", Line: line, Col: col, Severity: sev, Item: name, Field: field, Rule: rule, Message: msg}
	}
	baseDiags := diag.List{
		mk(base, diag.Error, "A", "repo_url", "min-stars", "120 stars, fewer than 300"),
		mk(base, diag.Error, "B", "name", "", fmt.Sprintf("same name as the item at line %d", 3)),
	}
	headDiags := diag.List{
		mk(head, diag.Error, "A", "repo_url", "min-stars", "150 stars, fewer than 300"),                  // still failing: existed
		mk(head, diag.Error, "B", "name", "", fmt.Sprintf("same name as the item at line %d", 40)),       // same problem, other line: existed
		mk(head, diag.Error, "N", "repo_url", "min-stars", "10 stars, fewer than 300"),                   // new item: introduced
		mk(head, diag.Warning, "A", "logo", "", "the logo has text"),                                     // logo untouched: existed
		mk(head, diag.Warning, "C", "logo", "", "the logo has text"),                                     // logo changed: introduced
		{File: "settings.yml", Severity: diag.Error, Field: "rules", Message: "exception has no reason"}, // not landscape.yml: introduced
	}
	intro, existing := Compare(base, head).Split(headDiags, baseDiags, nil)
	var got []string
	for _, p := range intro {
		got = append(got, "introduced "+p.Severity.String()+" "+p.Item+" "+p.Field)
	}
	for _, p := range existing {
		got = append(got, "existing "+p.Severity.String()+" "+p.Item+" "+p.Field)
	}
	want := []string{"introduced error N repo_url", "introduced warning C logo", "introduced error  rules",
		"existing warning A repo_url", "existing warning B name", "existing warning A logo"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("split (-want +got):\n%s", diff)
	}
	_, existing = Compare(base, head).Split(headDiags[3:4], nil, map[string]bool{"x.svg": true})
	if len(existing) != 0 {
		t.Errorf("a problem of a logo file the change touched: got existing %v, want introduced", existing)
	}
}

// TestUnchanged checks which head problems count as on untouched items:
// only those of items matched with the base and not added, changed or moved.
func TestUnchanged(t *testing.T) {
	base := parse(t, yml([]string{"A", "B"}, []string{"M"}))
	head := parse(t, yml([]string{"N", "A", "B|description: new"}, []string{"X"}))
	head2 := parse(t, yml([]string{"N", "A", "B|description: new", "M"}, []string{"X"}))
	tests := []struct {
		head *landscape.Landscape
		item string
		file string
		want bool
	}{
		{head, "A", "landscape.yml", true},
		{head, "B", "landscape.yml", false},  // changed
		{head, "N", "landscape.yml", false},  // added
		{head2, "M", "landscape.yml", false}, // moved
		{head, "A", "settings.yml", false},   // another file
	}
	for _, tt := range tests {
		d := Compare(base, tt.head)
		var line int
		for _, it := range tt.head.Items {
			if it.Name == tt.item {
				line = it.FieldPos("logo").Line
			}
		}
		p := diag.Diagnostic{File: tt.file, Line: line, Field: "logo", Message: "m"}
		if got := d.Unchanged(p); got != tt.want {
			t.Errorf("%s in %s: got %v, want %v", tt.item, tt.file, got, tt.want)
		}
	}
}

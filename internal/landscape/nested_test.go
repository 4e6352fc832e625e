package landscape

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestNestedUnknownKeys checks that a key inside settings or the guide that
// nothing reads is warned about at the key, not dropped silently, while
// landscape2 keys accepted without effect are not.
func TestNestedUnknownKeys(t *testing.T) {
	_, diags := ParseSettings("settings.yml", []byte(`rules:
  min_star: 100
  one_box:
    exceptions:
      - {organization: A, reasn: x, reason: y}
featured_items:
  - field: maturity
    options: [{value: graduated, lable: G}]
    exclude: {groups: [Members]}
images: {favicon: f.png, open_grap: x}
osano: {anything: goes}
footer: {text: x, link: {}}
`))
	want := []string{
		`settings.yml:11:1: warning: landscape2 settings without effect here: osano (it loads a third-party script, which the site's policy (script-src 'self') forbids by design)`,
		`settings.yml:2:3: warning: rules.min_star: unknown key, ignored (did you mean "min_stars"?)`,
		`settings.yml:5:27: warning: rules.one_box.exceptions.reasn: unknown key, ignored (did you mean "reason"?)`,
		`settings.yml:8:34: warning: featured_items.options.lable: unknown key, ignored (did you mean "label"?)`,
		`settings.yml:10:26: warning: images.open_grap: unknown key, ignored (did you mean "open_graph"?)`,
		`settings.yml:12:19: warning: footer.link: unknown key, ignored (did you mean "links"?)`,
	}
	if diff := cmp.Diff(want, lines(diags)); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	g, gd, err := LoadGuide(fstest.MapFS{"guide.yml": {Data: []byte("categories:\n  - category: C\n    keywords: [a]\n    subcategories:\n      - {subcategory: S, content: x, keywords: [b], contnt: y}\ntitle: T\n")}}, "guide.yml")
	if err != nil {
		t.Fatal(err)
	}
	want = []string{
		`guide.yml:5:53: warning: categories.subcategories.contnt: unknown key, ignored (did you mean "content"?)`,
		`guide.yml:6:1: warning: title: unknown key, ignored`,
	}
	if diff := cmp.Diff(want, lines(gd)); diff != "" {
		t.Errorf("guide (-want +got):\n%s", diff)
	}
	if got := g.Categories[0].Subcategories[0].Keywords; len(got) != 1 {
		t.Errorf("keywords: got %q", got)
	}
}

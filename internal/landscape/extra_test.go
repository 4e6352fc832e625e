package landscape

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

const itemA = "          - name: A\n            homepage_url: https://a.io\n            logo: a.svg\n            extra:\n"

// TestExtraLandscape2Keys checks the extra keys landscape2 reads and the
// finos and lfenergy data use: none is unknown, each lands in the model.
func TestExtraLandscape2Keys(t *testing.T) {
	l, got := parseItems(t, itemA+
		"              annotations:\n                sponsor: Acme\n                stage: 2\n"+
		"              facebook_url: https://facebook.com/a\n"+
		"              pinterest_url: https://pinterest.com/a\n"+
		"              reddit_url: https://reddit.com/r/a\n"+
		"              summary_intro_url: https://youtu.be/a\n")
	if len(got) != 0 {
		t.Fatalf("problems: %q", got)
	}
	x := l.Items[0].Extra
	if diff := cmp.Diff(map[string]string{"sponsor": "Acme", "stage": "2"}, x.Annotations); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}
	want := map[string]string{"facebook_url": "https://facebook.com/a", "pinterest_url": "https://pinterest.com/a",
		"reddit_url": "https://reddit.com/r/a", "summary_intro_url": "https://youtu.be/a"}
	if diff := cmp.Diff(want, x.Links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
}

func TestExtraProblems(t *testing.T) {
	tests := []struct {
		name  string
		extra string
		want  []string
	}{
		{"prose in summary_intro_url: landscape2 takes it", "              summary_intro_url: \"Workflows: https://youtu.be/a, CD: https://youtu.be/b\"\n",
			[]string{`landscape.yml:12:34: warning: item "A": extra.summary_intro_url: "Workflows: https://youtu.be/a, CD: https://youtu.be/b" is not an http(s) URL (write an absolute https:// URL); not shown as a link`}},
		{"a link landscape2 checks", "              reddit_url: reddit/r/a\n",
			[]string{`landscape.yml:12:27: error: item "A": extra.reddit_url: "reddit/r/a" is not an http(s) URL (write an absolute https:// URL)`}},
		{"annotations as a list", "              annotations: [a, b]\n",
			[]string{`landscape.yml:12:28: error: item "A": extra.annotations: expected a mapping of names to text (annotations: {key: value}), found a list`}},
		{"annotation not text", "              annotations:\n                a: [1]\n",
			[]string{`landscape.yml:13:20: error: item "A": extra.annotations.a: expected text, found a list`}},
		{"unknown lfenergy key", "              topics: [grid]\n",
			[]string{`landscape.yml:12:15: warning: item "A": extra.topics: unknown key, not shown on the site`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parseItems(t, itemA+tt.extra)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

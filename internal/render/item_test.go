package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

func TestIcon(t *testing.T) {
	got := string(icon("chat"))
	if !strings.HasPrefix(got, `<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"`) || !strings.Contains(got, icons["chat"]) {
		t.Errorf("got %s", got)
	}
	if string(icon("no such")) != string(icon("link")) {
		t.Error("an unknown icon is not the link icon")
	}
}

func TestTimeline(t *testing.T) {
	got := timeline(map[string]string{"graduated": "2018-03-06", "accepted": "2016-03-10",
		"incubating": "2016-03-10", "annual_review_date": "2020-01-01"})
	want := []milestone{
		{Step: "Accepted", Date: "2016-03-10", Class: "m-accepted"},
		{Step: "Incubating", Date: "2016-03-10", Class: "m-incubating", Since: "the same day"},
		{Step: "Graduated", Date: "2018-03-06", Class: "m-graduated", Since: "23 months later"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("timeline mismatch (-want +got):\n%s", diff)
	}
	for _, tt := range []struct{ a, b, want string }{
		{"2020-01-15", "2023-01-14", "2 years later"}, {"2020-01-15", "2020-03-15", "2 months later"},
		{"2020-01-15", "bad", ""}, {"2021-01-01", "2020-01-01", ""},
	} {
		if got := since(tt.a, tt.b); got != tt.want {
			t.Errorf("since(%s, %s): got %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// The chart's numbers are the data's: one bar per week with a count, its
// title giving the count, the tallest bar the largest count.
func TestActivityChart(t *testing.T) {
	weeks := make([]int, 52)
	weeks[0], weeks[10], weeks[51] = 3, 12, 6
	c := newActivityChart("repo-0", weeks)
	if c.Total != 21 || c.Max != 12 || len(c.Bars) != 52 || c.Width != 312 {
		t.Fatalf("got total %d, max %d, %d bars, width %d", c.Total, c.Max, len(c.Bars), c.Width)
	}
	for i, b := range c.Bars {
		if want := plural(weeks[i], "commit", "commits"); !strings.HasSuffix(b.Label, ": "+want) {
			t.Errorf("week %d: label %q, want it to end with %q", i, b.Label, want)
		}
		if b.Y+b.H != activityTop || (weeks[i] == 0) != (b.H == 0) {
			t.Errorf("week %d: bar from %d, %d high, for %d commits", i, b.Y, b.H, weeks[i])
		}
	}
	if c.Bars[10].H != activityTop || c.Bars[51].Label != "this week: 6 commits" || c.Bars[0].Label != "51 weeks ago: 3 commits" {
		t.Errorf("got bars %+v, %+v, %+v", c.Bars[10], c.Bars[51], c.Bars[0])
	}
	if newActivityChart("x", nil) != nil {
		t.Error("a chart without weeks")
	}
}

func TestLanguageBar(t *testing.T) {
	b := newLanguageBar("r", map[string]int{"Go": 700, "Shell": 100, "C": 100, "Make": 50, "Perl": 30, "Awk": 15, "Tcl": 5})
	var names, pct []string
	x := 0
	for _, s := range b.Segments {
		names, pct = append(names, s.Name), append(pct, s.Percent)
		if s.X != x {
			t.Errorf("%s starts at %d, want %d", s.Name, s.X, x)
		}
		x += s.W
	}
	if x != languageBarWidth {
		t.Errorf("segments end at %d, want %d", x, languageBarWidth)
	}
	if diff := cmp.Diff([]string{"Go", "C", "Shell", "Make", "Perl", "Other"}, names); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"70.0%", "10.0%", "10.0%", "5.0%", "3.0%", "2.0%"}, pct); diff != "" {
		t.Errorf("percents (-want +got):\n%s", diff)
	}
	if got := percent(1, 100000); got != "<0.1%" {
		t.Errorf("got %q for a tiny share, want <0.1%%", got)
	}
	if newLanguageBar("r", map[string]int{"Go": 0}) != nil {
		t.Error("a bar without bytes")
	}
}

// TestChartGolden renders the item charts alone and compares their SVG
// with testdata/charts.
func TestChartGolden(t *testing.T) {
	r := newTestRenderer(t)
	weeks := make([]int, 52)
	for i := range weeks {
		weeks[i] = (i * 7) % 13
	}
	charts := map[string]struct {
		tmpl string
		data any
	}{
		"activity.html":  {"activity", newActivityChart("repo-0", weeks)},
		"languages.html": {"languages", newLanguageBar("repo-0", map[string]int{"Go": 800, "Shell": 150, "Python": 50})},
	}
	for name, c := range charts {
		var b bytes.Buffer
		if err := r.tmpl.ExecuteTemplate(&b, c.tmpl, c.data); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "charts", name)
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if diff := cmp.Diff(string(want), b.String()); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s", name, diff)
		}
	}
}

func TestExtraTexts(t *testing.T) {
	summary, lists, texts := extraTexts(map[string]string{
		"summary_use_case": " Run things ", "summary_personas": "SREs, Developers, sres",
		"summary_integrations": "A, B", "summary_integration": "C", "clomonitor_name": "x",
		"lfx_slug": "x", "tag": "runtime", "chat_channel": "#x", "made_up": "never shown",
	})
	want := struct {
		S []fact
		L []listFact
		T []fact
	}{
		[]fact{{"Use case", "Run things"}},
		[]listFact{{"Who uses it", []string{"SREs", "Developers"}}, {"Integrations", []string{"A", "B"}}},
		[]fact{{"Chat channel", "#x"}},
	}
	if diff := cmp.Diff(want, struct {
		S []fact
		L []listFact
		T []fact
	}{summary, lists, texts}); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestItemLinks(t *testing.T) {
	it := &site.Item{Twitter: "https://x.com/a", Crunchbase: "https://crunchbase.com/organization/a",
		Extra: landscape.Extra{Links: map[string]string{"youtube_url": "https://yt/a", "documentation_url": "https://docs/a",
			"blog_url": "javascript:alert(1)", "slack_url": "https://x.com/a"},
			OtherLinks: []landscape.Link{{Name: "Roadmap", URL: "https://roadmap/a"}}}}
	var got []string
	for _, l := range itemLinks(it) {
		got = append(got, l.Label+" "+l.Icon+" "+l.URL)
	}
	want := []string{"Documentation doc https://docs/a", "Slack chat https://x.com/a", "YouTube video https://yt/a",
		"Crunchbase profile org https://crunchbase.com/organization/a", "Roadmap link https://roadmap/a"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
}

func TestBadgeSVG(t *testing.T) {
	s := &landscape.Settings{Name: `Test <Landscape>`, Colors: map[string]string{"color1": "rgba(0, 107, 204, 1)"}}
	got := string(badgeSVG(s, &site.Item{Name: "A & B", Maturity: "graduated"}))
	for _, want := range []string{`fill="rgb(0,107,204)"`, `>Test &lt;Landscape&gt;</text>`, `>A &amp; B · graduated</text>`, `<title>`} {
		if !strings.Contains(got, want) {
			t.Errorf("badge lacks %q:\n%s", want, got)
		}
	}
	s.Colors["color1"] = "rgba(250, 250, 250, 1)" // white text would not read on it
	if got := string(badgeSVG(s, &site.Item{Name: "x"})); !strings.Contains(got, `fill="#0b5cad"`) {
		t.Errorf("got %s, want the default accent", got)
	}
}

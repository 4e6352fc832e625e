package change

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/serverless-landscape/landscape/internal/check"
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// gfm renders Markdown the way GitHub does: tables, autolinks, raw HTML.
func gfm(t testing.TB, md string) string {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

var hostile = []string{
	"a | b", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](https://evil.example)",
	"![x](https://evil.example/x.png)", "https://evil.example/path", "www.evil.example", "mail me@evil.example",
	"`code` **bold** _em_ ~~del~~", "line\nbreak\r\n# heading", "&lt;entity&gt; &amp;", "\\| escaped pipe",
	"<https://evil.example>", "javascript:alert(1)", "[ref]: https://evil.example", "| --- |",
}

// checkCell renders s in a one-row table and checks that it stays one
// cell of plain text that reads as s.
func checkCell(t *testing.T, s string) {
	md := "| a | b |\n|---|---|\n| " + Escape(s) + " | z |\n"
	html := gfm(t, md)
	for _, bad := range []string{"<a ", "<img", "<script", "<strong", "<em", "<code", "<del", "<h1"} {
		if strings.Contains(html, bad) {
			t.Errorf("Escape(%q) renders %s:\n%s", s, bad, html)
		}
	}
	if n := strings.Count(html, "<td"); n != 2 {
		t.Errorf("Escape(%q): got %d cells, want 2:\n%s", s, n, html)
	}
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, "")
	text = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "\u200b", "").Replace(text)
	want := strings.Join(strings.Fields(strings.NewReplacer("\r", " ", "\n", " ").Replace(s)), " ")
	if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
		t.Errorf("Escape(%q) does not read as the original:\n%s", s, text)
	}
}

func TestEscape(t *testing.T) {
	for _, s := range hostile {
		t.Run(s, func(t *testing.T) { checkCell(t, s) })
	}
}

// TestEscapeBidi checks that text cannot reorder what a reviewer reads:
// "Evil\u202eedoc" would show as "Evilcode".
func TestEscapeBidi(t *testing.T) {
	for _, r := range []rune{'\u202a', '\u202e', '\u2066', '\u2069', '\u200f', '\u061c'} {
		if got := Escape("Evil" + string(r) + "edoc"); got != "Evil"+"edoc" {
			t.Errorf("Escape with %U: got %q, want the control dropped", r, got)
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		md := "| a | b |\n|---|---|\n| " + Escape(s) + " | z |\n"
		html := gfm(t, md)
		for _, bad := range []string{"<a ", "<img", "<script"} {
			if strings.Contains(html, bad) {
				t.Fatalf("Escape(%q) renders %s:\n%s", s, bad, html)
			}
		}
		if n := strings.Count(html, "<td"); n != 2 {
			t.Fatalf("Escape(%q): got %d cells, want 2:\n%s", s, n, html)
		}
	})
}

func TestWriteMarkdown(t *testing.T) {
	base := parse(t, yml([]string{"A|repo_url: https://github.com/o/a"}, []string{"T"}))
	head := parse(t, yml([]string{"T"}, []string{"A|repo_url: https://github.com/o/a", "Evil|description: x|crunchbase: https://www.crunchbase.com/organization/evil|organization: {name: \"<b>Evil</b> | [x](https://evil.example)\"}"}))
	head.Items[0].Name = "T" // unchanged
	d := Compare(base, head)
	vs := check.Rules(check.RulesInput{Landscape: head, Settings: landscape.DefaultSettings(),
		Repos: map[string]*gh.Repo{"https://github.com/o/a": {Stars: 5000}}})
	verdicts := map[*landscape.Item][]check.Verdict{}
	for _, iv := range vs {
		verdicts[iv.Item] = iv.Verdicts
	}
	intro := diag.List{{File: "landscape.yml", Line: 22, Severity: diag.Error, Item: "Evil <script>", Field: "name", Message: "bad", Rule: "one-box"}}
	var out bytes.Buffer
	if err := WriteMarkdown(&out, Summary{Diff: d, BaseName: "origin/main", Verdicts: verdicts, Introduced: intro, Existing: make(diag.List, 3)}); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	zw := strings.NewReplacer(`\.`, "\\.\u200b", `\:`, "\\:\u200b").Replace
	for _, want := range []string{
		"❌ **Failed**: 1 error, 0 warnings introduced by this change against origin\\/main; 3 problems existed before (warnings).",
		"### Items: 1 added, 0 removed, 0 changed, 2 moved",
		zw(`| moved | **A** |  | C \/ Framework → C \/ Tools | o\/a | 5000 | ✅ pass: 5\,000 stars \(at least 300\) | n/a: an open\-source project\: not counted as a company\'s product |`),
		zw(`| added | **Evil** | &lt;b&gt;Evil&lt;\/b&gt; \[x\]\(https\:\/\/evil\.example\) | C \/ Tools |  | — | n/a: no GitHub repository | ✅ pass: the company\'s only box |`),
		"### Problems this change introduces\n\n```text\nlandscape.yml:22: error: item \"Evil <script>\": name: bad\n```\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q:\n%s", want, md)
		}
	}
	html := gfm(t, md)
	for _, bad := range []string{"<a ", "<b>", "<script"} {
		if strings.Contains(html, bad) {
			t.Errorf("summary renders %s:\n%s", bad, html)
		}
	}
}

// TestProblemsFence checks that no text closes the code block of problems.
func TestProblemsFence(t *testing.T) {
	l := diag.List{{File: "landscape.yml", Line: 3, Item: "x```\n<img src=x>\n````", Message: "m"}}
	var b strings.Builder
	writeProblems(&b, "P", l)
	html := gfm(t, b.String())
	if strings.Contains(html, "<img") || strings.Count(html, "<pre>") != 1 {
		t.Errorf("the problems escape their code block:\n%s\n%s", b.String(), html)
	}
}

func TestMarkdownBounded(t *testing.T) {
	var items []string
	for i := range MaxRows + 20 {
		items = append(items, fmt.Sprintf("Item%d", i))
	}
	d := Compare(parse(t, yml(nil, []string{"T"})), parse(t, yml(items, []string{"T"})))
	problems := make(diag.List, MaxRows+7)
	for i := range problems {
		problems[i] = diag.Diagnostic{File: "landscape.yml", Line: i + 1, Message: "m"}
	}
	var out bytes.Buffer
	if err := WriteMarkdown(&out, Summary{Diff: d, Introduced: problems}); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	if got := strings.Count(md, "| added |"); got != MaxRows {
		t.Errorf("rows: got %d, want %d", got, MaxRows)
	}
	for _, want := range []string{"… and 20 more, listed in the job log.", "… and 7 more, listed in the job log."} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
}

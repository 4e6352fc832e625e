package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/gh/ghtest"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

const checkSettings = `name: Test
rules:
  min_stars: 300
  one_box:
    exceptions:
      - organization: IBM
        crunchbase: https://www.crunchbase.com/organization/ibm
        reason: "IBM runs a platform and a security product"
`

// checkRepo is a git repository holding the serverless corpus as its base
// commit, with a fake GitHub that knows every repository of it.
type checkRepo struct {
	dir, data, summary string
	base               []byte
	github             *ghtest.Server
}

func newCheckRepo(t *testing.T) *checkRepo {
	t.Helper()
	corpus := filepath.Join("..", "..", "..", "shared", "corpora", "serverless")
	data, err := os.ReadFile(filepath.Join(corpus, "landscape.yml"))
	if err != nil {
		t.Skipf("serverless corpus not found at %s: skipping the end-to-end check tests", corpus)
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found")
	}
	r := &checkRepo{dir: t.TempDir(), base: data}
	r.data = filepath.Join(r.dir, "landscape.yml")
	r.summary = filepath.Join(t.TempDir(), "step-summary.md")
	write(t, r.data, string(data))
	write(t, filepath.Join(r.dir, "settings.yml"), checkSettings)
	logos, err := os.ReadDir(filepath.Join(corpus, "hosted_logos"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range logos {
		b, err := os.ReadFile(filepath.Join(corpus, "hosted_logos", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(r.dir, "hosted_logos", e.Name()), string(b))
	}
	r.git(t, "init", "-q")
	r.git(t, "add", ".")
	r.git(t, "commit", "-q", "-m", "base")

	srv := ghtest.NewServer(t)
	srv.Token = "fake-token"
	r.github = srv
	l, _ := landscape.Parse("landscape.yml", data)
	for _, it := range l.Items {
		for _, repo := range it.Repos() {
			if owner, name, ok := gh.ParseRepoURL(repo.URL); ok {
				srv.Add(ghtest.Repo{Owner: owner, Name: name, Stars: 1000})
			}
		}
	}
	srv.Update("motdotla/node-lambda", func(r *ghtest.Repo) { r.Stars = 50 }) // breaks the star rule before any change
	srv.Add(ghtest.Repo{Owner: "tiny", Name: "project", Stars: 120}, ghtest.Repo{Owner: "big", Name: "project", Stars: 5000})
	t.Setenv("GITHUB_API_URL", srv.APIURL())
	t.Setenv("GITHUB_GRAPHQL_URL", "")
	t.Setenv("GITHUB_TOKEN", "fake-token")
	t.Setenv("GITHUB_TOKENS", "")
	t.Setenv("GITHUB_STEP_SUMMARY", r.summary)
	return r
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (r *checkRepo) git(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com", "GIT_AUTHOR_DATE=2026-01-01T00:00:00Z",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// insert adds item (YAML lines without indentation) at the top of the
// subcategory box and returns the line its repo_url (or name) is on.
func insert(t *testing.T, src, box string, item ...string) (string, int) {
	t.Helper()
	marker := "        name: " + box + "\n        items:\n"
	i := strings.Index(src, marker)
	if i < 0 {
		t.Fatalf("no subcategory %q", box)
	}
	i += len(marker)
	text := "          - item:\n"
	for _, l := range item {
		text += "            " + l + "\n"
	}
	line := strings.Count(src[:i], "\n") + 2 // the line after "- item:"
	for j, l := range item {
		if strings.HasPrefix(l, "repo_url:") {
			line += j
		}
	}
	return src[:i] + text + src[i:], line
}

func (r *checkRepo) check(t *testing.T, head string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	write(t, r.data, head)
	_ = os.Remove(r.summary)
	// A cache of its own for each run, seeded with the processed logos
	// (seedLogoCache), unless args name one.
	cache := t.TempDir()
	for i, a := range args {
		if a == "--cache-dir" && i+1 < len(args) {
			cache = args[i+1]
		}
	}
	if cache != "" {
		seedLogoCache(t, cache)
	}
	var out, errOut bytes.Buffer
	args = append([]string{"check", "--data", r.data, "--settings", filepath.Join(r.dir, "settings.yml"),
		"--guide", "", "--logos", filepath.Join(r.dir, "hosted_logos"), "--cache-dir", cache}, args...)
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestCheckWithoutGitHub checks that stars that cannot be known never pass
// silently: "not checked", a warning, and an error with --strict.
func TestCheckWithoutGitHub(t *testing.T) {
	r := newCheckRepo(t)
	t.Setenv("GITHUB_TOKEN", "")
	big, line := insert(t, string(r.base), "Tools", "name: Big", "homepage_url: https://big.example", "logo: dashbird.svg", "repo_url: https://github.com/big/project")
	baseFile := filepath.Join(t.TempDir(), "base.yml")
	write(t, baseFile, string(r.base))
	for _, strict := range []bool{false, true} {
		args := []string{"--base-file", baseFile}
		want, sev := 0, "warning"
		if strict {
			args, want, sev = append(args, "--strict"), 1, "error"
		}
		code, stdout, stderr := r.check(t, big, args...)
		if code != want {
			t.Errorf("strict=%v: exit code: got %d, want %d\n%s%s", strict, code, want, stdout, stderr)
		}
		msg := "landscape.yml:" + strconv.Itoa(line) + ":23: " + sev + ": item \"Big\": repo_url: not checked: no GitHub data for 1 repository"
		if !strings.Contains(stdout, msg) {
			t.Errorf("strict=%v: stdout lacks %q:\n%s", strict, msg, stdout)
		}
		if s := r.stepSummary(t); !strings.Contains(s, "⚠️ not checked") {
			t.Errorf("strict=%v: summary lacks the unchecked rule:\n%s", strict, s)
		}
	}
}

func (r *checkRepo) stepSummary(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(r.summary)
	if err != nil {
		t.Fatalf("no step summary: %v", err)
	}
	return string(b)
}

// checkCase is a change and what check says of it.
type checkCase struct {
	name, head string
	args       []string
	code       int
	stdout     []string // substrings
	stderr     []string
	summary    []string
}

// checkCases are the changes the end-to-end tests make to the serverless
// corpus, for check itself and for the action that runs it.
func checkCases(t *testing.T, r *checkRepo) []checkCase {
	t.Helper()
	base := string(r.base)
	tiny, tinyLine := insert(t, base, "Tools", "name: Tiny", "homepage_url: https://tiny.example", "logo: dashbird.svg", "repo_url: https://github.com/tiny/project")
	big, _ := insert(t, base, "Tools", "name: Big", "homepage_url: https://big.example", "logo: dashbird.svg", "repo_url: https://github.com/big/project")
	dashbird, dashLine := insert(t, base, "Security", "name: Dashbird Guard", "homepage_url: https://dashbird.io/guard", "logo: dashbird.svg", "crunchbase: https://www.crunchbase.com/organization/dashbird")
	ibm, _ := insert(t, base, "Security", "name: IBM Guard", "homepage_url: https://ibm.example/guard", "logo: dashbird.svg", "crunchbase: https://www.crunchbase.com/organization/ibm")
	lumigo := "          - item:\n            name: Lumigo\n            homepage_url: https://lumigo.io/\n            logo: lumigo.svg\n            twitter: https://twitter.com/Lumigo\n            crunchbase: https://www.crunchbase.com/organization/lumigo\n"
	moved := strings.Replace(strings.Replace(base, lumigo, "", 1), "        name: Security\n        items:\n", "        name: Security\n        items:\n"+lumigo, 1)
	touched := strings.Replace(base, "homepage_url: https://github.com/motdotla/node-lambda\n", "homepage_url: https://github.com/motdotla/node-lambda\n            description: Run AWS Lambda functions locally\n", 1)
	if moved == base || touched == base {
		t.Fatal("the corpus changed: fix the fixtures")
	}

	tests := []checkCase{
		{"120-star project fails", tiny, nil, 1,
			[]string{"landscape.yml:" + strconv.Itoa(tinyLine) + ":23: error: item \"Tiny\": repo_url: 120 stars, fewer than the 300", "with a reason) [min-stars]\n"},
			[]string{"1 added, 0 removed, 0 changed, 0 moved; 1 error"},
			[]string{"| added | **Tiny** |", "❌ fail: 120 stars", "❌ **Failed**"}},
		{"5,000-star project passes", big, nil, 0, nil,
			[]string{"1 added, 0 removed, 0 changed, 0 moved; 0 errors"},
			[]string{"| added | **Big** |", "✅ pass: 5\\,000 stars", "✅ **Passed**"}},
		{"second box fails", dashbird, nil, 1,
			[]string{"landscape.yml:" + strconv.Itoa(dashLine+3) + ":25: error: item \"Dashbird Guard\": crunchbase: dashbird already has a product in \"Serverless / Tools\" (\"Dashbird\", line", "with a reason) [one-box]\n"},
			[]string{"1 added"}, []string{"❌ fail: dashbird already has a product in"}},
		{"second box of an exempted company passes", ibm, nil, 0, nil,
			[]string{"added \"IBM Guard\" in Serverless / Security", "    one-box: exempt: exception in settings for IBM: IBM runs a platform and a security product", "0 errors"},
			[]string{"➖ exempt: exception in settings for IBM\\:\u200b IBM runs a platform and a security product"}},
		{"moved item", moved, nil, 0, nil, []string{"0 added, 0 removed, 0 changed, 1 moved"},
			[]string{"| moved | **Lumigo** |", "Serverless \\/ Tools → Serverless \\/ Security"}},
		{"touched item that already broke a rule", touched, nil, 0, nil,
			[]string{"0 added, 0 removed, 1 changed, 0 moved; 0 errors, 0 warnings", "problems existed before (not shown: --show-existing)"},
			[]string{"| changed: description | **Node Lambda** |", "❌ fail: 50 stars"}},
	}
	return append(tests, []checkCase{
		{"annotations", tiny, []string{"--format", "github"}, 1,
			[]string{"::error file=" + r.data + ",line=" + strconv.Itoa(tinyLine) + ",col=23,title=min-stars::item \"Tiny\": repo_url: 120 stars"}, nil, nil},
		{"existing problems shown", touched, []string{"--show-existing"}, 0,
			[]string{": warning: item \"Node Lambda\": repo_url: 50 stars, fewer than the 300"}, nil,
			[]string{"### Problems that existed before"}},
		{"strict keeps existing problems warnings", touched, []string{"--strict"}, 0, nil, []string{"0 errors"}, nil},
	}...)
}

func TestCheckChanges(t *testing.T) {
	r := newCheckRepo(t)
	tests := checkCases(t, r)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := r.check(t, tt.head, append([]string{"--base", "HEAD"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit code: got %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			if tt.code == 0 && strings.Contains(stdout, ": error:") {
				t.Errorf("errors on a passing change:\n%s", stdout)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			summary := r.stepSummary(t)
			for _, want := range tt.summary {
				if !strings.Contains(summary, want) {
					t.Errorf("step summary lacks %q:\n%s", want, summary)
				}
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{"a\n::error::x": "a ::error::x", "a\r\nb\x1b[31m": "a  b [31m", "plain – text": "plain – text"} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q): got %q, want %q", in, got, want)
		}
	}
}

// TestCheckChangedLogo checks that a logo problem on an item the change left
// alone is still the change's when the change edits the logo file.
func TestCheckChangedLogo(t *testing.T) {
	r := newCheckRepo(t)
	logo := filepath.Join(r.dir, "hosted_logos", "lumigo.svg")
	orig, err := os.ReadFile(logo)
	if err != nil {
		t.Fatal(err)
	}
	write(t, logo, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text x="1" y="5">Lumigo</text></svg>`)
	_, stdout, stderr := r.check(t, string(r.base), "--base", "HEAD")
	want := `item "Lumigo": logo: contains text`
	if !strings.Contains(stdout, want) {
		t.Errorf("a problem of a changed logo file: stdout lacks %q\nstdout:\n%s\nstderr:\n%s", want, stdout, stderr)
	}
	write(t, logo, string(orig))
	_, stdout, _ = r.check(t, string(r.base), "--base", "HEAD")
	if strings.Contains(stdout, `"Lumigo"`) {
		t.Errorf("logo restored: got problems about it:\n%s", stdout)
	}
}

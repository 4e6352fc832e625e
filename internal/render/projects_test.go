package render

import (
	"strings"
	"testing"

	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/site"
)

func TestProjects(t *testing.T) {
	items := []*site.Item{
		{ID: "b", Name: "beta", Maturity: "sandbox", Extra: landscape.Extra{Dates: map[string]string{"accepted": "2021-01-01"},
			Audits: []landscape.Audit{{Date: "2022-01-01"}, {Date: "2023-01-01"}}}},
		{ID: "x", Name: "Not a project"},
		{ID: "a", Name: "=Alpha", Maturity: "graduated", HomepageURL: "https://a.example", Repos: []site.Repo{{URL: "https://github.com/o/a",
			GitHub: &site.RepoFacts{Stars: 5, Contributors: 2}}}},
	}
	rows := projects(items)
	if len(rows) != 2 || rows[0].Item.ID != "a" || rows[1].Audits != 2 || rows[0].Stars != 5 || rows[1].Accepted != "2021-01-01" {
		t.Fatalf("got %+v, want the two projects by name with their facts", rows)
	}
	b, err := projectsCSV(rows)
	if err != nil {
		t.Fatal(err)
	}
	want := "id,name,maturity,accepted,incubating,graduated,archived,first_commit,stars,contributors,latest_commit,audits,homepage_url,repo_url\n" +
		"a,'=Alpha,graduated,,,,,,5,2,,0,https://a.example,https://github.com/o/a\n" +
		"b,beta,sandbox,2021-01-01,,,,,0,0,,2,,\n"
	if string(b) != want {
		t.Errorf("got\n%s\nwant\n%s", b, want)
	}
	if hasProjects(items[1:2]) || !hasProjects(items) {
		t.Error("hasProjects is wrong")
	}
	if !strings.HasPrefix(want, strings.Join(projectsHeader, ",")) {
		t.Error("header mismatch")
	}
}

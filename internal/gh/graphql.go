package gh

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v50/github"
)

// repoFragment asks for every fact GraphQL can give in one round trip; the
// contributor count, the commit activity and the first commit need REST.
// repository() follows renames and transfers, answering with the new
// nameWithOwner. A repository has at most 20 topics. Its five connections
// cost 5 "requests" per repository in GitHub's formula, which charges a
// point per 100: a batch of 50 costs 3 points.
const repoFragment = `fragment repo on Repository {
  nameWithOwner stargazerCount forkCount description homepageUrl isArchived createdAt
  licenseInfo { spdxId }
  primaryLanguage { name }
  languages(first: 25, orderBy: {field: SIZE, direction: DESC}) { edges { size node { name } } }
  repositoryTopics(first: 20) { nodes { topic { name } } }
  latestRelease { tagName publishedAt createdAt }
  releases { totalCount }
  openIssues: issues(states: OPEN) { totalCount }
  openPullRequests: pullRequests(states: OPEN) { totalCount }
  owner { __typename login ... on Organization { name description location websiteUrl } ... on User { name bio location websiteUrl } }
  defaultBranchRef { target { ... on Commit { committedDate } } }
}`

// commitsField asks for the commit count of the default branch, which
// locates the first commit on the last page of the REST commit list. Only
// repositories whose first commit is not known yet ask for it: one more
// connection each.
const commitsField = " commits: defaultBranchRef { target { ... on Commit { history { totalCount } } } }"

// buildQuery asks for a batch of repositories under aliases r0, r1... The
// names travel as variables, never spliced into the query text. rateLimit
// reports what the query cost, for Stats.GraphQLPoints.
func buildQuery(jobs []*job) (string, map[string]any) {
	var params, body strings.Builder
	vars := map[string]any{}
	for i, j := range jobs {
		n := strconv.Itoa(i)
		fmt.Fprintf(&params, "$o%s: String!, $n%s: String!, ", n, n)
		vars["o"+n], vars["n"+n] = j.owner, j.name
		fmt.Fprintf(&body, "  r%s: repository(owner: $o%s, name: $n%s) { ...repo", n, n, n)
		history := ""
		if j.wantFirstCommit {
			history = " history { totalCount }"
		}
		if j.key.branch != "" {
			fmt.Fprintf(&params, "$b%s: String!, ", n)
			vars["b"+n] = "refs/heads/" + j.key.branch
			fmt.Fprintf(&body, " branch: ref(qualifiedName: $b%s) { target { ... on Commit { committedDate%s } } }", n, history)
		} else if j.wantFirstCommit {
			body.WriteString(commitsField)
		}
		body.WriteString(" }\n")
	}
	q := "query(" + strings.TrimSuffix(params.String(), ", ") + ") {\n" + body.String() + "  rateLimit { cost }\n}\n" + repoFragment
	return q, vars
}

// gqlResponse holds the answer's data undecoded: it mixes repositories
// (r0, r1...) with rateLimit.
type gqlResponse struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []gqlError                 `json:"errors"`
}

type gqlCount struct {
	TotalCount int `json:"totalCount"`
}

type gqlError struct {
	Type    string `json:"type"`
	Path    []any  `json:"path"`
	Message string `json:"message"`
}

type gqlRef struct {
	Target struct {
		CommittedDate time.Time `json:"committedDate"`
		History       *gqlCount `json:"history"`
	} `json:"target"`
}

type gqlOwner struct {
	Typename    string `json:"__typename"`
	Login       string `json:"login"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Bio         string `json:"bio"`
	Location    string `json:"location"`
	WebsiteURL  string `json:"websiteUrl"`
}

type gqlRepo struct {
	NameWithOwner  string    `json:"nameWithOwner"`
	StargazerCount int       `json:"stargazerCount"`
	ForkCount      int       `json:"forkCount"`
	Description    string    `json:"description"`
	HomepageURL    string    `json:"homepageUrl"`
	IsArchived     bool      `json:"isArchived"`
	CreatedAt      time.Time `json:"createdAt"`
	LicenseInfo    *struct {
		SpdxID string `json:"spdxId"`
	} `json:"licenseInfo"`
	PrimaryLanguage *struct {
		Name string `json:"name"`
	} `json:"primaryLanguage"`
	Languages struct {
		Edges []struct {
			Size int `json:"size"`
			Node struct {
				Name string `json:"name"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"languages"`
	RepositoryTopics struct {
		Nodes []struct {
			Topic struct {
				Name string `json:"name"`
			} `json:"topic"`
		} `json:"nodes"`
	} `json:"repositoryTopics"`
	LatestRelease *struct {
		TagName     string     `json:"tagName"`
		PublishedAt *time.Time `json:"publishedAt"`
		CreatedAt   time.Time  `json:"createdAt"`
	} `json:"latestRelease"`
	Releases         gqlCount  `json:"releases"`
	OpenIssues       gqlCount  `json:"openIssues"`
	OpenPullRequests gqlCount  `json:"openPullRequests"`
	Owner            *gqlOwner `json:"owner"`
	DefaultBranchRef *gqlRef   `json:"defaultBranchRef"`
	Branch           *gqlRef   `json:"branch"`
	Commits          *gqlRef   `json:"commits"`
}

// commitCount is the branch's commit count when the query asked for it.
func (g *gqlRepo) commitCount() (int, bool) {
	ref := g.Commits
	if g.Branch != nil {
		ref = g.Branch
	}
	if ref == nil || ref.Target.History == nil {
		return 0, false
	}
	return ref.Target.History.TotalCount, true
}

// queryBatchSplitting queries a batch. When it keeps failing the way a
// query too heavy for GitHub's time limit fails (502, a timeout, an answer
// without data), it splits the batch in halves and queries each once, and
// so on down to single repositories, so that one heavy repository costs
// its batch nothing. When both halves fail too, the trouble is not the
// size (GitHub is down, say) and the splitting stops.
func (f *fetcher) queryBatchSplitting(ctx context.Context, sem chan struct{}, batch []*job) {
	if err := f.queryBatchOnce(ctx, sem, f.o.MaxRetries, batch); err != nil {
		f.split(ctx, sem, batch, err)
	}
}

func (f *fetcher) split(ctx context.Context, sem chan struct{}, batch []*job, err error) {
	var exhausted exhaustedError
	if len(batch) < 2 || !errors.As(err, &exhausted) || ctx.Err() != nil {
		for _, j := range batch {
			j.err = err
		}
		return
	}
	halves := [][]*job{batch[:len(batch)/2], batch[len(batch)/2:]}
	errs := make([]error, 2)
	for i, h := range halves {
		errs[i] = f.queryBatchOnce(ctx, sem, 0, h)
	}
	if errs[0] != nil && errs[1] != nil {
		for _, j := range batch {
			j.err = errs[0]
		}
		return
	}
	for i, h := range halves {
		if errs[i] != nil {
			f.split(ctx, sem, h, errs[i])
		}
	}
}

func (f *fetcher) queryBatchOnce(ctx context.Context, sem chan struct{}, retries int, batch []*job) error {
	sem <- struct{}{}
	defer func() { <-sem }()
	return f.queryBatch(ctx, retries, batch)
}

// queryBatch fetches one batch and records each repository's outcome on its
// job: facts, not found, renamed, or an error.
func (f *fetcher) queryBatch(ctx context.Context, retries int, jobs []*job) error {
	q, vars := buildQuery(jobs)
	var out gqlResponse
	newReq := func(c *github.Client) (*http.Request, error) {
		out = gqlResponse{}
		return c.NewRequest("POST", f.o.GraphQLURL, map[string]any{"query": q, "variables": vars})
	}
	_, err := f.pool.doRetrying(ctx, retries, newReq, &out, func(resp *github.Response) error {
		return wholeQueryError(resp, &out)
	})
	if err != nil {
		return fmt.Errorf("graphql: %w", err)
	}
	var rl struct {
		Cost int `json:"cost"`
	}
	if raw := out.Data["rateLimit"]; raw != nil && json.Unmarshal(raw, &rl) == nil {
		f.points.Add(int64(rl.Cost))
	}
	errs := map[string]gqlError{}
	for _, e := range out.Errors {
		if len(e.Path) > 0 {
			if alias, ok := e.Path[0].(string); ok {
				errs[alias] = e
			}
		}
	}
	for i, j := range jobs {
		alias := "r" + strconv.Itoa(i)
		var r *gqlRepo
		if raw := out.Data[alias]; raw != nil {
			if err := json.Unmarshal(raw, &r); err != nil {
				j.err = fmt.Errorf("graphql: %w", err)
				continue
			}
		}
		e, hasErr := errs[alias]
		switch {
		case r != nil && !validNameWithOwner(r.NameWithOwner):
			j.err = fmt.Errorf("graphql: answer names the repository %q", r.NameWithOwner)
		case r != nil:
			j.gql = r
		case hasErr && e.Type == "NOT_FOUND":
			j.notFound = true
		case hasErr:
			j.err = fmt.Errorf("graphql: %s", e.Message)
		default:
			j.err = errors.New("graphql: no data in the answer")
		}
	}
	return nil
}

// validNameWithOwner checks GitHub's name for a repository before it makes
// a request path, a cache entry or a "moved to" report.
func validNameWithOwner(s string) bool {
	owner, name, ok := strings.Cut(s, "/")
	return ok && validOwner(owner) && validName(name)
}

// wholeQueryError turns a 200 answer without data into an error: a rate
// limit, or (often a timeout on GitHub's side) a failure worth retrying.
func wholeQueryError(resp *github.Response, out *gqlResponse) error {
	if out.Data != nil {
		return nil
	}
	msg := "no data"
	for _, e := range out.Errors {
		if e.Type == "RATE_LIMITED" {
			until := time.Time{}
			if s := resp.Header.Get("X-RateLimit-Reset"); s != "" {
				if n, err := strconv.ParseInt(s, 10, 64); err == nil {
					until = time.Unix(n, 0)
				}
			}
			return &rateLimitError{until: until, msg: e.Message}
		}
		msg = e.Message
	}
	return transientError{errors.New(msg)}
}

// toRepo converts GraphQL's answer into the facts the site keeps.
func (g *gqlRepo) toRepo() *Repo {
	owner, name, _ := strings.Cut(g.NameWithOwner, "/")
	r := &Repo{
		Owner: owner, Name: name,
		Stars: g.StargazerCount, Forks: g.ForkCount,
		Description: g.Description, Homepage: safeLink(g.HomepageURL),
		Archived: g.IsArchived, CreatedAt: g.CreatedAt,
	}
	if g.LicenseInfo != nil {
		r.License = g.LicenseInfo.SpdxID
	}
	if g.PrimaryLanguage != nil {
		r.Language = g.PrimaryLanguage.Name
	}
	for _, e := range g.Languages.Edges {
		if r.Languages == nil {
			r.Languages = map[string]int{}
		}
		r.Languages[e.Node.Name] = e.Size
	}
	for _, n := range g.RepositoryTopics.Nodes {
		r.Topics = append(r.Topics, n.Topic.Name)
	}
	if rel := g.LatestRelease; rel != nil {
		date := rel.CreatedAt
		if rel.PublishedAt != nil {
			date = *rel.PublishedAt
		}
		r.LatestRelease = &Release{Tag: rel.TagName, Date: date}
	}
	r.Releases, r.OpenIssues, r.OpenPRs = g.Releases.TotalCount, g.OpenIssues.TotalCount, g.OpenPullRequests.TotalCount
	if o := g.Owner; o != nil && validOwner(o.Login) {
		r.Profile = &Owner{Login: o.Login, Organization: o.Typename == "Organization", Name: o.Name,
			Description: cmp.Or(o.Description, o.Bio), Location: o.Location, Website: safeLink(o.WebsiteURL)}
	}
	if ref := g.Branch; ref != nil {
		r.LatestCommit = ref.Target.CommittedDate
	} else if ref := g.DefaultBranchRef; ref != nil {
		r.LatestCommit = ref.Target.CommittedDate
	}
	return r
}

// safeLink keeps a homepage a site can link to: an http(s) URL, or a bare
// host name as GitHub lets owners write it. Anything else, such as
// javascript:, is dropped: the value is the repository owner's, untrusted.
func safeLink(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return s
}

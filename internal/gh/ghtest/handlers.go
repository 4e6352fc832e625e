package ghtest

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// statusWriter remembers the status of the answer, for Server.Counted.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (s *Server) serve(rw http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w := &statusWriter{ResponseWriter: rw}
	defer func() {
		s.mu.Lock()
		s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path,
			Query: r.URL.Query(), Header: r.Header.Clone(), Body: string(body), Status: w.status})
		s.mu.Unlock()
	}()

	if f := s.take(r.URL.Path); f != nil {
		f.serve(w, r)
		return
	}
	if s.Token != "" && r.Header.Get("Authorization") != "Bearer "+s.Token {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Bad credentials"})
		return
	}
	w.Header().Set("X-RateLimit-Limit", "5000")
	w.Header().Set("X-RateLimit-Remaining", "4000")
	w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/graphql":
		s.graphql(w, body)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/repos/") && strings.HasSuffix(r.URL.Path, "/contributors"):
		s.contributors(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/repos/") && strings.HasSuffix(r.URL.Path, "/stats/participation"):
		s.participation(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/repos/") && strings.HasSuffix(r.URL.Path, "/commits"):
		s.commits(w, r)
	default:
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
	}
}

// contributors answers /repos/o/r/contributors?per_page=1&anon=true the way
// GitHub does: one contributor per page, the count in the Link header's
// last page, an ETag, and 304 for a matching If-None-Match.
func (s *Server) contributors(w http.ResponseWriter, r *http.Request) {
	repo, _, ok := s.repoAt(w, r, "/contributors")
	if !ok {
		return
	}
	switch {
	case r.URL.Query().Get("per_page") != "1":
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "the fake only serves per_page=1"})
		return
	case repo.TooManyContributors:
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "The history or contributor list is too large to list contributors for this repository via the API."})
		return
	case repo.Contributors == 0:
		w.WriteHeader(http.StatusNoContent)
		return
	}
	etag := fmt.Sprintf(`W/"%x"`, sha256.Sum256([]byte(fmt.Sprintf("%s/%s %d %s", repo.Owner, repo.Name, repo.Contributors, r.URL.Query().Get("anon")))))
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if repo.Contributors > 1 {
		u := "http://" + r.Host + r.URL.Path + "?anon=" + r.URL.Query().Get("anon") + "&per_page=1&page="
		w.Header().Set("Link", fmt.Sprintf(`<%s2>; rel="next", <%s%d>; rel="last"`, u, u, repo.Contributors))
	}
	writeJSON(w, http.StatusOK, []map[string]any{{"login": "someone", "contributions": 42, "type": "User"}})
}

var (
	aliasRE  = regexp.MustCompile(`(r\d+): repository\(owner: \$(o\d+), name: \$(n\d+)\)`)
	branchRE = regexp.MustCompile(`branch: ref\(qualifiedName: \$(b\d+)\)`)
)

// graphql answers a batch query: data for the repositories it knows, null
// and a NOT_FOUND error for the others, null and an error for those with
// GraphQLError set.
func (s *Server) graphql(w http.ResponseWriter, body []byte) {
	var req struct {
		Query     string            `json:"query"`
		Variables map[string]string `json:"variables"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.Query == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "Problems parsing JSON"})
		return
	}
	for _, line := range strings.Split(req.Query, "\n") {
		if m := aliasRE.FindStringSubmatch(line); m != nil {
			if repo, _ := s.lookup(req.Variables[m[2]] + "/" + req.Variables[m[3]]); repo != nil && repo.Heavy {
				writeJSON(w, http.StatusBadGateway, map[string]string{"message": "Server Error"})
				return
			}
		}
	}
	data := map[string]any{}
	var errs []map[string]any
	for _, line := range strings.Split(req.Query, "\n") {
		m := aliasRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		alias, owner, name := m[1], req.Variables[m[2]], req.Variables[m[3]]
		repo, _ := s.lookup(owner + "/" + name)
		switch {
		case repo == nil:
			data[alias] = nil
			errs = append(errs, map[string]any{"type": "NOT_FOUND", "path": []string{alias},
				"message": fmt.Sprintf("Could not resolve to a Repository with the name '%s/%s'.", owner, name)})
		case repo.GraphQLError != "":
			data[alias] = nil
			errs = append(errs, map[string]any{"type": "FORBIDDEN", "path": []string{alias}, "message": repo.GraphQLError})
		default:
			branch := ""
			if b := branchRE.FindStringSubmatch(line); b != nil {
				branch = strings.TrimPrefix(req.Variables[b[1]], "refs/heads/")
			}
			data[alias] = repoJSON(repo, branch, strings.Contains(line, "history"))
		}
	}
	cost := QueryCost(req.Query)
	s.mu.Lock()
	s.points += cost
	s.mu.Unlock()
	if strings.Contains(req.Query, "rateLimit") {
		data["rateLimit"] = map[string]any{"cost": cost, "remaining": 5000 - cost}
	}
	out := map[string]any{"data": data}
	if errs != nil {
		out["errors"] = errs
	}
	writeJSON(w, http.StatusOK, out)
}

func repoJSON(r *Repo, branch string, history bool) map[string]any {
	commit := func(t time.Time) map[string]any {
		return map[string]any{"target": map[string]any{"committedDate": t, "history": map[string]any{"totalCount": r.Commits}}}
	}
	var langs []map[string]any
	for name, size := range r.Languages {
		langs = append(langs, map[string]any{"size": size, "node": map[string]any{"name": name}})
	}
	var topics []map[string]any
	for _, t := range r.Topics {
		topics = append(topics, map[string]any{"topic": map[string]any{"name": t}})
	}
	m := map[string]any{
		"nameWithOwner": r.Owner + "/" + r.Name, "stargazerCount": r.Stars, "forkCount": r.Forks,
		"description": nullIfEmpty(r.Description), "homepageUrl": nullIfEmpty(r.Homepage),
		"isArchived": r.Archived, "createdAt": r.CreatedAt,
		"licenseInfo": nil, "primaryLanguage": nil, "latestRelease": nil,
		"languages":        map[string]any{"edges": langs},
		"repositoryTopics": map[string]any{"nodes": topics},
		"defaultBranchRef": commit(r.LatestCommit),
		"releases":         map[string]any{"totalCount": r.Releases},
		"openIssues":       map[string]any{"totalCount": r.OpenIssues},
		"openPullRequests": map[string]any{"totalCount": r.OpenPRs},
		"owner":            ownerJSON(r),
	}
	if history {
		m["commits"] = commit(r.LatestCommit)
	}
	if r.License != "" {
		m["licenseInfo"] = map[string]any{"spdxId": r.License}
	}
	if r.Language != "" {
		m["primaryLanguage"] = map[string]any{"name": r.Language}
	}
	if r.Release != nil {
		m["latestRelease"] = map[string]any{"tagName": r.Release.Tag, "publishedAt": r.Release.Date, "createdAt": r.Release.Date}
	}
	if branch != "" {
		m["branch"] = nil
		if t, ok := r.Branches[branch]; ok {
			m["branch"] = commit(t)
		}
	}
	return m
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// repoAt finds the repository of a /repos/OWNER/NAME+suffix request. For an
// unknown one it answers 404, for a renamed one GitHub's redirect to the new
// name, and returns ok false.
func (s *Server) repoAt(w http.ResponseWriter, r *http.Request, suffix string) (repo *Repo, fullName string, ok bool) {
	fullName = strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/repos/"), suffix)
	repo, renamed := s.lookup(fullName)
	switch {
	case repo == nil:
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
		return nil, "", false
	case renamed:
		to := "/repos/" + repo.Owner + "/" + repo.Name + suffix
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return nil, "", false
	}
	return repo, fullName, true
}

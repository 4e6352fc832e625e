package ghtest

import (
	"crypto/sha256"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// connectionRE finds the connection fields of the queries gh builds (and of
// the history-window variant its tests measure): each asks GitHub for at
// least one page of nodes.
var connectionRE = regexp.MustCompile(`\b(languages|repositoryTopics|issues|pullRequests|releases|history)\s*[({]`)

// QueryCost is the rate limit cost GitHub's documented formula gives a
// query of aliased repositories: one request per connection per
// repository (none of them nested in another), summed, divided by 100 and
// rounded, at least 1. Connections in the fragment count once per alias.
func QueryCost(query string) int {
	body, fragment, _ := strings.Cut(query, "fragment ")
	perRepo := len(connectionRE.FindAllString(fragment, -1))
	n := 0
	for _, line := range strings.Split(body, "\n") {
		if aliasRE.MatchString(line) {
			n += perRepo + len(connectionRE.FindAllString(line, -1))
		}
	}
	return max(1, int(math.Round(float64(n)/100)))
}

func ownerJSON(r *Repo) map[string]any {
	o := r.Profile
	typ := o.Type
	if typ == "" {
		typ = "User"
	}
	m := map[string]any{"__typename": typ, "login": r.Owner, "name": nullIfEmpty(o.Name),
		"location": nullIfEmpty(o.Location), "websiteUrl": nullIfEmpty(o.Website)}
	if typ == "Organization" {
		m["description"] = nullIfEmpty(o.Description)
	} else {
		m["bio"] = nullIfEmpty(o.Description)
	}
	return m
}

// participation answers /repos/o/r/stats/participation: 202 while
// StatsPending lasts, then the weekly counts with an ETag, and 304 for a
// matching If-None-Match.
func (s *Server) participation(w http.ResponseWriter, r *http.Request) {
	repo, fullName, ok := s.repoAt(w, r, "/stats/participation")
	if !ok {
		return
	}
	switch {
	case repo.StatsPending > 0:
		s.Update(fullName, func(r *Repo) { r.StatsPending-- })
		writeJSON(w, http.StatusAccepted, map[string]any{})
		return
	}
	all := make([]int, 52)
	copy(all[52-min(52, len(repo.Weekly)):], repo.Weekly[max(0, len(repo.Weekly)-52):])
	etag := fmt.Sprintf(`W/"%x"`, sha256.Sum256([]byte(fmt.Sprint(all))))
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"all": all, "owner": make([]int, 52)})
}

// commits answers /repos/o/r/commits?per_page=1&page=N: the oldest commit
// (FirstCommit) on the last page, N = Commits, and a recent one elsewhere;
// 409 for an empty repository, as GitHub does.
func (s *Server) commits(w http.ResponseWriter, r *http.Request) {
	repo, _, ok := s.repoAt(w, r, "/commits")
	if !ok {
		return
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	switch {
	case r.URL.Query().Get("per_page") != "1":
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "the fake only serves per_page=1"})
		return
	case repo.Commits == 0:
		writeJSON(w, http.StatusConflict, map[string]string{"message": "Git Repository is empty."})
		return
	case page > repo.Commits:
		writeJSON(w, http.StatusOK, []any{})
		return
	}
	date := repo.LatestCommit
	if page == repo.Commits {
		date = repo.FirstCommit
	}
	person := map[string]any{"name": "someone", "date": date.Format(time.RFC3339)}
	writeJSON(w, http.StatusOK, []map[string]any{{"sha": fmt.Sprintf("%040d", page),
		"commit": map[string]any{"author": person, "committer": person}}})
}

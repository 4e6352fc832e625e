// Package ghtest is a fake GitHub for tests: an httptest server that answers
// the GraphQL and REST requests package gh sends, from repositories a test
// registers, counts and records every request, and can be told to fail the
// way GitHub does (rate limits, 5xx, hangs, malformed JSON, renamed and
// deleted repositories, partial GraphQL errors).
//
// The GraphQL side understands the queries gh builds: aliases
// rN: repository(owner: $oN, name: $nN), each optionally with
// branch: ref(qualifiedName: $bN); it answers with every field gh reads.
package ghtest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// Repo is a repository the fake knows.
type Repo struct {
	Owner, Name                              string
	Stars, Forks                             int
	Description, Homepage, License, Language string
	Languages                                map[string]int
	CreatedAt                                time.Time
	// LatestCommit is the default branch's latest commit; Branches holds
	// other branches' latest commits.
	LatestCommit time.Time
	Branches     map[string]time.Time
	Release      *Release
	Contributors int
	Archived     bool
	Topics       []string
	// TooManyContributors makes the contributors endpoint refuse to count,
	// as GitHub does for the largest repositories.
	TooManyContributors bool
	// GraphQLError makes GraphQL answer null for this repository with this
	// message, while the rest of its batch succeeds.
	GraphQLError string

	OpenIssues, OpenPRs, Releases int
	Profile                       Owner // the owner's profile
	// Commits is the default branch's commit count; FirstCommit is the
	// date of its oldest commit, served as the last page of the commit list.
	Commits     int
	FirstCommit time.Time
	// Weekly holds the default branch's commits per week, oldest first, as
	// stats/participation gives them (52 weeks; missing weeks are zero).
	Weekly []int
	// StatsPending is the number of 202 answers stats/participation gives,
	// while GitHub "computes" the figures, before it answers 200.
	StatsPending int
	// Heavy makes any GraphQL query naming this repository answer 502, as
	// GitHub does when a query runs out of time.
	Heavy bool
}

// Owner is a repository owner's profile. Type is "Organization" or "User"
// (the default).
type Owner struct {
	Type, Name, Description, Location, Website string
}

// Release is a repository's latest release.
type Release struct {
	Tag  string
	Date time.Time
}

// Request is a request the fake received.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   string
	Status int // the status of the answer
}

// Server is the fake. Its zero value is not usable; call NewServer.
type Server struct {
	*httptest.Server
	// Token, when set, is the only accepted "Authorization: Bearer" token.
	Token string

	mu       sync.Mutex
	repos    map[string]*Repo  // by lower-case owner/name
	renamed  map[string]string // old lower-case owner/name -> new owner/name
	faults   []*Fault
	requests []Request
	points   int // GraphQL points charged, by GitHub's published formula
}

// NewServer starts a fake that is closed when the test ends.
func NewServer(t testing.TB) *Server {
	s := &Server{repos: map[string]*Repo{}, renamed: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// APIURL is the REST base to put in gh.Options.APIURL; the GraphQL
// endpoint is APIURL + "graphql".
func (s *Server) APIURL() string { return s.URL + "/" }

// Add registers repositories, replacing any of the same name.
func (s *Server) Add(repos ...Repo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range repos {
		s.repos[key(r.Owner+"/"+r.Name)] = &r
	}
}

// Update changes a registered repository, say its star count.
func (s *Server) Update(fullName string, change func(*Repo)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.repos[key(fullName)]; r != nil {
		change(r)
	}
}

// Rename moves a repository to a new owner/name; the old name redirects.
func (s *Server) Rename(from, to string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[key(from)]
	if r == nil {
		return
	}
	delete(s.repos, key(from))
	r.Owner, r.Name, _ = strings.Cut(to, "/")
	s.repos[key(to)] = r
	s.renamed[key(from)] = to
}

// Delete removes a repository: it is then not found.
func (s *Server) Delete(fullName string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.repos, key(fullName))
}

// Inject queues a fault; faults apply in the order injected.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.Times == 0 {
		f.Times = 1
	}
	s.faults = append(s.faults, &f)
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count is the number of requests received so far.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// ResetRequests forgets the requests received so far and the GraphQL
// points charged.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests, s.points = nil, 0
}

// Counted is the number of requests GitHub would charge to the REST rate
// limit: every request but those answered 304 Not Modified. (GraphQL
// requests are charged in points instead; they are counted here too, as
// one each, which overstates the cost.)
func (s *Server) Counted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if r.Status != http.StatusNotModified {
			n++
		}
	}
	return n
}

// Points is the GraphQL rate limit points charged so far.
func (s *Server) Points() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.points
}

// lookup finds a repository by its current or former name.
func (s *Server) lookup(fullName string) (r *Repo, renamedFrom bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.repos[key(fullName)]; r != nil {
		c := *r
		return &c, false
	}
	if to, ok := s.renamed[key(fullName)]; ok {
		if r := s.repos[key(to)]; r != nil {
			c := *r
			return &c, true
		}
	}
	return nil, false
}

func key(fullName string) string { return strings.ToLower(fullName) }

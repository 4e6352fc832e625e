package ghtest

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func get(t *testing.T, s *Server, path string, header http.Header) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("GET", s.URL+path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

func TestContributors(t *testing.T) {
	s := NewServer(t)
	s.Add(Repo{Owner: "o", Name: "r", Contributors: 7}, Repo{Owner: "o", Name: "empty"},
		Repo{Owner: "o", Name: "huge", Contributors: 9, TooManyContributors: true})
	s.Rename("o/r", "p/r2")
	q := "/contributors?per_page=1&anon=true"
	tests := []struct {
		path       string
		header     http.Header
		wantStatus int
		wantLink   string
	}{
		{"/repos/p/r2" + q, nil, 200, `page=7>; rel="last"`},
		{"/repos/o/r" + q, nil, 200, `page=7>; rel="last"`}, // after the redirect
		{"/repos/o/empty" + q, nil, 204, ""},
		{"/repos/o/huge" + q, nil, 403, ""},
		{"/repos/o/missing" + q, nil, 404, ""},
		{"/repos/p/r2/contributors?per_page=30", nil, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp := get(t, s, tt.path, tt.header)
			if resp.StatusCode != tt.wantStatus || !strings.Contains(resp.Header.Get("Link"), tt.wantLink) {
				t.Errorf("got %d, Link %q; want %d, Link with %q", resp.StatusCode, resp.Header.Get("Link"), tt.wantStatus, tt.wantLink)
			}
		})
	}

	etag := get(t, s, "/repos/p/r2"+q, nil).Header.Get("ETag")
	if got := get(t, s, "/repos/p/r2"+q, http.Header{"If-None-Match": {etag}}).StatusCode; got != 304 {
		t.Errorf("matching If-None-Match: got %d, want 304", got)
	}
	s.Update("p/r2", func(r *Repo) { r.Contributors++ })
	if got := get(t, s, "/repos/p/r2"+q, http.Header{"If-None-Match": {etag}}).StatusCode; got != 200 {
		t.Errorf("stale If-None-Match: got %d, want 200", got)
	}
}

func TestFaults(t *testing.T) {
	s := NewServer(t)
	s.Add(Repo{Owner: "o", Name: "r", Contributors: 2})
	s.Inject(with(ServerError(), "contributors", 2))
	s.Inject(with(PrimaryRateLimit(429, time.Unix(1e9, 0)), "", 1))
	path := "/repos/o/r/contributors?per_page=1&anon=true"
	var got []int
	for range 4 {
		got = append(got, get(t, s, path, nil).StatusCode)
	}
	want := []int{502, 502, 429, 200}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got statuses %v, want %v", got, want)
		}
	}
	if s.Count() != 4 {
		t.Errorf("got count %d, want 4", s.Count())
	}
}

func TestToken(t *testing.T) {
	s := NewServer(t)
	s.Token = "secret"
	s.Add(Repo{Owner: "o", Name: "r", Contributors: 2})
	path := "/repos/o/r/contributors?per_page=1&anon=true"
	if got := get(t, s, path, nil).StatusCode; got != 401 {
		t.Errorf("without token: got %d, want 401", got)
	}
	if got := get(t, s, path, http.Header{"Authorization": {"Bearer secret"}}).StatusCode; got != 200 {
		t.Errorf("with token: got %d, want 200", got)
	}
}

func with(f Fault, path string, times int) Fault {
	f.Path, f.Times = path, times
	return f
}

package ghtest

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault spoils the answers to matching requests.
type Fault struct {
	// Path is matched as a substring of the request path: "graphql",
	// "contributors", "kubernetes/kubernetes", or "" for any request.
	Path string
	// Times is the number of requests spoiled: 0 means 1, -1 means all.
	Times int
	// Status, Header and Body make up the answer.
	Status int
	Header http.Header
	Body   string
	// Delay holds the answer back, or until the client gives up.
	Delay time.Duration
	// EchoAuthorization replaces $AUTH in Body with the request's
	// Authorization header, as a careless proxy might, to test that tokens
	// never leak.
	EchoAuthorization bool
}

// PrimaryRateLimit is GitHub's answer once a token's hourly budget is
// spent; status is 403 or 429.
func PrimaryRateLimit(status int, reset time.Time) Fault {
	h := http.Header{}
	h.Set("X-RateLimit-Limit", "5000")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
	return Fault{Status: status, Header: h,
		Body: `{"message":"API rate limit exceeded","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}`}
}

// SecondaryRateLimit is GitHub's answer to too many requests at once.
func SecondaryRateLimit(retryAfter time.Duration) Fault {
	h := http.Header{}
	h.Set("Retry-After", strconv.Itoa(int(retryAfter/time.Second)))
	return Fault{Status: http.StatusForbidden, Header: h,
		Body: `{"message":"You have exceeded a secondary rate limit.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#secondary-rate-limits"}`}
}

// GraphQLRateLimited is GraphQL's way of saying the budget is spent: a 200
// answer with a RATE_LIMITED error and no data.
func GraphQLRateLimited(reset time.Time) Fault {
	f := PrimaryRateLimit(http.StatusOK, reset)
	f.Path = "graphql"
	f.Body = `{"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded for user ID 1."}]}`
	return f
}

// ServerError is a 502, as GitHub answers when a query takes too long.
func ServerError() Fault {
	return Fault{Status: http.StatusBadGateway, Body: `{"message":"Server Error"}`}
}

// Hang holds the answer back for d, long enough for a client timeout.
func Hang(d time.Duration) Fault {
	return Fault{Status: http.StatusOK, Body: `{}`, Delay: d}
}

// MalformedJSON answers 200 with a body that is not JSON.
func MalformedJSON() Fault {
	return Fault{Status: http.StatusOK, Body: `{"data": {"r0": {"nameWithOwner": `}
}

// take returns the first fault matching path, using it up.
func (s *Server) take(path string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if !strings.Contains(path, f.Path) {
			continue
		}
		if f.Times > 0 {
			f.Times--
			if f.Times == 0 {
				s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			}
		}
		return f
	}
	return nil
}

func (f *Fault) serve(w http.ResponseWriter, r *http.Request) {
	if f.Delay > 0 {
		select {
		case <-time.After(f.Delay):
		case <-r.Context().Done():
			return
		}
	}
	for k, v := range f.Header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(f.Status)
	body := f.Body
	if f.EchoAuthorization {
		body = strings.ReplaceAll(body, "$AUTH", r.Header.Get("Authorization"))
	}
	w.Write([]byte(body))
}

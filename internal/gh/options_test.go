package gh

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOptionsFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want Options
	}{
		{"nothing", nil, Options{}},
		{"one token", map[string]string{"GITHUB_TOKEN": " t1 "}, Options{Tokens: []string{"t1"}}},
		{"several tokens", map[string]string{"GITHUB_TOKENS": "t1, t2,,t3", "GITHUB_TOKEN": "t2"},
			Options{Tokens: []string{"t1", "t2", "t3"}}},
		{"enterprise", map[string]string{"GITHUB_API_URL": "https://ghe.example/api/v3", "GITHUB_GRAPHQL_URL": "https://ghe.example/api/graphql"},
			Options{APIURL: "https://ghe.example/api/v3", GraphQLURL: "https://ghe.example/api/graphql"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := OptionsFromEnv(func(k string) string { return tt.env[k] })
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(Options{})); diff != "" {
				t.Errorf("OptionsFromEnv mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOptionsURLs(t *testing.T) {
	tests := []struct {
		api, graphql         string
		wantAPI, wantGraphQL string
		wantErr              bool
	}{
		{"", "", "https://api.github.com/", "https://api.github.com/graphql", false},
		{"https://api.github.com", "", "https://api.github.com/", "https://api.github.com/graphql", false},
		{"https://ghe.example/api/v3", "", "https://ghe.example/api/v3/", "https://ghe.example/api/graphql", false},
		{"http://127.0.0.1:8080/", "", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/graphql", false},
		{"https://ghe.example/api/v3/", "https://gql.example/graphql", "https://ghe.example/api/v3/", "https://gql.example/graphql", false},
		{"api.github.com", "", "", "", true},
		{"https://tok@api.github.com/", "", "", "", true},
		{"https://api.github.com/", "/graphql", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.api+" "+tt.graphql, func(t *testing.T) {
			o, err := Options{APIURL: tt.api, GraphQLURL: tt.graphql}.withDefaults()
			if (err != nil) != tt.wantErr {
				t.Fatalf("got error %v, want error %v", err, tt.wantErr)
			}
			if err == nil && (o.APIURL != tt.wantAPI || o.GraphQLURL != tt.wantGraphQL) {
				t.Errorf("got %q, %q; want %q, %q", o.APIURL, o.GraphQLURL, tt.wantAPI, tt.wantGraphQL)
			}
		})
	}
}

func TestOptionsHideTokens(t *testing.T) {
	o := Options{Tokens: []string{testToken}, APIURL: "https://api.github.com/"}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("fetch", "options", o)
	for _, got := range []string{fmt.Sprint(o), fmt.Sprintf("%+v", o), fmt.Sprintf("%#v", o), logs.String()} {
		if strings.Contains(got, testToken) || !strings.Contains(got, "1 tokens") {
			t.Errorf("got %q, want the token count without the token", got)
		}
	}
}

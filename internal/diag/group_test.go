package diag

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// topics is shaped like lfenergy's data: many items with the same unknown
// extra key, and other problems between them.
func topics(n int) List {
	var l List
	for i := range n {
		l.Warnf("landscape.yml", 10*(i+1), 15, fmt.Sprintf("I%d", i), "extra.topics", "unknown key, not shown on the site")
	}
	l.Errorf("landscape.yml", 25, 19, "B", "logo", "not found")
	l.Warnf("landscape.yml", 26, 15, "B", "extra.refs", "unknown key, not shown on the site")
	l.Sort()
	return l
}

func TestGrouped(t *testing.T) {
	tests := []struct {
		n    int
		want []string
	}{
		{3, []string{
			`landscape.yml:10:15: warning: item "I0": extra.topics: unknown key, not shown on the site`,
			`landscape.yml:20:15: warning: item "I1": extra.topics: unknown key, not shown on the site`,
			`landscape.yml:25:19: error: item "B": logo: not found`,
			`landscape.yml:26:15: warning: item "B": extra.refs: unknown key, not shown on the site`,
			`landscape.yml:30:15: warning: item "I2": extra.topics: unknown key, not shown on the site`,
		}},
		{697, []string{
			`landscape.yml:10:15: warning: extra.topics: unknown key, not shown on the site (697 times, at lines 10, 20, 30, 40, 50 and 692 more; --verbose lists each)`,
			`landscape.yml:25:19: error: item "B": logo: not found`,
			`landscape.yml:26:15: warning: item "B": extra.refs: unknown key, not shown on the site`,
		}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			var got []string
			for _, d := range topics(tt.n).Grouped() {
				got = append(got, d.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("grouped (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWriteGroups checks that text and github print a group as one line,
// while json and WriteAll (--verbose) keep every diagnostic.
func TestWriteGroups(t *testing.T) {
	l := topics(697)
	for _, tt := range []struct {
		format string
		all    bool
		lines  int
	}{{"text", false, 3}, {"github", false, 3}, {"text", true, 699}, {"github", true, 699}} {
		var b bytes.Buffer
		write := Write
		if tt.all {
			write = WriteAll
		}
		if err := write(&b, l, tt.format); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(b.String(), "\n"); got != tt.lines {
			t.Errorf("%s (all %v): got %d lines, want %d", tt.format, tt.all, got, tt.lines)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, l, "json"); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(l) {
		t.Errorf("json: got %d diagnostics, want all %d", len(got), len(l))
	}
}

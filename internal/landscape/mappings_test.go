package landscape

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// orgNames is a settings file whose organization_names has n keys, the
// first repeated when repeat.
func orgNames(n int, repeat bool) string {
	var b strings.Builder
	b.WriteString("name: L\norganization_names:\n")
	for i := range n {
		k := i
		if repeat {
			k = 0
		}
		fmt.Fprintf(&b, "  k%d: N%d\n", k, i)
	}
	b.WriteString("rules: {min_stars: 5}\n")
	return b.String()
}

// TestMappingKeys checks the two shapes that made yaml.v3's decoding of a
// mapping quadratic (it compares every key with every other and makes an
// error of each repeat): a mapping of too many keys is an error at the
// first key past the limit and is cut there; a repeated key is an error
// at the repeat, the first value is kept, and the rest of the file still
// decodes (a repeat at the top used to leave all settings at their
// defaults).
func TestMappingKeys(t *testing.T) {
	s, diags := ParseSettings("settings.yml", []byte(orgNames(maxMappingKeys+500, false)))
	want := []string{fmt.Sprintf("settings.yml:%d:3: error: organization_names: more than 2000 keys in one mapping (2500 here); the rest are ignored", maxMappingKeys+3)}
	if diff := cmp.Diff(want, lines(diags)); diff != "" {
		t.Errorf("too many keys (-want +got):\n%s", diff)
	}
	if len(s.OrganizationNames) != maxMappingKeys || s.Rules.MinStars != 5 {
		t.Errorf("got %d names and min_stars %d, want %d and 5", len(s.OrganizationNames), s.Rules.MinStars, maxMappingKeys)
	}

	s, diags = ParseSettings("settings.yml", []byte("name: A\nname: B\ncolors:\n  primary: '#fff'\n  primary: '#000'\nrules: {min_stars: 5}\n"))
	want = []string{
		`settings.yml:2:1: error: name: key "name" repeated (keep one; the first is used)`,
		`settings.yml:5:3: error: colors.primary: key "primary" repeated (keep one; the first is used)`,
	}
	if diff := cmp.Diff(want, lines(diags)); diff != "" {
		t.Errorf("repeated keys (-want +got):\n%s", diff)
	}
	if s.Name != "A" || s.Colors["primary"] != "#fff" || s.Rules.MinStars != 5 {
		t.Errorf("got name %q, primary %q, min_stars %d: want the first values and the rest decoded", s.Name, s.Colors["primary"], s.Rules.MinStars)
	}

	_, diags = ParseSettings("settings.yml", []byte(orgNames(5000, true)))
	if len(diags) != 4999 {
		t.Errorf("5,000 of one key: got %d problems, want one per repeat", len(diags))
	}
}

// TestDecodeErrorsPositioned checks that each of many values of the wrong
// type is reported at its own line and column, found through one index.
func TestDecodeErrorsPositioned(t *testing.T) {
	var b strings.Builder
	b.WriteString("rules:\n  star_exemptions:\n")
	for i := range 3 {
		fmt.Fprintf(&b, "    - item: [x%d]\n      reason:\n        a: b\n", i)
	}
	b.WriteString("  min_stars: twelve-thousand\n")
	_, diags := ParseSettings("settings.yml", []byte(b.String()))
	want := []string{
		// yaml.v3 names a line and a kind only: the list that holds
		// the exemptions starts on this line too, and the outermost wins.
		"settings.yml:3:5: error: rules.star_exemptions: expected text, found a list (see docs/settings.md)",
		"settings.yml:5:9: error: rules.star_exemptions.reason: expected text, found a mapping (see docs/settings.md)",
		"settings.yml:6:13: error: rules.star_exemptions.item: expected text, found a list (see docs/settings.md)",
		"settings.yml:8:9: error: rules.star_exemptions.reason: expected text, found a mapping (see docs/settings.md)",
		"settings.yml:9:13: error: rules.star_exemptions.item: expected text, found a list (see docs/settings.md)",
		"settings.yml:11:9: error: rules.star_exemptions.reason: expected text, found a mapping (see docs/settings.md)",
		"settings.yml:12:14: error: rules.min_stars: expected a number, found text (see docs/settings.md)",
	}
	diags.Sort()
	var got []string
	for _, l := range lines(diags) {
		if strings.Contains(l, ": expected") {
			got = append(got, l)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// BenchmarkSettingsKeys: the time per key stays flat with the keys of one
// mapping bounded (100,000 keys took more than ten minutes).
//
//	go test ./internal/landscape -run '^$' -bench SettingsKeys
func BenchmarkSettingsKeys(b *testing.B) {
	for _, n := range []int{2_000, 100_000} {
		for _, repeat := range []bool{false, true} {
			src := []byte(orgNames(n, repeat))
			b.Run(fmt.Sprintf("%d/repeat=%v", n, repeat), func(b *testing.B) {
				for b.Loop() {
					ParseSettings("settings.yml", src)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/key")
			})
		}
	}
}

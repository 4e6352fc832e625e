package poster

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestReadFidelity(t *testing.T) {
	a, b := sha256.Sum256([]byte("a")), sha256.Sum256([]byte("b"))
	rec := `{"version":1,"size":256,"tolerance":0.02,"logos":[{"name":"a.svg","sha256":"` + hex.EncodeToString(a[:]) +
		`","difference":0.031},{"name":"b.svg","sha256":"` + hex.EncodeToString(b[:]) + `","difference":0.02}]}`
	got, err := ReadFidelity(strings.NewReader(rec))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[a] != 0.031 {
		t.Errorf("got %v, want only a.svg (b.svg is at the tolerance, which is faithful)", got)
	}
	for _, bad := range []string{
		`{"version":2,"tolerance":0.02}`,
		`{"version":1,"tolerance":0}`,
		`{"version":1,"tolerance":0.02,"logos":[{"sha256":"abc","difference":1}]}`,
		`[`,
	} {
		if _, err := ReadFidelity(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadFidelity(%s): no error", bad)
		}
	}
}

// TestPlanUnfaithful checks that a logo measured too far from Chromium is
// drawn as a fallback and listed, that a logo prepared before the
// measurement is not reused as it was, and the other way round.
func TestPlanUnfaithful(t *testing.T) {
	in := fixtureInput(t)
	_, rep := Plan(in)
	if len(rep.Fallbacks) != 0 {
		t.Fatalf("the fixture's logos fall back already: %+v", rep.Fallbacks)
	}
	data := in.Logos
	target := sha256.Sum256(data["testdata/a.svg"])
	in.Prepared, in.Unfaithful = rep.Prepared, map[[32]byte]float64{target: 0.05}
	_, rep2 := Plan(in)
	if len(rep2.Fallbacks) == 0 {
		t.Fatal("a logo measured 5% apart from Chromium is drawn from its vectors")
	}
	for _, f := range rep2.Fallbacks {
		if sum := sha256.Sum256(data[f.Item.Logo]); sum != target {
			t.Errorf("%s falls back, but only the measured logo should", f.Item.Name)
		}
		if !strings.Contains(f.Reason, "Chromium") || !strings.Contains(f.Reason, "5.0%") {
			t.Errorf("reason %q does not name the measurement", f.Reason)
		}
	}
	if rep2.Reused != len(rep2.Prepared)-1 {
		t.Errorf("reused %d of %d prepared logos, want all but the measured one", rep2.Reused, len(rep2.Prepared))
	}
	in.Prepared, in.Unfaithful = rep2.Prepared, nil
	if _, rep3 := Plan(in); len(rep3.Fallbacks) != 0 {
		t.Errorf("without the measurement the logo still falls back: %+v", rep3.Fallbacks)
	}
}

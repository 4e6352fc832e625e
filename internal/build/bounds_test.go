package build

import (
	"fmt"
	"testing"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
)

// missingLogos is n items whose logo files are missing, each reported by
// the data checks already.
func missingLogos(n int) ([]*landscape.Item, diag.List) {
	var items []*landscape.Item
	var diags diag.List
	for i := range n {
		pos := landscape.Pos{Line: 4 * i, Col: 19}
		items = append(items, &landscape.Item{Name: fmt.Sprint("I", i), Fields: map[string]landscape.Pos{"logo": pos}})
		diags.Errorf("landscape.yml", pos.Line, pos.Col, "", "logo", "not found")
	}
	return items, diags
}

// TestReportLogoOnce checks that a missing logo the data checks reported
// is not reported again, and that other problems are.
func TestReportLogoOnce(t *testing.T) {
	items, diags := missingLogos(3)
	known := logoErrors(diags, "landscape.yml")
	missing := logos.Result{Missing: true, Problems: []logos.Problem{{Severity: diag.Error, Message: "not found"}}}
	for _, it := range items {
		reportLogo("landscape.yml", it, missing, known, &diags)
	}
	other := &landscape.Item{Name: "other", Fields: map[string]landscape.Pos{"logo": {Line: 99, Col: 19}}}
	reportLogo("landscape.yml", other, missing, known, &diags)
	reportLogo("landscape.yml", other, missing, known, &diags)
	if len(diags) != 4 {
		t.Errorf("got %d problems, want the 3 of the data checks and one more:\n%v", len(diags), diags)
	}
}

// BenchmarkReportMissingLogos: the time per item stays flat (each item's
// report looked through every problem before).
//
//	go test ./internal/build -run '^$' -bench ReportMissingLogos
func BenchmarkReportMissingLogos(b *testing.B) {
	missing := logos.Result{Missing: true, Problems: []logos.Problem{{Severity: diag.Error, Message: "not found"}}}
	for _, n := range []int{2_000, 20_000} {
		items, diags := missingLogos(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				d := diags
				known := logoErrors(d, "landscape.yml")
				for _, it := range items {
					reportLogo("landscape.yml", it, missing, known, &d)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/item")
		})
	}
}

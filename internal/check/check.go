// Package check holds the rules a landscape must follow, beyond what one value
// can tell: duplicates, references between items and boxes, logo files, and
// the inclusion rules (stars, one box per company).
//
// Every rule reads the loaded model and appends to a diag.List; none stops at
// the first problem, so a contributor sees every problem in one run.
package check

import (
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Input is what the data checks read.
type Input struct {
	Landscape *landscape.Landscape
	Settings  *landscape.Settings // nil means landscape.DefaultSettings()
}

// Data runs every check that needs only landscape.yml and settings.
func Data(in Input) diag.List {
	var diags diag.List
	data(in, &diags)
	return diags
}

func data(in Input, diags *diag.List) {
	l := in.Landscape
	in.Settings = orDefault(in.Settings)
	emptyBoxes(l, diags)
	duplicateBoxes(l, diags)
	duplicateNames(l, diags)
	duplicateRepos(l, diags)
	githubURLs(l, diags)
	secondPaths(l, diags)
	maturity(l, in.Settings, diags)
	settingsRefs(l, in.Settings, diags)
}

func orDefault(s *landscape.Settings) *landscape.Settings {
	if s == nil {
		return landscape.DefaultSettings()
	}
	return s
}

func errorAt(diags *diag.List, file string, p landscape.Pos, item, field, format string, args ...any) {
	diags.Errorf(file, p.Line, p.Col, item, field, format, args...)
}

func warnAt(diags *diag.List, file string, p landscape.Pos, item, field, format string, args ...any) {
	diags.Warnf(file, p.Line, p.Col, item, field, format, args...)
}

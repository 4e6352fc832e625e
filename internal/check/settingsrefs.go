package check

import (
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// settingsRefs reports settings that name categories or items the landscape
// does not have: a renamed category would otherwise drop out of its tab
// silently, and a stale exemption would hide nothing.
func settingsRefs(l *landscape.Landscape, s *landscape.Settings, diags *diag.List) {
	cats := make(map[string]bool)
	for _, c := range l.Categories {
		cats[c.Name] = true
	}
	items := make(map[string]bool)
	for _, it := range l.Items {
		items[it.Name] = true
	}
	file := settingsName(s)
	for _, g := range s.Groups {
		for _, c := range g.Categories {
			if !cats[c] {
				diags.Warnf(file, 0, 0, "", "groups", "group %q names category %q, which %s does not have", g.Name, c, l.File)
			}
		}
	}
	for _, e := range s.Rules.StarExemptions {
		if !items[e.Item] {
			diags.Warnf(file, 0, 0, "", "rules.star_exemptions", "exempts %q, which %s does not have (remove the exemption)", e.Item, l.File)
		}
	}
}

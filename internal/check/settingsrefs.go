package check

import (
	"strconv"

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
	for i, g := range s.Groups {
		for j, c := range g.Categories {
			if !cats[c] {
				p := s.Pos("groups", strconv.Itoa(i), "categories", strconv.Itoa(j))
				warnAt(diags, file, p, "", "groups.categories", "group %q names category %q, which %s does not have (fix the name or remove it)", g.Name, c, l.File)
			}
		}
	}
	for i, e := range s.Rules.StarExemptions {
		if !items[e.Item] {
			p := s.Pos("rules", "star_exemptions", strconv.Itoa(i), "item")
			warnAt(diags, file, p, "", "rules.star_exemptions", "exempts %q, which %s does not have (remove the exemption)", e.Item, l.File)
		}
	}
}

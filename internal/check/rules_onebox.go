package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// isProduct says whether an item counts as a company's product for the
// one-box rule, and if not, why. Only items that are not open source count:
// an open-source project owned by a company is judged on its own, by the
// star rule, wherever it belongs; a foundation project is the foundation's.
func isProduct(s *landscape.Settings, it *landscape.Item) (bool, string) {
	switch {
	case it.Project != "":
		return false, "a foundation project, not a company's product"
	case it.IsOpenSource():
		return false, "an open-source project: not counted as a company's product"
	case Company(it) == "":
		return false, "no organization (crunchbase or organization.name)"
	case slices.Contains(s.Rules.OneBox.IgnoreCategories, it.Category()):
		return false, fmt.Sprintf("category %q does not count (rules.one_box.ignore_categories)", it.Category())
	}
	return true, ""
}

// box is one subcategory a company's products are in, with its first
// product there, for messages to point at.
type box struct {
	path  string
	first *landscape.Item
}

// companyBoxes lists, for every company, the boxes of its products in file
// order; the first is where a company without a home settles.
func companyBoxes(l *landscape.Landscape, s *landscape.Settings) map[string][]box {
	boxes := make(map[string][]box)
	for _, it := range l.Items {
		if ok, _ := isProduct(s, it); !ok {
			continue
		}
		c := Company(it)
		if !slices.ContainsFunc(boxes[c], func(b box) bool { return b.path == it.Path() }) {
			boxes[c] = append(boxes[c], box{path: it.Path(), first: it})
		}
	}
	return boxes
}

// companyHomes gives each company the first box of its products in the
// Home landscape (or in the landscape itself).
func companyHomes(in RulesInput) map[string]string {
	l := in.Home
	if l == nil {
		l = in.Landscape
	}
	homes := make(map[string]string)
	for c, bs := range companyBoxes(l, in.Settings) {
		homes[c] = bs[0].path
	}
	return homes
}

func oneBox(s *landscape.Settings, it *landscape.Item, homes map[string]string, boxes map[string][]box) Verdict {
	v := Verdict{Rule: RuleOneBox}
	if ok, why := isProduct(s, it); !ok {
		v.Reason = why
		return v
	}
	c := Company(it)
	bs := boxes[c]
	if len(bs) < 2 {
		v.Status, v.Reason = Pass, "the company's only box"
		return v
	}
	if e, ok := exception(s, it); ok {
		v.Status, v.Reason = Exempt, fmt.Sprintf("exception in settings for %s: %s", cmp.Or(e.Organization, e.Crunchbase), e.Reason)
		return v
	}
	home := bs[0]
	if i := slices.IndexFunc(bs, func(b box) bool { return b.path == homes[c] }); i >= 0 {
		home = bs[i]
	}
	if it.Path() == home.path {
		v.Status, v.Reason = Pass, fmt.Sprintf("the company's box (its products are also in %d other)", len(bs)-1)
		return v
	}
	v.Status = Fail
	v.Reason = fmt.Sprintf("%s already has a product in %q (%q, line %d): one box per company (move the item there, or add the company to rules.one_box.exceptions in settings with a reason)",
		CompanyName(it), home.path, home.first.Name, home.first.Pos.Line)
	return v
}

// exception finds the settings exception for an item's company, matched by
// crunchbase URL or by organization name.
func exception(s *landscape.Settings, it *landscape.Item) (landscape.OrgException, bool) {
	for _, e := range s.Rules.OneBox.Exceptions {
		if e.Crunchbase != "" && it.Crunchbase != "" && landscape.URLKey(e.Crunchbase) == landscape.URLKey(it.Crunchbase) {
			return e, true
		}
		if e.Organization != "" && strings.EqualFold(strings.TrimSpace(e.Organization), strings.TrimSpace(it.Organization)) {
			return e, true
		}
	}
	return landscape.OrgException{}, false
}

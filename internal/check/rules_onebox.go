package check

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/serverless-landscape/landscape/internal/landscape"
)

// isProduct says whether an item counts as a company's product for the
// one-box rule, and if not, why. Only items that are not open source count:
// an open-source project owned by a company is judged on its own, by the
// star rule, wherever it belongs; a foundation project is the foundation's.
func isProduct(x *ruleIndex, it *landscape.Item) (bool, string) {
	switch {
	case it.Project != "":
		return false, "a foundation project, not a company's product"
	case it.IsOpenSource():
		return false, "an open-source project: not counted as a company's product"
	case Company(it) == "":
		return false, "no organization (crunchbase or organization.name)"
	case x.ignored[it.Category()]:
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
func companyBoxes(l *landscape.Landscape, x *ruleIndex) map[string][]box {
	boxes := make(map[string][]box)
	seen := make(map[[2]string]bool)
	for _, it := range l.Items {
		if ok, _ := isProduct(x, it); !ok {
			continue
		}
		c, p := Company(it), it.Path()
		if k := [2]string{c, p}; !seen[k] {
			seen[k] = true
			boxes[c] = append(boxes[c], box{path: p, first: it})
		}
	}
	return boxes
}

// companyHomes gives each company its home among its boxes in the
// landscape: the first box of its products in the Home landscape (or in the
// landscape itself) when the company has a product there, else its first.
func companyHomes(in RulesInput, x *ruleIndex, boxes map[string][]box) map[string]box {
	first := boxes
	if in.Home != nil {
		first = companyBoxes(in.Home, x)
	}
	homes := make(map[string]box, len(boxes))
	for c, bs := range boxes {
		home := bs[0]
		if fs := first[c]; len(fs) > 0 {
			if i := slices.IndexFunc(bs, func(b box) bool { return b.path == fs[0].path }); i >= 0 {
				home = bs[i]
			}
		}
		homes[c] = home
	}
	return homes
}

func oneBox(x *ruleIndex, it *landscape.Item, homes map[string]box, boxes map[string][]box) Verdict {
	v := Verdict{Rule: RuleOneBox}
	if ok, why := isProduct(x, it); !ok {
		v.Reason = why
		return v
	}
	c := Company(it)
	bs := boxes[c]
	if len(bs) < 2 {
		v.Status, v.Reason = Pass, "the company's only box"
		return v
	}
	if e, ok := x.exception(it); ok {
		v.Status, v.Reason = Exempt, fmt.Sprintf("exception in settings for %s: %s", cmp.Or(e.Organization, e.Crunchbase), e.Reason)
		return v
	}
	home := homes[c]
	if it.Path() == home.path {
		v.Status, v.Reason = Pass, fmt.Sprintf("the company's box (its products are also in %d other)", len(bs)-1)
		return v
	}
	v.Status = Fail
	v.Reason = fmt.Sprintf("%s already has a product in %q (%q, line %d): one box per company (move the item there, or add the company to rules.one_box.exceptions in settings with a reason)",
		CompanyName(it), home.path, home.first.Name, home.first.Pos.Line)
	return v
}

package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// The inclusion rules' names, as diagnostics and summaries show them.
const (
	RuleStars  = "min-stars"
	RuleOneBox = "one-box"
)

// RuleNames lists the inclusion rules in the order summaries show them.
var RuleNames = []string{RuleStars, RuleOneBox}

// Status is a rule's verdict on one item.
type Status int

const (
	// NotApplicable: the rule is not about this item (a product for the
	// star rule, an open-source project for the one-box rule).
	NotApplicable Status = iota
	Pass
	Fail
	// Exempt: the rule applies but settings or the item's status exempt it.
	Exempt
	// NotChecked: the rule applies but its facts (stars) are unknown.
	NotChecked
)

var statusNames = [...]string{"not applicable", "pass", "fail", "exempt", "not checked"}

func (s Status) String() string { return statusNames[s] }

// Verdict is what one rule says about one item, with the reason a reviewer
// reads: the star count, the exemption, the box the company is already in.
type Verdict struct {
	Rule   string
	Status Status
	Reason string
	// Stars are the item's stars summed over its GitHub repositories (star
	// rule), whatever the status; StarsKnown when every repository had facts.
	Stars      int
	StarsKnown bool
}

// RulesInput is what the inclusion rules read.
type RulesInput struct {
	Landscape *landscape.Landscape
	Settings  *landscape.Settings // nil means landscape.DefaultSettings()
	// Repos are the GitHub facts by repository URL as written; nil when
	// there are none (no token, GitHub down): the star rule is then not
	// checked rather than passed.
	Repos map[string]*gh.Repo
	// Home gives each company the box it already occupies; when nil, a
	// company's home is the box of its first product in Landscape. Judging
	// a change passes the base landscape, so that the box a company was in
	// before the change stays its home.
	Home *landscape.Landscape
}

// ItemVerdicts are every rule's verdicts on one item, in RuleNames order.
type ItemVerdicts struct {
	Item     *landscape.Item
	Verdicts []Verdict
}

// Rules applies every inclusion rule to every item, in file order.
func Rules(in RulesInput) []ItemVerdicts {
	in.Settings = orDefault(in.Settings)
	x := newRuleIndex(in.Settings)
	boxes := companyBoxes(in.Landscape, x)
	homes := companyHomes(in, x, boxes)
	out := make([]ItemVerdicts, 0, len(in.Landscape.Items))
	for _, it := range in.Landscape.Items {
		out = append(out, ItemVerdicts{Item: it, Verdicts: []Verdict{
			stars(in, x, it),
			oneBox(x, it, homes, boxes),
		}})
	}
	return out
}

// stars is the 300-star rule: an open-source project with a GitHub
// repository needs Settings.Rules.MinStars stars over all its repositories,
// unless the foundation hosts it or settings exempt it.
func stars(in RulesInput, x *ruleIndex, it *landscape.Item) Verdict {
	v := Verdict{Rule: RuleStars}
	_, _, isRepo := gh.ParseRepoURL(it.RepoURL)
	if !isRepo && !gh.OnGitHub(it.RepoURL) {
		v.Reason = "no GitHub repository"
		return v
	}
	sum, missing := sumStars(in.Repos, it)
	v.Stars, v.StarsKnown = sum, missing == 0
	if exempt, why := starExempt(x, it); why != "" {
		v.Reason = why
		if exempt {
			v.Status = Exempt
		}
		return v
	}
	need := in.Settings.Rules.MinStars
	switch {
	case !isRepo: // an organization's URL, say: the rule cannot be passed by pointing elsewhere
		v.Status, v.Reason = NotChecked, "repo_url names no GitHub repository (write https://github.com/owner/name)"
	case sum >= need:
		v.Status, v.Reason = Pass, fmt.Sprintf("%s stars (at least %s)", thousands(sum), thousands(need))
	case missing > 0:
		v.Status, v.Reason = NotChecked, "no GitHub data for "+plural(missing, "repository", "repositories")+" (set GITHUB_TOKEN, or GitHub is unreachable)"
	default:
		v.Status, v.Reason = Fail, fmt.Sprintf("%s stars, fewer than the %s an open-source project needs (wait until it has more, or add it to rules.star_exemptions in settings with a reason)", thousands(sum), thousands(need))
	}
	return v
}

// starExempt says why the star rule does not judge an item: it is not open
// source (exempt false), or it is exempt; "" when the rule applies.
func starExempt(x *ruleIndex, it *landscape.Item) (exempt bool, why string) {
	if !it.IsOpenSource() {
		return false, "not open source (open_source: false)"
	}
	if it.Project != "" {
		return true, "a foundation project (" + it.Project + ")"
	}
	if reason, ok := x.starExempt[it.Name]; ok {
		return true, "exempted in settings: " + reason
	}
	return false, ""
}

// sumStars adds up the stars of an item's GitHub repositories and counts
// those without facts.
func sumStars(facts map[string]*gh.Repo, it *landscape.Item) (sum, missing int) {
	for _, r := range it.Repos() {
		if _, _, ok := gh.ParseRepoURL(r.URL); !ok {
			continue
		}
		if f := facts[r.URL]; f != nil {
			sum += f.Stars
		} else {
			missing++
		}
	}
	return sum, missing
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// thousands formats n with comma separators: 5000 -> "5,000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Company returns the key that identifies an item's owner: its crunchbase
// URL, normalized, or else its organization.name; "" when it names neither.
func Company(it *landscape.Item) string {
	if it.Crunchbase != "" {
		return "crunchbase:" + landscape.URLKey(it.Crunchbase)
	}
	if n := strings.TrimSpace(it.Organization); n != "" {
		return "name:" + strings.ToLower(n)
	}
	return ""
}

// CompanyName is the company as a reviewer reads it.
func CompanyName(it *landscape.Item) string {
	if it.Organization != "" {
		return it.Organization
	}
	if it.Crunchbase != "" {
		s := strings.TrimSuffix(it.Crunchbase, "/")
		return s[strings.LastIndex(s, "/")+1:]
	}
	return ""
}

package build

import (
	"context"
	"fmt"

	"github.com/serverless-landscape/landscape/internal/change"
	"github.com/serverless-landscape/landscape/internal/check"
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/gh"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// Base is the landscape a change is judged against: landscape.yml of the
// pull request's base revision, and the rules in force there.
type Base struct {
	Name string // the revision or file as the user named it, for messages
	Data []byte // its landscape.yml
	// ChangedLogos are the files of the logos folder (relative names) that
	// the change added, modified or removed. A logo problem of an item whose
	// logo: and logo file did not change existed before the change.
	ChangedLogos map[string]bool

	// Settings is settings.yml at the base revision. The inclusion rules
	// and exemptions that judge a change are the base's, so that a change
	// cannot loosen the rules it is judged by; NoSettings says the base
	// has no settings file (the default rules apply). With neither (a base
	// file given without its settings, or settings kept outside the
	// repository), the working settings' rules apply.
	Settings     []byte
	NoSettings   bool
	SettingsFile string // the working settings file's name, for messages

	// OtherFiles are the files the change touched that are none of the
	// landscape's data, settings, guide or logos; CacheFiles those under
	// the cache folder (ignored by git, so added on purpose or forged).
	// Both are for a maintainer to review: no rule judges them.
	OtherFiles, CacheFiles []string
}

// CheckResult is the working landscape judged by every check and rule.
type CheckResult struct {
	Landscape *landscape.Landscape
	Diff      *change.Diff // nil without a base
	// Verdicts are the inclusion rules' verdicts on every item.
	Verdicts map[*landscape.Item][]check.Verdict
	// Introduced are the problems the change introduces; without a base,
	// every problem. Existing are the problems the base already had, as
	// warnings. Both are sorted.
	Introduced, Existing diag.List
	// Review are the parts of the change that no rule can judge and a
	// maintainer must: edits of the rules and exemptions (which judge
	// later changes once merged), items that exempt themselves, files
	// outside the data. Warnings, sorted.
	Review diag.List
}

// Check validates the working landscape (data and logos, as Validate does),
// asks GitHub for the stars the rules need and applies the inclusion rules.
// Given a base, only the problems the change introduces keep their
// severity; the others are Existing warnings. Without a base, a rule
// failure is a warning unless Strict. Stars that cannot be known (no token,
// GitHub down) are never a silent pass: the rule says "not checked", a
// warning, an error when Strict.
func (o *Builder) Check(ctx context.Context, base *Base) (CheckResult, error) {
	var res CheckResult
	in, err := o.Load(ctx)
	if err != nil {
		res.Introduced = in.Diags // why the data cannot be used, with ErrProblems
		return res, err
	}
	diags, err := o.validateLogos(ctx, in)
	if err != nil {
		return res, err
	}
	head := in.Landscape
	res.Landscape = head
	if base != nil {
		return res, o.judge(ctx, &res, in, diags, base)
	}
	// Without a base the whole landscape is the change: every star comes
	// from GitHub.
	var ghDiags diag.List
	facts, err := o.ruleFacts(ctx, head, head.Items, &ghDiags)
	if err != nil {
		return res, err
	}
	vs := o.verdicts(&res, head, in.Settings, facts, nil)
	res.Introduced = append(append(diags, o.noBaseRules(head.File, check.RuleDiags(head.File, vs))...), ghDiags...)
	res.Introduced.Sort()
	return res, nil
}

// judge splits the problems of the working landscape into those the change
// introduces and those the base already had, judging both by the base's
// rules, and lists what a maintainer must review.
func (o *Builder) judge(ctx context.Context, res *CheckResult, in Inputs, diags diag.List, base *Base) error {
	head := in.Landscape
	type loaded struct {
		l     *landscape.Landscape
		diags diag.List
	}
	b, err := untilDone(ctx, func() loaded { l, d := o.loadBase(base, in.Settings); return loaded{l, d} })
	if err != nil {
		return fmt.Errorf("load the base: %w", err)
	}
	bl, baseDiags := b.l, b.diags
	res.Diff = change.Compare(bl, head)
	rules, review := baseRules(base, in.Settings)
	var ghDiags diag.List
	facts, err := o.changeFacts(ctx, res.Diff, &ghDiags)
	if err != nil {
		return err
	}
	vs := o.verdicts(res, head, rules, facts, bl)
	baseRuleDiags := check.RuleDiags(head.File, check.Rules(check.RulesInput{Landscape: bl, Settings: rules, Repos: facts, Home: bl}))
	res.Introduced, res.Existing = res.Diff.Split(append(diags, o.strictRules(check.RuleDiags(head.File, vs))...), append(baseDiags, baseRuleDiags...), base.ChangedLogos)
	for _, p := range ghDiags { // renamed or deleted repositories: news only for touched items
		if res.Diff.Unchanged(p) {
			res.Existing = append(res.Existing, p)
		} else {
			res.Introduced = append(res.Introduced, p)
		}
	}
	res.Review = append(append(review, selfExemptions(res.Diff)...), otherFiles(base)...)
	res.Introduced.Sort()
	res.Existing.Sort()
	res.Review.Sort()
	return nil
}

// changeFacts gets the facts the rules read. The items the change adds,
// changes or moves, and their base versions, decide what the change
// introduces: their stars come from GitHub, whatever a cache says, since a
// pull request can write the cache folder. The other items' problems are
// the base's whatever their facts, so the cache serves them, with no
// request: a check costs requests for what the change touches only.
func (o *Builder) changeFacts(ctx context.Context, d *change.Diff, diags *diag.List) (map[string]*gh.Repo, error) {
	var touched []*landscape.Item
	for _, c := range d.Changes {
		if c.Head == nil {
			continue // removed: its problems are no longer the landscape's
		}
		touched = append(touched, c.Head)
		if c.Base != nil {
			touched = append(touched, c.Base)
		}
	}
	return o.ruleFacts(ctx, d.Head, touched, diags)
}

// ruleFacts fetches the stars of the repositories of fresh from GitHub,
// without reading or writing the cache, and the facts of head's other
// repositories from the cache only. Problems are reported at head's items.
func (o *Builder) ruleFacts(ctx context.Context, head *landscape.Landscape, fresh []*landscape.Item, diags *diag.List) (map[string]*gh.Repo, error) {
	asked := map[string]bool{}
	var freshRefs, cachedRefs []gh.RepoRef
	for _, it := range fresh {
		for _, r := range it.Repos() {
			if _, _, ok := gh.ParseRepoURL(r.URL); ok && !asked[r.URL] {
				asked[r.URL] = true
				freshRefs = append(freshRefs, gh.RepoRef{URL: r.URL, Branch: r.Branch})
			}
		}
	}
	all, where := repoRefs(head)
	for _, r := range all {
		if !asked[r.URL] {
			cachedRefs = append(cachedRefs, r)
		}
	}
	facts := map[string]*gh.Repo{}
	for _, f := range []struct {
		stage  string
		refs   []gh.RepoRef
		adjust func(*gh.Options)
	}{
		{"github", freshRefs, func(g *gh.Options) { g.CacheDir, g.StarsOnly = "", true }},
		{"github cache", cachedRefs, func(g *gh.Options) { g.Offline = true }},
	} {
		if len(f.refs) == 0 {
			continue
		}
		res, err := o.fetchGitHub(ctx, f.stage, f.refs, f.adjust)
		if err != nil {
			return nil, err
		}
		reportGitHub(head, where, res, diags)
		for u, r := range res.Repos {
			facts[u] = r
		}
	}
	return facts, nil
}

// verdicts applies the rules to the working landscape and keeps the
// verdicts by item for the summary.
func (o *Builder) verdicts(res *CheckResult, head *landscape.Landscape, s *landscape.Settings, facts map[string]*gh.Repo, home *landscape.Landscape) []check.ItemVerdicts {
	vs := check.Rules(check.RulesInput{Landscape: head, Settings: s, Repos: facts, Home: home})
	res.Verdicts = make(map[*landscape.Item][]check.Verdict, len(vs))
	for _, iv := range vs {
		res.Verdicts[iv.Item] = iv.Verdicts
	}
	return vs
}

// loadBase parses the base landscape under the working file's name, so
// that its problems compare with the working ones, and runs the same data
// checks on it.
func (o *Builder) loadBase(base *Base, s *landscape.Settings) (*landscape.Landscape, diag.List) {
	l, diags := landscape.Parse(o.DataFile, base.Data)
	l.File = o.DataFile
	diags = append(diags, check.Data(check.Input{Landscape: l, Settings: s})...)
	logos, _ := openLogos(o.LogosDir)
	check.LogoRefs(l, logos, o.LogosDir, &diags)
	return l, diags
}

// strictRules makes unchecked rules errors when Strict.
func (o *Builder) strictRules(l diag.List) diag.List {
	if o.Strict {
		for i := range l {
			l[i].Severity = diag.Error
		}
	}
	return l
}

// noBaseRules judges the whole landscape: failures are warnings unless
// Strict, and unchecked stars are one line rather than one per item.
func (o *Builder) noBaseRules(file string, l diag.List) diag.List {
	var out diag.List
	unchecked := 0
	for _, p := range l {
		if p.Severity == diag.Warning { // not checked
			unchecked++
			continue
		}
		if !o.Strict {
			p.Severity = diag.Warning
		}
		out = append(out, p)
	}
	if unchecked > 0 {
		sev := diag.Warning
		if o.Strict {
			sev = diag.Error
		}
		out.Add(diag.Diagnostic{File: file, Severity: sev, Rule: check.RuleStars, Field: "repo_url",
			Message: fmt.Sprintf("stars not checked for %d of the items: no GitHub data (set GITHUB_TOKEN, or GitHub is unreachable)", unchecked)})
	}
	return out
}

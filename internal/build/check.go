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
// pull request's base revision.
type Base struct {
	Name string // the revision or file as the user named it, for messages
	Data []byte // its landscape.yml
	// ChangedLogos are the files of the logos folder (relative names) that
	// the change added, modified or removed. A logo problem of an item whose
	// logo: and logo file did not change existed before the change.
	ChangedLogos map[string]bool
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
}

// Check validates the working landscape (data and logos, as Validate does),
// fetches GitHub facts and applies the inclusion rules. Given a base, only
// the problems the change introduces keep their severity; the others are
// Existing warnings. Without a base, a rule failure is a warning unless
// Strict. Stars that cannot be known (no token, GitHub down) are never a
// silent pass: the rule says "not checked", a warning, an error when Strict.
func (o *Builder) Check(ctx context.Context, base *Base) (CheckResult, error) {
	var res CheckResult
	in, err := o.Load()
	if err != nil {
		return res, err
	}
	diags, err := o.validateLogos(ctx, in)
	if err != nil {
		return res, err
	}
	head := in.Landscape
	res.Landscape = head
	var ghDiags diag.List
	facts, err := o.github(ctx, head, &ghDiags)
	if err != nil {
		return res, err
	}
	if base == nil {
		vs := o.verdicts(&res, head, in.Settings, facts, nil)
		res.Introduced = append(append(diags, o.noBaseRules(head.File, check.RuleDiags(head.File, vs))...), ghDiags...)
		res.Introduced.Sort()
		return res, nil
	}
	return res, o.judge(ctx, &res, in, diags, ghDiags, facts, base)
}

// judge splits the problems of the working landscape into those the change
// introduces and those the base already had.
func (o *Builder) judge(ctx context.Context, res *CheckResult, in Inputs, diags, ghDiags diag.List, facts map[string]*gh.Repo, base *Base) error {
	head := in.Landscape
	bl, baseDiags := o.loadBase(base, in.Settings)
	if err := o.baseFacts(ctx, bl, head, facts); err != nil {
		return err
	}
	vs := o.verdicts(res, head, in.Settings, facts, bl)
	baseRules := check.RuleDiags(head.File, check.Rules(check.RulesInput{Landscape: bl, Settings: in.Settings, Repos: facts, Home: bl}))
	res.Diff = change.Compare(bl, head)
	res.Introduced, res.Existing = res.Diff.Split(append(diags, o.strictRules(check.RuleDiags(head.File, vs))...), append(baseDiags, baseRules...), base.ChangedLogos)
	for _, p := range ghDiags { // renamed or deleted repositories: news only for touched items
		if res.Diff.Unchanged(p) {
			res.Existing = append(res.Existing, p)
		} else {
			res.Introduced = append(res.Introduced, p)
		}
	}
	res.Introduced.Sort()
	res.Existing.Sort()
	return nil
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

// baseFacts adds the facts of repositories only the base names (removed
// items, replaced URLs), so that the base is judged with the same facts.
func (o *Builder) baseFacts(ctx context.Context, base, head *landscape.Landscape, facts map[string]*gh.Repo) error {
	inHead := map[string]bool{}
	for _, it := range head.Items {
		for _, r := range it.Repos() {
			inHead[r.URL] = true
		}
	}
	only := &landscape.Landscape{File: base.File}
	for _, it := range base.Items {
		for _, r := range it.Repos() {
			if !inHead[r.URL] {
				only.Items = append(only.Items, it)
				break
			}
		}
	}
	if len(only.Items) == 0 {
		return nil
	}
	var ignored diag.List // problems of repositories the change no longer names
	more, err := o.github(ctx, only, &ignored)
	for u, r := range more {
		facts[u] = r
	}
	return err
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

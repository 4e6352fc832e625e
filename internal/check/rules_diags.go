package check

import (
	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
)

// RuleDiags turns failed and unchecked verdicts into diagnostics at the
// item's line: a failure is an error, an unchecked rule a warning. Callers
// decide what counts (a change judges only what it introduces).
func RuleDiags(file string, vs []ItemVerdicts) diag.List {
	var out diag.List
	for _, iv := range vs {
		for _, v := range iv.Verdicts {
			sev := diag.Error
			switch v.Status {
			case Fail:
			case NotChecked:
				sev = diag.Warning
			default:
				continue
			}
			field, msg := ruleField(iv.Item, v.Rule), v.Reason
			if v.Status == NotChecked {
				msg = "not checked: " + msg
			}
			msg += " [" + v.Rule + "]" // the text format has no other place for it
			p := iv.Item.FieldPos(field)
			out.Add(diag.Diagnostic{File: file, Line: p.Line, Col: p.Col, Severity: sev,
				Item: iv.Item.Name, Field: field, Message: msg, Rule: v.Rule})
		}
	}
	return out
}

// ruleField is the field a rule's annotation points at.
func ruleField(it *landscape.Item, rule string) string {
	if rule == RuleStars {
		return "repo_url"
	}
	for _, f := range []string{"crunchbase", "organization"} {
		if _, ok := it.Fields[f]; ok {
			return f
		}
	}
	return "name"
}

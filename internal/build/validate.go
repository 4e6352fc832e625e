package build

import (
	"context"
	"fmt"

	"github.com/serverless-landscape/landscape/internal/diag"
)

// Validate loads and checks the data and every logo, writing nothing.
// Logos are processed through the same cache as a build, so validating an
// unchanged landscape again costs little.
func (o *Builder) Validate(ctx context.Context) (diag.List, error) {
	in, err := o.Load(ctx)
	if err != nil {
		return in.Diags, err
	}
	return o.validateLogos(ctx, in)
}

// validateLogos adds the logo problems to the loaded inputs' problems.
func (o *Builder) validateLogos(ctx context.Context, in Inputs) (diag.List, error) {
	diags := in.Diags
	err := o.stage("logos", func() (string, error) {
		p := o.logoProcessor()
		var refs []string
		for _, it := range in.Landscape.Items {
			if it.Logo != "" {
				refs = append(refs, it.Logo)
			}
		}
		results := p.ProcessAll(ctx, refs)
		before := len(diags)
		known := logoErrors(diags, in.Landscape.File)
		for _, it := range in.Landscape.Items {
			if r, ok := results[it.Logo]; ok {
				reportLogo(in.Landscape.File, it, r, known, &diags)
			}
		}
		n := diags[before:]
		return fmt.Sprintf("%d logos: %s", len(results), n.Summary()), nil
	})
	diags.Sort()
	return diags, err
}

// Fetch refreshes the GitHub cache for the landscape's repositories.
func (o *Builder) Fetch(ctx context.Context) (diag.List, error) {
	in, err := o.Load(ctx)
	if err != nil {
		return in.Diags, err
	}
	var diags diag.List
	_, err = o.github(ctx, in.Landscape, &diags)
	diags.Sort()
	return diags, err
}

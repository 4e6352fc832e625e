package build

import (
	"io/fs"

	"github.com/serverless-landscape/landscape/internal/diag"
)

type fsys = fs.FS

// relabel names diagnostics by the path the user gave, not the base name the
// loader saw.
func relabel(l diag.List, file string) diag.List {
	for i := range l {
		l[i].File = file
	}
	return l
}

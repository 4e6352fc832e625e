package check

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/serverless-landscape/landscape/internal/diag"
	"github.com/serverless-landscape/landscape/internal/landscape"
	"github.com/serverless-landscape/landscape/internal/logos"
)

// LogoRefs checks that every `logo:` names a regular file inside the logos
// folder, or an https URL. It looks only at names and at what the files
// are, never opening them (a named pipe would block); what is inside a
// logo is checked by package logos.
func LogoRefs(l *landscape.Landscape, logosFS fs.FS, logosDir string, diags *diag.List) {
	for _, it := range l.Items {
		if it.Logo == "" {
			continue
		}
		p := it.FieldPos("logo")
		name, err := LogoPath(it.Logo)
		switch {
		case err != nil:
			errorAt(diags, l.File, p, it.Name, "logo", "%v", err)
		case name == "": // a URL: fetched at build time
		case logosFS == nil:
			errorAt(diags, l.File, p, it.Name, "logo", "%q needs the logos folder %s, which does not exist (create it and add the file)", it.Logo, logosDir)
		default:
			switch err := logos.StatLocal(logosFS, name); {
			case errors.Is(err, fs.ErrNotExist):
				errorAt(diags, l.File, p, it.Name, "logo", "%q not found in %s (add the file or fix the name)", it.Logo, logosDir)
			case errors.Is(err, logos.ErrOutside):
				errorAt(diags, l.File, p, it.Name, "logo", "%q leaves the logos folder through a symbolic link (name a file inside it)", it.Logo)
			case err != nil:
				errorAt(diags, l.File, p, it.Name, "logo", "%q %v", it.Logo, err)
			}
		}
	}
}

// LogoPath returns the file a `logo:` value names inside the logos folder,
// or "" for an https URL. Paths that could leave the folder are errors.
func LogoPath(logo string) (string, error) {
	if strings.HasPrefix(logo, "https://") {
		return "", landscape.CheckURL(logo)
	}
	if strings.Contains(logo, "://") || strings.HasPrefix(logo, "data:") {
		return "", errors.New("logo URLs must be https:// (or name a file in the logos folder)")
	}
	if strings.HasPrefix(logo, "/") || strings.Contains(logo, "\\") {
		return "", fmt.Errorf("absolute path %q (name a file inside the logos folder)", logo)
	}
	name := path.Clean(strings.TrimPrefix(logo, "./"))
	if name == ".." || strings.HasPrefix(name, "../") || !fs.ValidPath(name) {
		return "", fmt.Errorf("%q leaves the logos folder (name a file inside it)", logo)
	}
	return name, nil
}

package render

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// scriptEntry is the page script's entry module in the templates; it
// imports the others (templates/js/*.js, one concern each). The embedded
// pages and the embed set-up page have their own, smaller entries.
const (
	scriptEntry = "js/main.js"
	embedEntry  = "js/embed.js"
	setupEntry  = "js/embed-setup.js"
)

// fsNamespace is esbuild's namespace for files read from the templates'
// fs.FS instead of the disk.
const fsNamespace = "templates"

// bundleScript bundles the ES modules of the templates into one minified
// script with esbuild. esbuild reads the real file system; the plugin
// resolves every import inside templates instead, so the embedded
// templates and a --templates-dir folder bundle alike, and no import can
// reach a file outside them. The output depends only on the sources:
// the same templates give the same bytes.
func bundleScript(templates fs.FS) ([]byte, error) { return bundle(templates, scriptEntry) }

// bundle bundles one entry module and what it imports.
func bundle(templates fs.FS, entry string) ([]byte, error) {
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{entry},
		Bundle:            true,
		Write:             false,
		Format:            api.FormatIIFE,
		Target:            api.ES2020,
		Platform:          api.PlatformBrowser,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		LogLevel:          api.LogLevelSilent,
		Outfile:           "app.js",
		Plugins:           []api.Plugin{templatesPlugin(templates)},
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, fmt.Errorf("bundle %s: %s", entry, strings.TrimSpace(strings.Join(msgs, "")))
	}
	for _, f := range res.OutputFiles {
		if strings.HasSuffix(f.Path, ".js") {
			return f.Contents, nil
		}
	}
	return nil, fmt.Errorf("bundle %s: esbuild wrote no script", entry)
}

// templatesPlugin serves esbuild the modules of the templates' fs.FS.
// Only relative imports (./x.js) are allowed: there is no node_modules.
func templatesPlugin(fsys fs.FS) api.Plugin {
	return api.Plugin{
		Name: "templates-fs",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				if args.Kind == api.ResolveEntryPoint {
					return api.OnResolveResult{Path: args.Path, Namespace: fsNamespace}, nil
				}
				if !strings.HasPrefix(args.Path, "./") && !strings.HasPrefix(args.Path, "../") {
					return api.OnResolveResult{}, fmt.Errorf("import %q: only relative imports of the templates' own modules are bundled", args.Path)
				}
				p := path.Join(path.Dir(args.Importer), args.Path)
				if !fs.ValidPath(p) {
					return api.OnResolveResult{}, fmt.Errorf("import %q: outside the templates", args.Path)
				}
				return api.OnResolveResult{Path: p, Namespace: fsNamespace}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: fsNamespace}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
				data, err := fs.ReadFile(fsys, args.Path)
				if err != nil {
					return api.OnLoadResult{}, err
				}
				s := string(data)
				return api.OnLoadResult{Contents: &s, Loader: api.LoaderJS}, nil
			})
		},
	}
}

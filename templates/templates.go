// Package templates holds the site's HTML templates, style sheets and
// scripts, embedded so that the binary alone can build a site. A development
// server can swap in os.DirFS("templates") to pick up edits without a rebuild.
//
// Pages are *.html (one file per page plus partials, all parsed into one
// set); css/*.css are concatenated in file-name order into one style sheet;
// js/ holds the page script as ES modules, one concern each, which the
// renderer bundles from js/main.js with esbuild. Each stays small here while
// visitors load one file of each.
package templates

import "embed"

// FS is the template tree read by render.New.
//
//go:embed *.html *.svg css js
var FS embed.FS

// Package drawing draws vector pictures without a browser: it reads a
// sanitized SVG logo into a Scene (paths with their paint, groups with
// opacity, clips and masks, embedded rasters), and renders Scenes and whole
// pages of them as PNG (rasterized with golang.org/x/image/vector) and as
// vector PDF (written here: the few operators a logo needs).
//
// A logo is drawn faithfully or not at all: Read lists in Scene.Problems
// every construct it cannot draw as a browser would (text, filters,
// patterns, markers, blend modes), and callers draw such a logo some other
// way. Which constructs are supported is checked against headless
// Chromium's rendering by cmd/logocrop-bench -draw.
//
// Coordinates are y-down, as in SVG, in user units; a Page is in CSS pixels.
package drawing

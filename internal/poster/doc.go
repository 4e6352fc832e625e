// Package poster draws the whole landscape as one picture, in SVG, PDF and
// PNG, from the same site model as the landscape page and without a
// browser: categories as bands, subcategory boxes, logo tiles (featured
// ones larger, archived ones grey, closed-source ones dashed), every item
// in each of its boxes, a header with the landscape's name and a footer
// with the data's date and the site's URL.
//
// Lay packs the boxes as the page's style sheet does (layout.go); Plan
// turns the layout into a drawing.Page per poster, reading each logo once
// (internal/drawing); the SVG keeps the logos' own markup, scoped, while
// the PDF and PNG draw the scenes. A logo the renderer cannot draw
// faithfully is drawn as its embedded raster, or else as a name tile, in
// every format alike, and Plan lists it.
package poster

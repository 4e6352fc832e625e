// Package logos turns the logo of each landscape item into a small, safe SVG
// that the site can serve.
//
// A logo is untrusted input: an SVG is a document that can run script in the
// site's origin when opened directly. Every logo therefore goes through the
// same steps, each a pure function over bytes that is tested on its own:
//
//   - resolve: a `logo:` value names a regular file inside hosted_logos
//     (never outside it, never a pipe or a device) or an https URL, fetched
//     from public addresses only, with a size limit, and cached on disk
//     with ETag/Last-Modified revalidation;
//   - Check: report what makes a logo a poor logo (raster images, text,
//     external references, oversized files, wrong encoding declarations);
//   - Sanitize: rebuild the document from an allowlist of SVG elements,
//     attributes and CSS, so that nothing active or remote survives, and
//     refuse <use> references that a browser would expand past a budget;
//   - Crop: compute the drawing's bounding box from its geometry and tighten
//     the viewBox to it with an even margin, so tiles line up, within a
//     budget of work and time;
//   - minify, and name the result by its content hash so identical logos
//     share one file.
//
// A Processor ties the steps together and caches their work by input hash in
// memory and on disk, so an unchanged logo costs nothing on the next build;
// what the disk caches hold is sealed with a key kept outside the checkout,
// because a pull request can write the cache folder.
package logos

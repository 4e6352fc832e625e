//go:build !race

// Package race says whether the race detector is on, for the corpus-wide
// tests: it makes them about ten times slower, so under it they sample the
// corpora (or skip, when they run no concurrent code of their own), and
// `make test` runs them whole in a second pass without it.
package race

// Enabled says the race detector is on.
const Enabled = false

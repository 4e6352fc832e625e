//go:build race

package render

// raceEnabled says the tests run under the race detector: there
// TestCorpusRender renders only the small corpus (internal/build's corpus
// test renders cncf-full under it), and `make test` renders both whole in a
// second pass without it.
const raceEnabled = true

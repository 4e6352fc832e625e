//go:build race

package logos

// raceEnabled says the tests run under the race detector, which makes the
// corpus-wide loops ten times slower: under it they sample the corpora,
// and `make test` runs them whole in a second pass without it.
const raceEnabled = true

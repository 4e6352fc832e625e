//go:build race

package build

// raceEnabled says the tests run under the race detector, which makes
// building cncf-full's 2,400 logos ten times slower: under it
// TestCorpusBuild builds cncf-full with a sample of its logos, and
// `make test` builds it whole in a second pass without it.
const raceEnabled = true

# The two commands that matter: `make serve` builds the repository's own
# landscape and serves it with live reload; `make test` runs every test.

GO        ?= go
BIN       := bin/landscape
CACHE_DIR ?= .cache
ADDR      ?= 127.0.0.1:8080

.PHONY: all build site serve test test-race test-whole test-short bench fuzz netlify clean

all: build

build: ## compile the landscape binary into bin/
	$(GO) build -o $(BIN) ./cmd/landscape

site: build ## build the repository's own landscape into public/
	$(BIN) build --cache-dir $(CACHE_DIR)

serve: build ## build and serve the landscape, rebuilding on changes
	$(BIN) serve --addr $(ADDR) --cache-dir $(CACHE_DIR) --templates-dir templates

# make test runs two passes side by side (the browser tests mostly wait on
# Chromium, so they share the two cores well with the race pass):
# - test-race: every package but e2e under the race detector. The loops over
#   every corpus logo sample the corpora there, and cncf-full is built and
#   rendered only without it (the small corpus runs the same concurrent
#   code); every such test is TestCorpus* and uses internal/race.
# - test-whole: the browser tests, and the TestCorpus* tests whole, without
#   it. The browser tests' Go code is the test harness and the build, whose
#   concurrency the race pass checks in its own packages; under -race they
#   took twice as long and proved nothing more.
test: ## vet, then every test: under the race detector, and the browser and corpus-wide tests without it
	$(GO) vet ./...
	$(MAKE) --no-print-directory -j2 --output-sync=line test-race test-whole

test-race:
	$(GO) test -race -count=1 -timeout 40m $$($(GO) list ./... | grep -v '/e2e$$')

test-whole:
	$(GO) test -count=1 -timeout 20m ./e2e
	$(GO) test -count=1 -timeout 20m -run '^TestCorpus' ./internal/logos ./internal/build ./internal/render

test-short: ## the tests without the browser and the large corpora
	$(GO) test -short ./...

CORPUS ?= ../shared/corpora/cncf-full

RUNS ?= 3

# Where the harness writes matters: run it as TMPDIR=/work/tmp make bench on
# a VM whose /tmp is slow to create files in (see docs/performance.md).
bench: ## the figures of docs/performance.md: builds against the floor, then every Go benchmark
	$(GO) run ./cmd/landscape-bench -corpus $(CORPUS) -runs $(RUNS)
	-npm ci --prefix e2e/lighthouse --ignore-scripts --no-audit --no-fund # without it BenchmarkLighthouse skips
	$(GO) test -run '^$$' -bench . -benchmem -count 1 -timeout 60m ./...

FUZZTIME ?= 60s

# Every fuzz target, as package:name; -fuzz takes one target at a time, by
# an anchored pattern (FuzzParse alone would also match FuzzParseSettings).
FUZZ_TARGETS := landscape:FuzzParse landscape:FuzzParseSettings landscape:FuzzBasePath \
	landscape:FuzzCheckURL logos:FuzzSanitize logos:FuzzCrop logos:FuzzProcess \
	render:FuzzMarkdown render:FuzzCSVCell gh:FuzzParseRepoURL change:FuzzEscape

fuzz: ## fuzz every parser of untrusted input for FUZZTIME each
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz $$t"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) ./internal/$${t%%:*}; \
	done

netlify: build ## what Netlify runs: the site into public/, facts the cache lacks from the deployed site; without GITHUB_TOKEN or network it warns and goes on
	$(BIN) build --cache-dir $(CACHE_DIR) --out public --facts-from site

clean:
	rm -rf bin public

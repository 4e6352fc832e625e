# The two commands that matter: `make serve` builds the repository's own
# landscape and serves it with live reload; `make test` runs every test.

GO        ?= go
BIN       := bin/landscape
CACHE_DIR ?= .cache
ADDR      ?= 127.0.0.1:8080

.PHONY: all build site serve test test-short bench fuzz netlify clean

all: build

build: ## compile the landscape binary into bin/
	$(GO) build -o $(BIN) ./cmd/landscape

site: build ## build the repository's own landscape into public/
	$(BIN) build --cache-dir $(CACHE_DIR)

serve: build ## build and serve the landscape, rebuilding on changes
	$(BIN) serve --addr $(ADDR) --cache-dir $(CACHE_DIR) --templates-dir templates

# Under the race detector the loops over every corpus logo sample the
# corpora (or skip, when they run no concurrent code): they run whole in the
# second pass, without it, where they take a tenth of the time.
test: ## vet, run every test with the race detector, then the corpus-wide loops whole without it
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 40m ./...
	$(GO) test -count=1 -timeout 20m -run '^TestCorpus' ./internal/logos

test-short: ## the tests without the browser and the large corpora
	$(GO) test -short ./...

CORPUS ?= ../shared/corpora/cncf-full

RUNS ?= 3

# Where the harness writes matters: run it as TMPDIR=/work/tmp make bench on
# a VM whose /tmp is slow to create files in (see docs/performance.md).
bench: ## the figures of docs/performance.md: builds against the floor, then every Go benchmark
	$(GO) run ./cmd/landscape-bench -corpus $(CORPUS) -runs $(RUNS)
	$(GO) test -run '^$$' -bench . -benchmem -count 1 -timeout 60m ./...

FUZZTIME ?= 60s

fuzz: ## fuzz the loader, the SVG sanitizer, the cropper and the logo processor for a while each
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./internal/landscape
	$(GO) test -run '^$$' -fuzz '^FuzzSanitize$$' -fuzztime $(FUZZTIME) ./internal/logos
	$(GO) test -run '^$$' -fuzz '^FuzzCrop$$' -fuzztime $(FUZZTIME) ./internal/logos
	$(GO) test -run '^$$' -fuzz '^FuzzProcess$$' -fuzztime $(FUZZTIME) ./internal/logos

netlify: build ## what Netlify runs: the site into public/, facts the cache lacks from the deployed site; without GITHUB_TOKEN or network it warns and goes on
	$(BIN) build --cache-dir $(CACHE_DIR) --out public --facts-from site

clean:
	rm -rf bin public

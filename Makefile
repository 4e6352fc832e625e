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

test: ## vet and run every test with the race detector
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 40m ./...

test-short: ## the tests without the browser and the large corpora
	$(GO) test -short ./...

CORPUS ?= ../shared/corpora/cncf-full

RUNS ?= 3

# Where the harness writes matters: run it as TMPDIR=/work/tmp make bench on
# a VM whose /tmp is slow to create files in (see docs/performance.md).
bench: ## the figures of docs/performance.md: builds against the floor, then every Go benchmark
	$(GO) run ./cmd/landscape-bench -corpus $(CORPUS) -runs $(RUNS)
	$(GO) test -run '^$$' -bench . -benchmem -count 1 -timeout 60m ./...

fuzz: ## fuzz the loader and the SVG sanitizer for a while each
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 60s ./internal/landscape
	$(GO) test -run '^$$' -fuzz FuzzSanitize -fuzztime 60s ./internal/logos

netlify: build ## what Netlify runs: the site into public/; without GITHUB_TOKEN or network it warns and goes on
	$(BIN) build --cache-dir $(CACHE_DIR) --out public

clean:
	rm -rf bin public

# make demo  - install dependencies, build, generate the sample organisation, ingest it, render the dashboard
# make test  - install dependencies, build, run every test
# make bench - the ingest and dashboard benchmarks (docs/benchmarks.md)
BUILD ?= build
JOBS ?= 2
OUT ?= out
AS_OF ?= 2026-11-21
CREDITLENS = $(BUILD)/bin/creditlens

.PHONY: all deps build demo test bench format clean

all: build

deps:
	@bash tools/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@mkdir -p $(OUT)
	$(BUILD)/bin/creditlens-sample --out-dir $(OUT)/sample
	rm -f $(OUT)/creditlens.db $(OUT)/creditlens.db-wal $(OUT)/creditlens.db-shm
	$(CREDITLENS) ingest $(OUT)/sample/events.csv --accounts $(OUT)/sample/accounts.json --store $(OUT)/creditlens.db
	$(CREDITLENS) report dashboard --store $(OUT)/creditlens.db --as-of $(AS_OF) -o $(OUT)/dashboard.pdf
	@echo "dashboard: $(abspath $(OUT)/dashboard.pdf)"

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

bench: build
	CREDITLENS_BUILD_DIR=$(abspath $(BUILD)) bash bench/run_bench.sh

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(OUT)

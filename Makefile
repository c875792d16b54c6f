# The two commands of the README, plus helpers. Everything goes through CMake
# presets (CMakePresets.json); `make` only sequences them.
PRESET ?= dev
BUILD  := build/$(PRESET)
JOBS   ?= $(shell nproc)

.PHONY: all deps build test demo bench fuzz clean

all: build

deps:
	./scripts/install-deps

$(BUILD)/build.ninja:
	cmake --preset $(PRESET)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD) -j $(JOBS) --output-on-failure --timeout 900

demo: build
	./scripts/demo $(BUILD)/apps/cli/extortrace

bench: build
	./bench/run_corpus_bench.sh $(BUILD)

fuzz:
	./scripts/install-deps
	cmake --preset fuzz && cmake --build build/fuzz -j $(JOBS)

clean:
	rm -rf build

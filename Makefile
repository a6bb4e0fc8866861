# SpinePath developer commands. `make run` and `make test` set up everything
# they need on Debian 12: missing packages are installed with apt-get (only the
# missing ones, so a second run makes no apt call), then CMake configures and
# builds incrementally with Ninja.

BUILD_DIR    ?= build
ASAN_DIR     ?= build-asan
BUILD_TYPE   ?= RelWithDebInfo
CTEST_JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Everything the build, the tests and the tools need, all from Debian 12.
BUILD_PACKAGES := cmake ninja-build g++ pkg-config \
	qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev libgl-dev \
	qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools \
	nlohmann-json3-dev libspdlog-dev libfmt-dev libsimdjson-dev catch2 \
	libsodium-dev qt6-multimedia-dev ccache libzxing-dev qt6-pdf-dev qt6-declarative-dev
# CPack's Debian package: dpkg-shlibdeps finds the library packages, file tells it what is ELF.
PACKAGE_PACKAGES := dpkg-dev file
# postgresql: the storage tests start a throw-away PostgreSQL 15 cluster; libqt6sql6-psql: its driver;
# python3-jsonschema: checks exported QuestionnaireResponses against HL7's R4 JSON schema.
TEST_PACKAGES  := diction poppler-utils zbar-tools xvfb xauth fonts-dejavu-core cage xwayland qt6-translations-l10n \
	desktop-file-utils appstream postgresql libqt6sql6-psql python3-jsonschema $(PACKAGE_PACKAGES)
# The kiosk's on-screen keyboard: a Qt plugin and the QML modules it loads at run time.
RUN_PACKAGES   := xvfb xauth qt6-translations-l10n qt6-virtualkeyboard-plugin qml6-module-qtquick-virtualkeyboard \
	qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-layouts qml6-module-qtqml-workerscript qml6-module-qt-labs-folderlistmodel \
	libqt6sql6-psql
BENCH_PACKAGES := nodejs npm
FORMAT_PACKAGES := clang-format
# libFuzzer comes with clang's runtime libraries.
FUZZ_PACKAGES  := clang libclang-rt-14-dev

.PHONY: all deps deps-test deps-run deps-bench deps-node deps-package configure build run test package bench asan fuzz format format-check clean

all: build

# Installs only what dpkg does not already report as installed.
define ensure_packages
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call ensure_packages,$(BUILD_PACKAGES))

deps-test: deps
	$(call ensure_packages,$(TEST_PACKAGES))

deps-package: deps
	$(call ensure_packages,$(PACKAGE_PACKAGES))

deps-run: deps
	$(call ensure_packages,$(RUN_PACKAGES))

# node and npm may come from elsewhere than Debian (a newer Node.js): only
# when either is missing are Debian's packages installed.
deps-bench: deps-test
	@if ! command -v node > /dev/null || ! command -v npm > /dev/null; then \
	  $(MAKE) --no-print-directory deps-node; \
	fi

deps-node:
	$(call ensure_packages,$(BENCH_PACKAGES))

# ccache, when installed, makes rebuilds in a fresh clone cheap; paths are
# taken relative to the checkout so clones in other folders share the cache.
CCACHE := $(shell command -v ccache 2>/dev/null)
ifneq ($(CCACHE),)
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true
LAUNCHER := -DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE)
endif

# The build options are all declared in CMakeLists.txt. In CI (CI=true: set by
# .ci/run and by the usual CI services) warnings in our code are errors;
# `make test WERROR=ON` does the same on a developer's machine.
WERROR ?= $(if $(filter true 1,$(CI)),ON,OFF)
CMAKE_ARGS = -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(LAUNCHER) -DSPINEPATH_WERROR=$(WERROR)
BUILD_ARGS = $(CMAKE_ARGS) -DSPINEPATH_BUILD_TESTS=ON -DSPINEPATH_BUILD_BENCH=ON

# Configures when the build folder is new or its options changed (then only
# what the change touches is rebuilt); otherwise Ninja re-runs CMake itself
# when a CMakeLists.txt changes.
configure: deps
	@args='$(BUILD_ARGS)'; \
	if [ ! -f $(BUILD_DIR)/build.ninja ] || [ "$$(cat $(BUILD_DIR)/make-configure-args 2>/dev/null)" != "$$args" ]; then \
	  echo "cmake -S . -B $(BUILD_DIR) $$args"; \
	  cmake -S . -B $(BUILD_DIR) $$args && echo "$$args" > $(BUILD_DIR)/make-configure-args; \
	fi

build: configure
	cmake --build $(BUILD_DIR)

# Without a display (a server, CI) the window opens on a virtual X server.
run: deps-run build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(BUILD_DIR)/src/app/spinepath $(ARGS); \
	else \
	  echo "No display found: starting SpinePath on a virtual X server (xvfb-run)."; \
	  xvfb-run -a -s "-screen 0 1280x800x24" $(BUILD_DIR)/src/app/spinepath $(ARGS); \
	fi

test: deps-test build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(CTEST_JOBS)

# The Debian package, $(BUILD_DIR)/spinepath_VERSION_amd64.deb (cmake/Package.cmake);
# `apt install ./$(BUILD_DIR)/spinepath_*.deb` installs it with what it needs.
package: deps-package build
	cd $(BUILD_DIR) && cpack -G DEB

bench: deps-bench build
	bench/run.sh $(BUILD_DIR)

asan: deps-test
	cmake -S . -B $(ASAN_DIR) $(CMAKE_ARGS) -DCMAKE_BUILD_TYPE=Debug -DSPINEPATH_ASAN=ON \
	  -DSPINEPATH_BUILD_TESTS=ON -DSPINEPATH_BUILD_BENCH=OFF
	cmake --build $(ASAN_DIR)
	cd $(ASAN_DIR) && QT_QPA_PLATFORM=offscreen \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  ctest --output-on-failure -j $(CTEST_JOBS)

# libFuzzer with ASan and UBSan (clang), in build-fuzz: every target of
# tests/fuzz runs FUZZ_SECONDS (default 60) on a copy of its seed corpus, with
# a 10 s limit per input for hangs; fails if any target crashes.
fuzz: deps
	$(call ensure_packages,$(FUZZ_PACKAGES))
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DSPINEPATH_ASAN=ON -DSPINEPATH_FUZZ=ON -DSPINEPATH_BUILD_TESTS=ON -DSPINEPATH_BUILD_BENCH=OFF
	cmake --build build-fuzz --target fuzz_jsonlogic fuzz_answers fuzz_questionnaire fuzz_article fuzz_ruleset fuzz_pages
	tests/fuzz/run.sh build-fuzz $(or $(FUZZ_SECONDS),60)

FORMAT_FILES = git ls-files '*.cpp' '*.h'

format:
	$(call ensure_packages,$(FORMAT_PACKAGES))
	$(FORMAT_FILES) | xargs -r clang-format -i

format-check:
	$(call ensure_packages,$(FORMAT_PACKAGES))
	$(FORMAT_FILES) | xargs -r clang-format --dry-run --Werror

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)

# econsync: `make demo` runs the main job on the embedded default, `make test` runs the tests.
# Both first install the Debian packages a fresh machine lacks (as root), or say how to.

# curl: the demo edits a record through the emulator's control API. sqlite3-tools: sqldiff, for `make bench`.
# tzdata: text output shows times in the local time zone (TZ), by name.
DEB_PACKAGES := libsqlite3-dev zlib1g-dev libcurl4-openssl-dev curl tzdata $(EXTRA_PACKAGES)
# For the tests only: the admin panel's pages are read in a real headless browser.
TEST_PACKAGES := chromium chromium-driver
SWIFT ?= swift

.PHONY: debs deps build release demo tour test asan chaos bench man

# The Debian packages alone: what building, the demo and the manual page need.
debs:
	@missing=""; \
	for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing Debian packages:$$missing"; \
	    echo "install them with: sudo apt-get update && sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

# The tests also need a real browser for the admin panel (Chromium and its driver, with PyPI selenium)
# and two Python modules (the emulator's schema checks and the conformance scripts).
deps:
	@$(MAKE) --no-print-directory debs DEB_PACKAGES="$(DEB_PACKAGES) $(TEST_PACKAGES)"
	@python3 -c "import jsonschema, openapi_schema_validator, selenium" 2>/dev/null || python3 -m pip install -q jsonschema openapi-schema-validator selenium

build: debs
	$(SWIFT) build --product econsync

release: debs
	$(SWIFT) build -c release --product econsync

demo: build
	.build/debug/econsync demo

# The manual page econsync.1, from the command definitions (swift-argument-parser's generate-manual
# plugin, on the debug build `make build` makes too): `man ./econsync.1`. Checked: not empty,
# describing the commands, and (where `man` is installed) read by it without a warning.
MAN_COMMANDS := init connect local reconcile sync status log run snapshot order config
man: debs
	rm -f .build/plugins/GenerateManual/outputs/econsync/econsync.1 econsync.1
	$(SWIFT) package --disable-sandbox generate-manual --configuration debug
	@# A blank line is not mdoc: the paragraph break of the commands' discussions is written as one (.Pp).
	sed 's/^$$/.Pp/' .build/plugins/GenerateManual/outputs/econsync/econsync.1 > econsync.1
	@test -s econsync.1 && grep -q '^\.Dt ECONSYNC 1' econsync.1 || { echo "econsync.1 is empty or not a manual page"; exit 1; }
	@for command in $(MAN_COMMANDS); do \
	  grep -Eq "^\.It Em \"?$$command(\"|,|\$$)" econsync.1 || { echo "econsync.1 does not describe econsync $$command"; exit 1; }; \
	done; echo "econsync.1: $$(wc -l < econsync.1) lines, the commands described"
	@if command -v man >/dev/null; then \
	  warnings=$$(MANPAGER=cat man -l ./econsync.1 2>&1 >/dev/null); \
	  [ -z "$$warnings" ] || { echo "man ./econsync.1 warns:"; echo "$$warnings" | head -5; exit 1; }; \
	fi

# A longer tour of the command line, step by step (scripts/demo.sh).
tour: build
	scripts/demo.sh .build/debug/econsync

# At most 16 tests at once: unbounded, Swift Testing starts nearly every test together (about 200
# emulators, 1,400 open descriptors), and Foundation's Process.run then reads past the end of its
# /proc/self/fd listing and can crash the test process. A crash prints only the crashed thread's
# backtrace, so the end of the log names where it happened.
TEST_ENV := SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH=16 \
	SWIFT_BACKTRACE=enable=yes,interactive=no,threads=crashed,registers=none,images=none

test: deps
	$(TEST_ENV) $(SWIFT) test

# The tests under AddressSanitizer (its own build folder; leak reports off, as the CLI's short-lived runs leave some).
asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build/asan
	ASAN_OPTIONS=detect_leaks=0 $(TEST_ENV) $(SWIFT) test --skip-build --sanitize=address --scratch-path .build/asan

# The reliability suite in full (crash matrix, fault soak, concurrency, fuzzing, damage); `make test` runs its short form.
chaos: deps
	$(SWIFT) build --build-tests
	ECONSYNC_CHAOS=full $(TEST_ENV) $(SWIFT) test --skip-build --filter "CrashMatrixTests|FaultSoakTests|ConcurrencyTests|FuzzTests|DamageTests" \
	  > .build/chaos.log 2>&1; status=$$?; grep -E "^chaos |Test run with|recorded an issue" .build/chaos.log; exit $$status

bench:
	$(MAKE) release EXTRA_PACKAGES=sqlite3-tools
	.build/release/econsync bench replica
	.build/release/econsync bench snapshot
	.build/release/econsync bench reconcile --records 1000000 --changed 1%
	.build/release/econsync bench merge --records 1000000

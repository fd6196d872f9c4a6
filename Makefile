# Herstelplan — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck system-deps bench soak clean bundle

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[test,bundle]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py

system-deps:
	@bash tools/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# mypy: strict on domain, store and services (pyproject.toml [tool.mypy] says which modules wait).
typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) system-deps lint typecheck
	$(BIN)/python -m pytest

soak: $(STAMP) system-deps
	HERSTELPLAN_SOAK=1 $(BIN)/python -m pytest -m slow

# The one-folder program for a practice (README "Install at a practice"): $(DIST)/Herstelplan/ and
# $(DIST)/Herstelplan-VERSION-linux-x86_64.tar.gz. tests/bundle builds it into a temporary DIST.
DIST    ?= dist
WORK    ?= build/pyinstaller
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' planner/__init__.py)
ARCHIVE := Herstelplan-$(VERSION)-linux-$(shell uname -m).tar.gz

bundle: $(STAMP)
	rm -rf $(DIST)/Herstelplan $(DIST)/$(ARCHIVE)
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath $(DIST) --workpath $(WORK) \
		packaging/herstelplan.spec
	tar -C $(DIST) --owner=0 --group=0 --numeric-owner -czf $(DIST)/$(ARCHIVE) Herstelplan
	@du -sh $(DIST)/Herstelplan $(DIST)/$(ARCHIVE)

bench: $(STAMP) system-deps
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info

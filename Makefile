# Herstelplan — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck system-deps bench soak clean bundle messages compile-messages

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[test,bundle]'
	@touch $(STAMP)

# Translations (planner/i18n.py): `make messages` extracts every message id into the template and
# updates each language's catalogue (then translate the new entries); compiling is part of run/test.
LOCALE   := resources/locale
POT      := $(LOCALE)/herstelplan.pot
KEYWORDS := -k N_ -k msg -k nmsg:1,2 -k pmsg:1c,2 -k word_id
messages: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg $(KEYWORDS) --no-location --sort-output --omit-header -o $(POT) .
	for po in $(LOCALE)/*/LC_MESSAGES/herstelplan.po; do \
		$(BIN)/pybabel -q update -i $(POT) -o $$po -l $$(basename $$(dirname $$(dirname $$po))) \
			--no-fuzzy-matching --ignore-obsolete --width 100; done

compile-messages: $(STAMP)
	$(BIN)/pybabel -q compile -d $(LOCALE) -D herstelplan --statistics

run: $(STAMP) compile-messages
	$(BIN)/python main.py

system-deps:
	@bash tools/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# mypy: strict on domain, store and services (pyproject.toml [tool.mypy] says which modules wait).
typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) system-deps lint typecheck compile-messages
	$(BIN)/python -m pytest

soak: $(STAMP) system-deps
	HERSTELPLAN_SOAK=1 $(BIN)/python -m pytest -m slow

# The one-folder program for a practice (README "Install at a practice"): $(DIST)/Herstelplan/ and
# $(DIST)/Herstelplan-VERSION-linux-x86_64.tar.gz. tests/bundle builds it into a temporary DIST.
DIST    ?= dist
WORK    ?= build/pyinstaller
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' planner/__init__.py)
ARCHIVE := Herstelplan-$(VERSION)-linux-$(shell uname -m).tar.gz

bundle: $(STAMP) compile-messages
	rm -rf $(DIST)/Herstelplan $(DIST)/$(ARCHIVE)
	$(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath $(DIST) --workpath $(WORK) \
		packaging/herstelplan.spec
	tar -C $(DIST) --owner=0 --group=0 --numeric-owner -czf $(DIST)/$(ARCHIVE) Herstelplan
	@du -sh $(DIST)/Herstelplan $(DIST)/$(ARCHIVE)

bench: $(STAMP) system-deps
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info

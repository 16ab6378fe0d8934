# Touchpoint. `make run` serves the demo; `make test` runs the suite. Both work from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The dev settings build the site's base URL (links in e-mails, certificates, seed_demo's
# sign-in address) from these, so `make run PORT=8001` links to port 8001.
export HOST PORT

.PHONY: run test install migrate seed worker lint format check clean messages messages-check

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

# Dev server and background worker together; Ctrl-C stops both.
run: seed
	@echo "Starting the worker and the dev server on http://$(HOST):$(PORT) (Ctrl-C stops both)"
	@$(PY) manage.py db_worker & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: install
	$(PY) manage.py db_worker

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media static

# The interface's Hindi and Marathi catalogues (locale/): gather every marked string, then compile.
# Needs GNU gettext (apt-get install gettext). Terms: locale/GLOSSARY.md.
MESSAGES_IGNORE := --ignore ".venv/*" --ignore "tests/*" --ignore "bench/*" --ignore "deploy/*"
messages: install
	$(PY) manage.py makemessages -l hi -l mr $(MESSAGES_IGNORE) --no-obsolete -v0
	$(PY) manage.py compilemessages -v0 --ignore ".venv/*"

# Fails when a marked string is missing from a catalogue, untranslated or fuzzy (CI runs this).
messages-check: messages
	@for po in locale/*/LC_MESSAGES/django.po; do \
		stats=$$(msgfmt --check --statistics -o /dev/null $$po 2>&1) || { echo "$$po: $$stats"; exit 1; }; \
		echo "$$po: $$stats"; \
		case "$$stats" in *untranslated*|*fuzzy*) echo "$$po is incomplete: run make messages and translate" >&2; exit 1;; esac; \
	done


# news-archive: the two set-up commands (make demo, make test) and helpers.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install demo test bench lint clean

$(BIN)/news-archive: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,lint]'
	touch $(BIN)/news-archive

install: $(BIN)/news-archive

demo: install
	$(BIN)/news-archive demo --db demo.db

test: install
	$(BIN)/python -m pytest -q

# ruff, then the import contract of pyproject.toml (the layers: see README "Layout").
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) demo.db demo.db-* .pytest_cache

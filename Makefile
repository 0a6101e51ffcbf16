# news-archive: the two set-up commands (make demo, make test) and helpers.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install demo test test-scrapy-min bench lint clean

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

# The fetch-error and crawl-path tests again on the lowest Scrapy we allow (2.14, with the
# Twisted it needs), in a second venv: Scrapy 2.15 renamed the exceptions a failure carries.
MIN_VENV = .venv-scrapy-min
SCRAPY_MIN = scrapy>=2.14,<2.15

$(MIN_VENV)/bin/python: pyproject.toml
	$(PYTHON) -m venv $(MIN_VENV)
	$(MIN_VENV)/bin/pip install --quiet -e '.[test]' '$(SCRAPY_MIN)'
	touch $(MIN_VENV)/bin/python

test-scrapy-min: $(MIN_VENV)/bin/python
	$(MIN_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/test_fetch_errors.py tests/test_one_path.py \
		tests/test_scope.py tests/test_resource_limits.py tests/test_failure_details.py

# ruff, the import contract of pyproject.toml (the layers: see README "Layout"), then mypy.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) $(MIN_VENV) demo.db demo.db-* warcs .pytest_cache

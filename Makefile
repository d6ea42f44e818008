# The README's two commands (`make reproduce`, `make test`) and a few more for developers.
# Each target creates .venv on first use: CPU torch 2.13.0 pinned, then this package with its dev and gguf extras.
PROFILE ?= cpu
VENV ?= .venv
BIN := $(VENV)/bin
export CARLORA_DATA ?= $(abspath ../shared/data)
export MPLBACKEND ?= Agg
export TOKENIZERS_PARALLELISM ?= false
# llama-cpp-python (the gguf extra) is source only: skip its multimodal library, the faster build
export CMAKE_ARGS ?= -DLLAVA_BUILD=OFF

.PHONY: test reproduce docs export check-sync venv

$(BIN)/.installed: settings.ini setup.py
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e ".[dev,gguf]"
	$(BIN)/python -m pip check
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

venv: $(BIN)/.installed

test: venv        ## fast tests: every notebook with slow cells skipped (includes the table suite on the smoke profile)
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/nbdev_test --n_workers 2

reproduce: venv   ## the main job: the paper table suite on $(PROFILE) (default: cpu) -> results/
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/carlora suite --profile $(PROFILE) --out results

DOCS_WORKERS ?= 1
docs: venv        ## static docs site in _site/ (no quarto needed): fast cells executed (cached in .docs_cache/), executed results when present
	$(BIN)/carlora docs --readme
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/carlora docs --out _site --workers $(DOCS_WORKERS) $(if $(wildcard results/notebooks),--extra Results=results/notebooks)
	@echo "open _site/index.html"

export: venv      ## clean the notebooks first (cell ids), then export: the order check-sync expects
	$(BIN)/nbdev_clean && $(BIN)/nbdev_export

check-sync: venv  ## the committed tree must be exported, clean, and README.md rendered from nbs/index.ipynb
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean && $(BIN)/carlora docs --readme >/dev/null && git diff --exit-code

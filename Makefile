# PST Front Office — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# First Python >= 3.12 found: $PYTHON, python3.13/3.12 on PATH, pyenv versions, then python3.
PYTHON_CANDIDATES := $(PYTHON) python3.14 python3.13 python3.12 $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3) python3
FIND_PYTHON := for p in $(PYTHON_CANDIDATES); do \
	  if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v $$p; exit 0; fi; \
	done; exit 1

.PHONY: help venv run test test-cepat test-postgres test-jam migrate demo serve clean

help:
	@echo "make run    — siapkan .venv, migrasi, data demo, jalankan di http://127.0.0.1:$(PORT) beserta worker pesan"
	@echo "make test   — siapkan .venv lalu jalankan seluruh pengujian (termasuk browser)"
	@echo "make test-cepat — pengujian tanpa browser, untuk putaran ubah-uji"
	@echo "make test-postgres — seluruh pengujian pada PostgreSQL sementara di 127.0.0.1"
	@echo "make test-jam — pengujian tanpa browser pada 1 Januari 00.10 dan Rabu 23.50 waktu kantor"
	@echo "make serve  — gunicorn dengan pengaturan produksi di http://127.0.0.1:$(PORT)"
	@echo "make loadtest, make bench, make bench-laporan, make bench-bobot, make bench-provinsi — uji beban dan benchmark (docs/kinerja.md)"

$(STAMP): requirements.txt requirements-test.txt
	@PYBIN=$$($(FIND_PYTHON)) || { \
	  echo "Python 3.12 atau lebih baru tidak ditemukan."; \
	  echo "Pasang salah satu: 'apt-get install python3.12 python3.12-venv', 'pyenv install 3.13', atau unduh dari python.org;"; \
	  echo "lalu jalankan lagi, atau tunjuk langsung: make run PYTHON=/jalur/ke/python3.12"; exit 1; }; \
	echo "Memakai $$PYBIN ($$($$PYBIN --version))"; \
	if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then rm -rf $(VENV); fi; \
	[ -x $(PY) ] || $$PYBIN -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-test.txt
	@touch $(STAMP)

venv: $(STAMP)

migrate: venv
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py siapkan_demo
	$(PY) manage.py jadwal_demo

# The web server and the outbox worker (manage.py worker_pesan, restarted when it stops) together; Ctrl+C stops both.
run: demo
	@echo "Membuka PST Front Office di http://127.0.0.1:$(PORT) — akun demo di atas, kata sandi demo12345"
	@bash scripts/jalankan.sh $(PY) $(PORT)

test: venv
	@bash scripts/pastikan-chromium.sh
	@bash scripts/pastikan-node.sh
	$(PY) -m pytest $(PYTEST_ARGS)

# The suite without the browser tests, for the edit loop (CI still runs everything).
test-cepat: venv
	@bash scripts/pastikan-node.sh
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

# The whole suite on a throwaway PostgreSQL cluster (installed from Debian when missing).
# PADA="YYYY-MM-DD HH:MM +ZZZZ" runs it with the clock set to that moment (the server keeps its own):
# CI gives Monday 1 January 00.10, so every run takes the browser tests through the first minutes
# of a week, a month and a year on a national holiday, which `make test` meets only by chance.
test-postgres: venv
	@bash scripts/pastikan-chromium.sh
	@bash scripts/pastikan-node.sh
	bash scripts/dengan-postgres.sh $(if $(PADA),bash scripts/pada-waktu.sh "$(PADA)") $(PY) -m pytest $(PYTEST_ARGS)

# The suite without the browser at the two hardest office times (Asia/Makassar, the default zone):
# 00.10 on 1 January, a national holiday, when office and UTC dates differ; 23.50 on an ordinary
# Wednesday, the last minutes of an office day that is already the next day nowhere else.
test-jam: venv
	@bash scripts/pastikan-node.sh
	bash scripts/pada-waktu.sh "2027-01-01 00:10 +0800" $(PY) -m pytest -m "not browser" $(PYTEST_ARGS)
	bash scripts/pada-waktu.sh "2026-12-02 23:50 +0800" $(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

# gunicorn with production settings on this machine. Without SECRET_KEY a random one is made
# for this run only (sessions end when it stops); plain HTTP locally, so cookies are not Secure.
serve: venv
	@bash deploy/serve.sh $(PORT)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# --- Load test and benchmark (docs/kinerja.md): PostgreSQL on 127.0.0.1, gunicorn with production settings.
# A throwaway cluster is started unless DATABASE_URL points at PostgreSQL.
SIZES ?= 100000,1000000
.PHONY: loadtest bench bench-laporan bench-bobot bench-provinsi
loadtest: venv
	$(PY) scripts/loadtest.py

# Pages side by side as ratios to the bare logged-in page, where their time goes in-process, the
# middleware stack against a minimal one, the yearly Excel; then the five-year reports and the page
# weights. The later parts run even when a target is missed; the exit code still says so.
bench: venv
	$(PY) scripts/bench.py --ukuran $(SIZES); hasil=$$?; $(MAKE) bench-laporan bench-bobot bench-provinsi && exit $$hasil

# The visitor's pages in bytes (gzip, with every file they load): phone pages under 30 KB.
bench-bobot: venv
	$(PY) scripts/bobot_halaman.py

# The province's roll-up at 38 offices × 5 years of daily summaries on PostgreSQL (target: a year under 300 ms).
bench-provinsi: venv
	bash scripts/dengan-postgres.sh $(PY) scripts/bench_provinsi.py

# Reports at five years of a busy office (~70,000 services, ~20,000 ratings) on PostgreSQL.
bench-laporan: venv
	bash scripts/dengan-postgres.sh $(PY) scripts/bench_laporan.py

"""Reading settings from the environment (pst_frontoffice/settings.py): yes/no, numbers, lists and
the database."""

import os

import dj_database_url


def envbool(name, default):
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


def envint(name, default):
    return int(os.environ.get(name, default))


def envlist(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def basis_data(url, *, umur_koneksi, biaya_paralel):
    """The DATABASES entry for DATABASE_URL, with what each engine needs under the app's load."""
    db = dj_database_url.parse(url, conn_max_age=umur_koneksi, conn_health_checks=True)
    if db["ENGINE"] == "django.db.backends.postgresql":
        # A page's queries read hundreds of rows, yet their plan cost can pass PostgreSQL's bar for
        # a parallel plan, and starting a worker took 5-8 ms of a 9 ms query (the IKM page at a
        # million services: 38 -> 30 ms). A higher set-up cost keeps parallel plans for the scans
        # big enough to gain from them (a year's export); 0 leaves the server's own setting.
        db["OPTIONS"] = opsi_biaya_paralel(db.get("OPTIONS", {}), biaya_paralel)
    if db["ENGINE"] == "django.db.backends.sqlite3":
        # Wait for a writer instead of failing at once when two officers save together.
        db["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
        db["CONN_MAX_AGE"] = 0
    return db


def opsi_biaya_paralel(opsi, biaya):
    """The PostgreSQL connection OPTIONS with `parallel_setup_cost` set to `biaya` for the session
    (libpq's `options`), after whatever the DATABASE_URL's own `?options=` says; 0, or a cost the
    URL already sets, leaves them as they are."""
    lama = opsi.get("options", "")
    if not biaya or "parallel_setup_cost" in lama:
        return opsi
    return {**opsi, "options": f"{lama} -c parallel_setup_cost={biaya}".strip()}

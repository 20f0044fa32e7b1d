"""Reading settings from the environment (pst_frontoffice/settings.py): yes/no, numbers and lists."""

import os


def envbool(name, default):
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


def envint(name, default):
    return int(os.environ.get(name, default))


def envlist(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def opsi_biaya_paralel(opsi, biaya):
    """The PostgreSQL connection OPTIONS with `parallel_setup_cost` set to `biaya` for the session
    (libpq's `options`), after whatever the DATABASE_URL's own `?options=` says; 0, or a cost the
    URL already sets, leaves them as they are."""
    lama = opsi.get("options", "")
    if not biaya or "parallel_setup_cost" in lama:
        return opsi
    return {**opsi, "options": f"{lama} -c parallel_setup_cost={biaya}".strip()}

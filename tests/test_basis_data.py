"""How the app's PostgreSQL sessions are set up (pst_frontoffice/settings.py).

A page's queries read hundreds of rows; PostgreSQL must not start parallel workers for them (5-8 ms
each to start), only for the scans big enough to gain (docs/kinerja.md, docs/operasi.md).
"""

import pytest
from django.db import connection

from pst_frontoffice.lingkungan import basis_data, opsi_biaya_paralel


def test_parallel_set_up_cost_is_added_to_the_session_options():
    assert opsi_biaya_paralel({}, 10000) == {"options": "-c parallel_setup_cost=10000"}


def test_the_database_urls_own_options_are_kept_and_win():
    assert opsi_biaya_paralel({"options": "-c statement_timeout=5000", "sslmode": "require"}, 10000) == {
        "options": "-c statement_timeout=5000 -c parallel_setup_cost=10000", "sslmode": "require",
    }
    sendiri = {"options": "-c parallel_setup_cost=2000"}
    assert opsi_biaya_paralel(sendiri, 10000) == sendiri


def test_zero_leaves_the_servers_own_setting():
    assert opsi_biaya_paralel({"sslmode": "require"}, 0) == {"sslmode": "require"}


def test_each_engine_gets_its_own_options():
    pg = basis_data("postgres://pst@db.lan:5432/pst?sslmode=require", umur_koneksi=60, biaya_paralel=10000)
    assert pg["OPTIONS"] == {"sslmode": "require", "options": "-c parallel_setup_cost=10000"}
    assert pg["CONN_MAX_AGE"] == 60 and pg["CONN_HEALTH_CHECKS"] is True

    # SQLite (make run): a writer waits for another instead of failing; no connection is kept.
    lite = basis_data("sqlite:////tmp/pst.sqlite3", umur_koneksi=60, biaya_paralel=10000)
    assert lite["OPTIONS"] == {"timeout": 20, "transaction_mode": "IMMEDIATE"} and lite["CONN_MAX_AGE"] == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL session setting; `make test-postgres`")
@pytest.mark.django_db
def test_the_apps_postgresql_sessions_carry_the_parallel_set_up_cost():
    with connection.cursor() as cursor:
        cursor.execute("SHOW parallel_setup_cost")
        assert cursor.fetchone()[0] == "10000"

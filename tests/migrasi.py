"""Tests of data migrations: the schema as it stood before a migration, rows written there with that
state's models, then the latest state, where the test reads what the migration made of them."""

import contextlib
import datetime
import types

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def ke(target):
    """Migrate to `target` ([(app, migration)]) and return that state's models (`apps`)."""
    MigrationExecutor(connection).migrate(target)
    return MigrationExecutor(connection).loader.project_state(target).apps


def ke_terbaru():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def hanya_sebelum(app, migrasi):
    """Every other app as it is now: only `migrasi` of `app` (and what comes after it) undone."""
    return [n for n in MigrationExecutor(connection).loader.graph.leaf_nodes() if n[0] != app] + [(app, migrasi)]


@contextlib.contextmanager
def sebelum(target):
    """The models of the state `target`; back to the latest state, later migrations included, on leaving
    (also when the rows could not be written), for the tests that follow."""
    try:
        yield ke(target)
    finally:
        ke_terbaru()


def data_lama(apps):
    """The rows most old states need: a kind of service, an officer, a visitor; `kunjungan(**isian)` a visit."""
    jenis = apps.get_model("bukutamu", "JenisLayanan").objects.create(kode="uji", nama="Uji", prefix_antrian="U")
    petugas = apps.get_model("pst_frontoffice", "User").objects.create(email="lama@example.com", nama="Lama", peran="petugas")
    pengunjung = apps.get_model("bukutamu", "Pengunjung").objects.create(nama="Tamu Lama")

    def kunjungan(**isian):
        isian = {"pengunjung": pengunjung, "waktu": datetime.datetime(2026, 1, 5, 2, tzinfo=datetime.UTC),
                 "sarana": "langsung", "keperluan": "Data lama", "dicatat_oleh": petugas, **isian}
        return apps.get_model("bukutamu", "Kunjungan").objects.create(**isian)

    return types.SimpleNamespace(jenis=jenis, petugas=petugas, pengunjung=pengunjung, kunjungan=kunjungan)

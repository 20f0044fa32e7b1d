"""The visitor autocomplete stays fast on a large guest book: trigram indexes on PostgreSQL."""

import pytest
from django.db import connection

from bukutamu.models import Pengunjung
from bukutamu.kunjungan import cari_pengunjung

pytestmark = pytest.mark.django_db

INDEKS_TRIGRAM = {"pengunjung_nama_trgm", "pengunjung_email_trgm", "pengunjung_instansi_trgm",
                  "pengunjung_no_hp_trgm", "kunjungan_instansi_trgm", "kunjungan_keperluan_trgm",
                  "kunjungan_nama_trgm"}


def _indeks():
    with connection.cursor() as cursor:
        return {
            i for t in ("bukutamu_pengunjung", "bukutamu_kunjungan")
            for i in connection.introspection.get_constraints(cursor, t)
        }


def _pengunjung(n):
    Pengunjung.objects.bulk_create([
        Pengunjung(nama=f"Orang {i} Santoso" if i % 7 else f"Siti Lubis {i}", instansi="Bappeda",
                   no_hp=f"62813{i:08d}", email=f"orang{i}@contoh.id")
        for i in range(n)
    ])


def test_autocomplete_still_finds_by_part_of_name_email_and_phone():
    _pengunjung(30)

    assert {p.nama for p in cari_pengunjung("siti lub")} == {f"Siti Lubis {i}" for i in range(0, 30, 7)}
    assert [p.email for p in cari_pengunjung("orang12@")] == ["orang12@contoh.id"]
    assert [p.no_hp for p in cari_pengunjung("081300000013")] == ["6281300000013"]


def test_trigram_indexes_exist_on_postgresql_and_nowhere_else():
    if connection.vendor == "postgresql":
        assert INDEKS_TRIGRAM <= _indeks()
    else:
        assert not INDEKS_TRIGRAM & _indeks()
    assert "pengunjung_diperbarui_idx" in _indeks()


def test_autocomplete_uses_an_index_not_a_full_scan_and_sort():
    _pengunjung(200)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE bukutamu_pengunjung")
            # A tiny table is always read whole; ask the planner what it would do on a big one.
            cursor.execute("SET enable_seqscan = off")

    rencana = cari_pengunjung("siti lub").explain()

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan")
        assert "Seq Scan" not in rencana
        assert "_trgm" in rencana or "pengunjung_diperbarui_idx" in rencana
    else:
        # SQLite walks the newest-first index and stops at the eighth match.
        assert "USING INDEX pengunjung_diperbarui_idx" in rencana


def test_dashboard_finished_today_count_reads_an_index(buat_layanan, petugas):
    from django.utils import timezone

    from layanan.models import Layanan, Status
    from pst_frontoffice.kalender import awal_hari, hari_ini

    buat_layanan().ubah_status(Status.SELESAI, oleh=petugas)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE layanan_layanan")
            cursor.execute("SET enable_seqscan = off")
    qs = Layanan.objects.filter(status=Status.SELESAI, selesai_pada__gte=awal_hari(hari_ini()))

    rencana = qs.order_by().explain()  # as count() asks it: no ordering

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan")
    with connection.cursor() as cursor:
        assert "layanan_selesai_pada_idx" in connection.introspection.get_constraints(cursor, "layanan_layanan")
    if connection.vendor == "postgresql":
        assert "layanan_selesai_pada_idx" in rencana
    assert qs.count() == 1 and qs.get().selesai_pada <= timezone.now()

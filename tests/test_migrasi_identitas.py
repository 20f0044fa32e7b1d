"""The migration that gives each visit its own identity fills it from today's visitor records."""

import datetime
import importlib

import pytest

from bukutamu.models import Kunjungan
from tests import migrasi

SEBELUM = [("bukutamu", "0006_pendaftaran_mandiri")]


@pytest.mark.django_db(transaction=True)
def test_existing_visits_take_the_visitor_record_as_it_stands_today():
    with migrasi.sebelum(SEBELUM) as apps:
        User = apps.get_model("pst_frontoffice", "User")
        Pengunjung = apps.get_model("bukutamu", "Pengunjung")
        KunjunganLama = apps.get_model("bukutamu", "Kunjungan")
        petugas = User.objects.create(email="lama@example.com", nama="Lama", peran="petugas")
        dewi = Pengunjung.objects.create(
            nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", jenis_instansi="pendidikan",
            no_hp="6281298765432", email="dewi@ulm.ac.id",
        )
        budi = Pengunjung.objects.create(nama="Budi", instansi="", jenis_instansi="perorangan", no_hp="6281300000001")
        waktu = datetime.datetime(2026, 1, 5, 2, tzinfo=datetime.UTC)
        # The visit of Dewi had its own agency typed that day; Budi's had none.
        lama_dewi = KunjunganLama.objects.create(
            pengunjung=dewi, waktu=waktu, sarana="langsung", keperluan="Data IPM", instansi="Bappeda", dicatat_oleh=petugas
        )
        lama_budi = KunjunganLama.objects.create(
            pengunjung=budi, waktu=waktu, sarana="langsung", keperluan="Data inflasi", dicatat_oleh=petugas
        )

    k_dewi = Kunjungan.objects.get(pk=lama_dewi.pk)
    k_budi = Kunjungan.objects.get(pk=lama_budi.pk)
    assert (k_dewi.nama, k_dewi.instansi, k_dewi.jenis_instansi, k_dewi.no_hp, k_dewi.email) == (
        "Dewi Lestari", "Bappeda", "pendidikan", "6281298765432", "dewi@ulm.ac.id"
    )
    assert (k_budi.nama, k_budi.instansi, k_budi.no_hp, k_budi.email) == ("Budi", "", "6281300000001", "")
    assert k_dewi.kontak_dikonfirmasi and k_budi.kontak_dikonfirmasi


def test_the_migration_says_earlier_overwrites_cannot_be_undone():
    catatan = importlib.import_module("bukutamu.migrations.0007_kunjungan_identitas").__doc__
    assert "cannot be undone" in catatan

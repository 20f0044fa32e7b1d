"""backup → wipe → restore gives the same data and files (runs on SQLite and on PostgreSQL)."""

import json
import shutil
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bukutamu.bawaan import pastikan_jenis_bawaan
from bukutamu.models import JenisLayanan, Kunjungan, Pengunjung
from layanan.models import Layanan, RiwayatLayanan, Status
from pst_frontoffice.cadangan import data_terisi, jumlah_per_model
from pst_frontoffice.models import PengaturanKantor, User

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "surat" / "2026").mkdir(parents=True)
    return settings.MEDIA_ROOT


def _backup(folder):
    call_command("backup", folder=str(folder), stdout=open("/dev/null", "w"))
    (arsip,) = folder.glob("pst-cadangan-*.tar.gz")
    return arsip


def _hapus_semua(media):
    """A fresh installation: no data, but what migrate and the first request create."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    PengaturanKantor.get()
    pastikan_jenis_bawaan(JenisLayanan)


def test_backup_then_restore_into_an_empty_installation_gives_the_same_data(
    buat_kunjungan, petugas, petugas2, media, tmp_path
):
    kunjungan = buat_kunjungan("permintaan-data", "konsultasi", nama="Siti Nurhaliza", email="siti@contoh.id")
    layanan = kunjungan.layanan.get(jenis__kode="permintaan-data")
    layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    layanan.atur_pendamping([petugas2], oleh=petugas)
    kantor = PengaturanKantor.get()
    kantor.nama_kantor = "BPS Provinsi Bengkulu"
    kantor.save()
    isi_pdf = b"%PDF-1.4 surat balasan \x00\xff"
    (media / "surat" / "2026" / "balasan.pdf").write_bytes(isi_pdf)
    sebelum = jumlah_per_model()
    riwayat_sebelum = list(RiwayatLayanan.objects.order_by("pk").values_list("pk", "ke_status", "oleh__email", "waktu"))

    arsip = _backup(tmp_path / "cadangan")
    _hapus_semua(media)
    assert not User.objects.exists()
    call_command("restore", str(arsip), stdout=open("/dev/null", "w"))

    assert jumlah_per_model() == sebelum
    pulih = Layanan.objects.get(pk=layanan.pk)
    assert pulih.status == Status.DIPROSES
    assert pulih.kunjungan.pengunjung.email == "siti@contoh.id"
    assert list(pulih.pendamping.values_list("email", flat=True)) == [petugas2.email]
    assert list(RiwayatLayanan.objects.order_by("pk").values_list("pk", "ke_status", "oleh__email", "waktu")) == riwayat_sebelum
    assert PengaturanKantor.get().nama_kantor == "BPS Provinsi Bengkulu"
    assert (media / "surat" / "2026" / "balasan.pdf").read_bytes() == isi_pdf
    # Passwords came back: the officer can log in again.
    assert User.objects.get(email=petugas.email).check_password("rahasia-uji-123")
    # New rows continue after the restored keys.
    baru = buat_kunjungan("konsultasi", nama="Tamu Sesudah Pulih")
    assert baru.pk > kunjungan.pk
    assert Layanan.objects.count() == sebelum["layanan.layanan"] + 1


def test_backup_archive_holds_a_manifest_with_counts(buat_kunjungan, media, tmp_path):
    buat_kunjungan("konsultasi")
    (media / "surat" / "a.pdf").write_bytes(b"%PDF-1.4")

    arsip = _backup(tmp_path)

    with tarfile.open(arsip) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        nama = tar.getnames()
    assert manifest["format"] == 1
    assert manifest["jumlah"]["layanan.layanan"] == 1
    assert manifest["jumlah"]["bukutamu.pengunjung"] == 1
    assert manifest["berkas_media"] == 1
    assert "media/surat/a.pdf" in nama
    assert any(n.startswith("data/") for n in nama)
    assert not list(tmp_path.glob(".*sebagian"))


def test_restore_refuses_a_database_that_has_data(buat_kunjungan, media, tmp_path):
    buat_kunjungan("konsultasi")
    arsip = _backup(tmp_path)
    buat_kunjungan("konsultasi", nama="Ditulis sesudah cadangan")

    with pytest.raises(CommandError, match="tidak kosong"):
        call_command("restore", str(arsip))

    assert Pengunjung.objects.filter(nama="Ditulis sesudah cadangan").exists()


def test_restore_paksa_replaces_the_data(buat_kunjungan, media, tmp_path):
    buat_kunjungan("konsultasi", nama="Ada Di Cadangan")
    arsip = _backup(tmp_path)
    buat_kunjungan("konsultasi", nama="Ditulis sesudah cadangan")

    call_command("restore", str(arsip), paksa=True, stdout=open("/dev/null", "w"))

    assert list(Pengunjung.objects.values_list("nama", flat=True)) == ["Ada Di Cadangan"]
    assert Kunjungan.objects.count() == 1
    assert data_terisi()["bukutamu.pengunjung"] == 1


def test_restore_rejects_a_file_that_is_not_a_backup(db, tmp_path):
    palsu = tmp_path / "bukan.tar.gz"
    palsu.write_bytes(b"bukan arsip")

    with pytest.raises(CommandError, match="bukan arsip cadangan"):
        call_command("restore", str(palsu))

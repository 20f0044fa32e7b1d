"""backup → wipe → restore gives the same data and files (runs on SQLite and on PostgreSQL)."""

import io
import json
import shutil
import tarfile

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
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


# --- Admin history, damaged archives, Docker --------------------------------------------------

def test_backup_keeps_django_admins_history(admin_user, media, tmp_path):
    kantor = PengaturanKantor.get()
    LogEntry.objects.create(
        user=admin_user, content_type=ContentType.objects.get_for_model(kantor), object_id=str(kantor.pk),
        object_repr=str(kantor), action_flag=CHANGE, change_message="Nama kantor diubah.",
    )
    sebelum = jumlah_per_model()
    assert sebelum["admin.logentry"] == 1

    arsip = _backup(tmp_path / "cadangan")
    _hapus_semua(media)
    call_command("restore", str(arsip), stdout=open("/dev/null", "w"))

    assert jumlah_per_model() == sebelum  # also: restoring the history logs no new activity
    entri = LogEntry.objects.get()
    assert (entri.user.email, entri.content_type.model, entri.change_message) == (
        admin_user.email, "pengaturankantor", "Nama kantor diubah."
    )


@pytest.mark.parametrize("rusak", ["terpotong", "bit-terbalik"])
def test_a_truncated_or_corrupt_archive_gives_a_clear_message_and_changes_nothing(buat_kunjungan, media, tmp_path, rusak):
    buat_kunjungan("konsultasi", nama="Ada Di Cadangan")
    for n in range(40):  # enough rows that the data lies past the manifest
        buat_kunjungan("konsultasi", nama=f"Pengunjung Cadangan {n}", keperluan="x" * 500)
    (media / "surat" / "besar.pdf").write_bytes(bytes(range(256)) * 4000)
    isi = _backup(tmp_path / "asli").read_bytes()
    arsip = tmp_path / "pst-cadangan-rusak.tar.gz"
    if rusak == "terpotong":
        arsip.write_bytes(isi[: len(isi) // 2])
    else:
        tengah = len(isi) // 2
        arsip.write_bytes(isi[:tengah] + bytes(b ^ 0xFF for b in isi[tengah:tengah + 64]) + isi[tengah + 64:])
    buat_kunjungan("konsultasi", nama="Ditulis sesudah cadangan")
    sebelum = jumlah_per_model()

    with pytest.raises(CommandError) as galat:
        call_command("restore", str(arsip), paksa=True)

    pesan = str(galat.value)
    assert "terpotong atau rusak" in pesan and "Tidak ada data yang diubah" in pesan
    assert "Traceback" not in pesan and "Error" not in pesan
    assert jumlah_per_model() == sebelum
    assert Pengunjung.objects.filter(nama="Ditulis sesudah cadangan").exists()


def test_an_archive_with_broken_data_inside_gives_a_clear_message(buat_kunjungan, media, tmp_path):
    buat_kunjungan("konsultasi")
    asli = _backup(tmp_path / "asli")
    arsip = tmp_path / "pst-cadangan-isi-rusak.tar.gz"
    with tarfile.open(asli) as masuk, tarfile.open(arsip, "w:gz") as keluar:
        for anggota in masuk.getmembers():
            isi = masuk.extractfile(anggota).read() if anggota.isfile() else None
            if anggota.name.startswith("data/"):
                isi = isi[: len(isi) // 2]  # a cut JSON file
                anggota.size = len(isi)
            keluar.addfile(anggota, io.BytesIO(isi) if isi is not None else None)
    sebelum = jumlah_per_model()

    with pytest.raises(CommandError, match="terpotong atau rusak: data/"):
        call_command("restore", str(arsip), paksa=True)
    assert jumlah_per_model() == sebelum


def test_a_missing_archive_is_named_in_indonesian(db, tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("restore", str(tmp_path / "tidak-ada.tar.gz"))


def test_backup_folder_comes_from_backup_dir(db, media, tmp_path, monkeypatch):
    monkeypatch.setenv("BACKUP_DIR", str(tmp_path / "dari-env"))
    call_command("backup", stdout=open("/dev/null", "w"))
    assert len(list((tmp_path / "dari-env").glob("pst-cadangan-*.tar.gz"))) == 1


def test_a_backup_folder_that_is_a_file_gives_a_clear_message(db, media, tmp_path):
    berkas = tmp_path / "cadangan"
    berkas.write_text("bukan folder")
    with pytest.raises(CommandError, match="bukan folder"):
        call_command("backup", folder=str(berkas))

"""Restore trusts nothing in the archive: it checks everything before it writes anything.

An archive is a file someone hands the operator. Rows added to a data file (a second Admin with a
known password), a model the backup never holds, a link or a name outside the archive's layout, a
gzip bomb, JSON nested a million deep: each is refused with an Indonesian message and the database
and the uploaded files stay as they were. Backups hold password hashes: only their owner reads them.
"""

import io
import json
import os
import stat
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bukutamu.models import Pengunjung
from pst_frontoffice.cadangan import jumlah_per_model
from pst_frontoffice.models import User

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "surat").mkdir(parents=True)
    (settings.MEDIA_ROOT / "surat" / "a.pdf").write_bytes(b"%PDF-1.4 asli")
    return settings.MEDIA_ROOT


@pytest.fixture
def cadangan(buat_kunjungan, admin_user, media, tmp_path):
    buat_kunjungan("konsultasi", nama="Ada Di Cadangan")
    call_command("backup", folder=str(tmp_path / "asli"), stdout=open("/dev/null", "w"))
    (arsip,) = (tmp_path / "asli").glob("pst-cadangan-*.tar.gz")
    # What happened after the backup: a restore that fails must leave it in place.
    buat_kunjungan("konsultasi", nama="Ditulis sesudah cadangan")
    return arsip


def _ubah(asli, tujuan, *, data=None, tambah=(), manifest=None):
    """A copy of the archive with data files changed by `data(name, rows)`, members added, the manifest changed."""
    with tarfile.open(asli) as masuk, tarfile.open(tujuan, "w:gz") as keluar:
        for anggota in masuk.getmembers():
            isi = masuk.extractfile(anggota).read()
            if anggota.name.startswith("data/") and data:
                isi = json.dumps(data(anggota.name, json.loads(isi))).encode()
            if anggota.name == "manifest.json" and manifest:
                isi = json.dumps(manifest(json.loads(isi))).encode()
            anggota.size = len(isi)
            keluar.addfile(anggota, io.BytesIO(isi))
        for anggota, isi in tambah:
            keluar.addfile(anggota, io.BytesIO(isi) if isi is not None else None)
    return tujuan


def _gagal_tanpa_perubahan(arsip, media, pola):
    sebelum = jumlah_per_model()
    nama_sebelum = set(Pengunjung.objects.values_list("nama", flat=True))
    berkas_sebelum = sorted(p.relative_to(media) for p in media.rglob("*"))

    with pytest.raises(CommandError, match=pola) as galat:
        call_command("restore", str(arsip), paksa=True)

    assert "Traceback" not in str(galat.value) and "Error" not in str(galat.value)
    assert jumlah_per_model() == sebelum
    assert set(Pengunjung.objects.values_list("nama", flat=True)) == nama_sebelum
    assert sorted(p.relative_to(media) for p in media.rglob("*")) == berkas_sebelum
    assert not User.objects.filter(email="penyusup@example.com").exists()
    return str(galat.value)


def _tambah_admin(nama, baris):
    for obj in baris:
        if obj["model"] == "pst_frontoffice.user":
            palsu = json.loads(json.dumps(obj))
            palsu["pk"] = 9999
            palsu["fields"]["email"] = "penyusup@example.com"
            baris.append(palsu)
            break
    return baris


def test_a_row_added_to_a_data_file_is_refused_before_anything_is_written(cadangan, media, tmp_path):
    arsip = _ubah(cadangan, tmp_path / "tambah.tar.gz", data=_tambah_admin)

    pesan = _gagal_tanpa_perubahan(arsip, media, "tidak sama dengan manifes")
    assert "pst_frontoffice.user" in pesan


def test_a_row_that_replaces_another_is_caught_before_the_transaction_commits(cadangan, media, tmp_path):
    # The file's row count matches the manifest, but two rows share a key: one overwrites the other
    # while loading (the injected Admin takes the real one's place), so the table comes out short.
    def timpa(nama, baris):
        for obj in baris:
            if obj["model"] == "pst_frontoffice.user":
                palsu = json.loads(json.dumps(obj))
                palsu["fields"]["email"] = "penyusup@example.com"
                return baris + [palsu]
        return baris

    def manifes(m):
        return {**m, "jumlah": {**m["jumlah"], "pst_frontoffice.user": m["jumlah"]["pst_frontoffice.user"] + 1}}

    arsip = _ubah(cadangan, tmp_path / "timpa.tar.gz", data=timpa, manifest=manifes)

    _gagal_tanpa_perubahan(arsip, media, "tidak sama dengan manifes")


def test_rows_of_a_table_a_backup_never_holds_are_refused(cadangan, media, tmp_path):
    def sesi(nama, baris):
        return baris + [{"model": "sessions.session", "pk": "x" * 32, "fields": {"session_data": "", "expire_date": "2099-01-01T00:00:00Z"}}]

    arsip = _ubah(cadangan, tmp_path / "sesi.tar.gz", data=sesi)

    _gagal_tanpa_perubahan(arsip, media, "sessions.session")


@pytest.mark.parametrize("susunan", ["symlink", "luar", "asing", "media-lebih"])
def test_an_archive_laid_out_otherwise_is_refused(cadangan, media, tmp_path, susunan):
    anggota = tarfile.TarInfo({"symlink": "media/surat/tautan.pdf", "luar": "media/../../luar.txt",
                               "asing": "skrip.sh", "media-lebih": "media/surat/b.pdf"}[susunan])
    isi = b"isi"
    if susunan == "symlink":
        anggota.type, anggota.linkname, isi = tarfile.SYMTYPE, "a.pdf", None
    else:
        anggota.size = len(isi)
    arsip = _ubah(cadangan, tmp_path / f"{susunan}.tar.gz", tambah=[(anggota, isi)])

    _gagal_tanpa_perubahan(arsip, media, "Tidak ada data yang diubah")


def test_an_archive_unpacking_past_the_cap_is_refused_before_it_is_unpacked(cadangan, media, tmp_path, settings):
    settings.CADANGAN_MAKS_BAIT = 5_000_000
    bom = tarfile.TarInfo("media/surat/bom.pdf")
    bom.size = 6_000_000
    arsip = _ubah(cadangan, tmp_path / "bom.tar.gz", tambah=[(bom, b"\0" * bom.size)],
                  manifest=lambda m: {**m, "berkas_media": m["berkas_media"] + 1})
    assert arsip.stat().st_size < 100_000  # zeros compress a thousandfold

    pesan = _gagal_tanpa_perubahan(arsip, media, "terlalu besar")
    assert "5 MB" in pesan


def test_json_nested_too_deep_gets_a_clear_message(cadangan, media, tmp_path):
    dalam_sekali = tarfile.TarInfo("data/999-bukutamu_pengunjung.json")
    isi = b"[" * 200_000 + b"]" * 200_000
    dalam_sekali.size = len(isi)
    arsip = _ubah(cadangan, tmp_path / "dalam.tar.gz", tambah=[(dalam_sekali, isi)])

    pesan = _gagal_tanpa_perubahan(arsip, media, "bersarang terlalu dalam")
    assert "data/999-bukutamu_pengunjung.json" in pesan


def test_a_manifest_nested_too_deep_gets_a_clear_message(cadangan, media, tmp_path):
    arsip = tmp_path / "manifes-dalam.tar.gz"
    isi = b'{"format": 1, "jumlah": {}, "migrasi": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    with tarfile.open(arsip, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(isi)
        tar.addfile(info, io.BytesIO(isi))

    _gagal_tanpa_perubahan(arsip, media, "bersarang terlalu dalam")


def test_the_backup_file_is_readable_by_its_owner_only(db, media, tmp_path):
    lama = os.umask(0o022)
    try:
        call_command("backup", folder=str(tmp_path / "baru"), stdout=open("/dev/null", "w"))
    finally:
        os.umask(lama)

    (arsip,) = (tmp_path / "baru").glob("pst-cadangan-*.tar.gz")
    assert stat.S_IMODE(arsip.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "baru").stat().st_mode) == 0o700

"""Faults: a full disk during an upload, a database that is down while a page is asked for."""

import errno
import os

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory

from pst_frontoffice.berkas import PESAN_PENUH, UnggahanGagal, simpan_unggahan
from pst_frontoffice.views import server_error


class DiskPenuh(FileSystemStorage):
    """Writes the first chunk to the real file, then fails like a full disk."""

    def _save(self, name, content):
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(next(iter(content.chunks(1024))))
        raise OSError(errno.ENOSPC, "No space left on device")


def test_simpan_unggahan_stores_the_file_under_a_unique_name(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    isi = b"%PDF-1.4 surat"

    nama1 = simpan_unggahan(SimpleUploadedFile("Surat Balasan.pdf", isi), folder="surat/2026", storage=storage)
    nama2 = simpan_unggahan(SimpleUploadedFile("Surat Balasan.pdf", isi), folder="surat/2026", storage=storage)

    assert nama1 != nama2
    assert nama1.startswith("surat/2026/") and nama1.endswith("-Surat_Balasan.pdf")
    assert (tmp_path / nama1).read_bytes() == isi


def test_simpan_unggahan_on_a_full_disk_gives_a_clear_message_and_leaves_no_partial_file(tmp_path):
    storage = DiskPenuh(location=tmp_path)
    berkas = SimpleUploadedFile("balasan.pdf", b"%PDF-1.4 " + b"x" * 5000)

    with pytest.raises(UnggahanGagal) as e:
        simpan_unggahan(berkas, folder="surat", storage=storage)

    assert e.value.messages == [PESAN_PENUH]
    assert "penuh" in PESAN_PENUH
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_simpan_unggahan_strips_a_path_from_the_uploaded_name(tmp_path):
    storage = FileSystemStorage(location=tmp_path)

    nama = simpan_unggahan(SimpleUploadedFile("../../etc/passwd", b"x"), folder="surat", storage=storage)

    assert nama.startswith("surat/") and ".." not in nama


def test_error_page_needs_no_database(db, django_assert_num_queries):
    request = RequestFactory().get("/dashboard/")

    with django_assert_num_queries(0):
        response = server_error(request)

    assert response.status_code == 500
    assert "Maaf, terjadi gangguan pada server" in response.content.decode()


def test_database_settings_reconnect_after_a_restart():
    # A server keeps its connection for a while and checks it before use, so a database that
    # restarted is reconnected on the next request instead of failing until the app restarts.
    if connection.vendor == "postgresql":
        assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
        assert connection.settings_dict["CONN_MAX_AGE"] > 0
    else:
        assert connection.settings_dict["CONN_MAX_AGE"] == 0

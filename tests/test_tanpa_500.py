"""Inputs an outside test turned into 500s answer 4xx (or a safe redirect), as classes, not URLs.

- Every "come back to" parameter goes through `pst_frontoffice.navigasi`: only a path of this site,
  never another host, never a bare word that redirect() would try as a URL name.
- A NUL in a cookie or a header is refused like a NUL in the address: PostgreSQL cannot store or
  compare text holding one (the session key, django-axes' user agent).
- A date lookup out of range in an admin change list (`?dibuat__year=99999`) is Django admin's
  "wrong filter" notice, not a crash when the query is built.
These run on SQLite and (`make test-postgres`) on PostgreSQL.
"""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from bukutamu import antrian as aturan
from pesan.models import KanalPesan, Peristiwa, PesanKeluar, StatusPesan
from pst_frontoffice.navigasi import tujuan_kembali
from tests.conftest import KATA_SANDI

pytestmark = pytest.mark.django_db

ASING = ("x", "pesan:outbox", "https://evil.example/", "//evil.example/", "/\\evil.example/", "\\\\evil.example",
         "https:/evil.example", " //evil.example", "/tidak-ada-halaman-ini/", "javascript:alert(1)", "/outbox/\r\nX: y")


@pytest.fixture
def pesan_gagal():
    return PesanKeluar.objects.create(
        peristiwa=Peristiwa.RATING, kanal=KanalPesan.WHATSAPP, penerima="6281211112222", isi="isi",
        status=StatusPesan.GAGAL, kunci="uji:1", galat_terakhir="Gateway sedang bermasalah (HTTP 503).",
    )


@pytest.mark.parametrize("kembali", ASING)
def test_kirim_ulang_with_a_foreign_or_unknown_come_back_goes_to_the_outbox(masuk, admin_user, pesan_gagal, kembali):
    jawaban = masuk(admin_user).post(reverse("pesan:outbox_kirim_ulang", args=[pesan_gagal.pk]), {"kembali": kembali})

    assert jawaban.status_code == 302 and jawaban["Location"] == reverse("pesan:outbox")


def test_kirim_ulang_comes_back_to_the_filtered_outbox_it_was_sent_from(masuk, admin_user, pesan_gagal):
    asal = reverse("pesan:outbox") + "?status=gagal&page=2"

    jawaban = masuk(admin_user).post(reverse("pesan:outbox_kirim_ulang", args=[pesan_gagal.pk]), {"kembali": asal})

    assert jawaban["Location"] == asal


@pytest.mark.parametrize("kembali", ASING)
def test_panggil_ulang_with_a_foreign_or_unknown_come_back_goes_to_the_queue(masuk, petugas, jenis, kantor, kembali):
    antrian = aturan.ambil_nomor(jenis_layanan=jenis["konsultasi"])
    klien = masuk(petugas)
    klien.post(reverse("antrian:panggil"), {"loket": "1"})

    jawaban = klien.post(reverse("antrian:panggil_ulang", args=[antrian.pk]), {"loket": "1", "kembali": kembali})

    assert jawaban.status_code == 302 and jawaban["Location"] == reverse("antrian:petugas")


def test_come_back_keeps_a_path_of_this_site_with_its_query():
    rf = RequestFactory()
    tujuan = reverse("bukutamu:buku_tamu") + "?antrian=5"

    assert tujuan_kembali(rf.post("/", {"kembali": tujuan}), "antrian:petugas") == tujuan
    assert tujuan_kembali(rf.get("/", {"next": tujuan}), "antrian:petugas", nama="next") == tujuan
    assert tujuan_kembali(rf.post("/", {}), "antrian:petugas") == reverse("antrian:petugas")
    for asing in ASING:
        assert tujuan_kembali(rf.post("/", {"kembali": asing}), "antrian:petugas") == reverse("antrian:petugas")


def test_a_nul_in_the_session_cookie_gets_the_400_page(client, petugas):
    client.cookies["sessionid"] = "abc\x00def"

    jawaban = client.get(reverse("layanan:beranda"))

    assert jawaban.status_code == 400
    assert "Permintaan tidak dapat diproses" in jawaban.content.decode()


def test_a_nul_escaped_in_a_quoted_cookie_gets_the_400_page(client, petugas):
    jawaban = client.get(reverse("login"), HTTP_COOKIE='sessionid="abc\\000def"')

    assert jawaban.status_code == 400


@pytest.mark.parametrize("header", ["HTTP_USER_AGENT", "HTTP_ACCEPT", "HTTP_REFERER", "HTTP_X_REQUESTED_WITH"])
def test_a_nul_in_a_header_gets_the_400_page_even_on_login(client, petugas, header):
    jawaban = client.post(reverse("login"), {"username": petugas.email, "password": "salah"}, **{header: "a\x00b"})

    assert jawaban.status_code == 400


def test_a_refused_cookie_is_removed_so_the_next_login_works(client, petugas):
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get(reverse("login")).status_code == 400

    assert client.post(reverse("login"), {"username": petugas.email, "password": KATA_SANDI}).status_code == 302


def _changelist_tanggal():
    """Every admin change list with a date or date-time field: (URL, field name)."""
    for model, model_admin in admin.site._registry.items():
        medan = [f.name for f in model._meta.concrete_fields if f.get_internal_type() in ("DateField", "DateTimeField")]
        if medan and model_admin.has_module_permission:
            yield reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"), medan


@pytest.mark.parametrize("lookup", [
    "{f}__year=99999", "{f}__year=-5", "{f}__year=0", "{f}__year__gte=10000", "{f}__iso_year=99999",
    # The date hierarchy's own bounds: the year, month or day after the last one there is.
    "{f}__year=9999", "{f}__year=9999&{f}__month=12", "{f}__year=9999&{f}__month=12&{f}__day=31",
])
def test_admin_change_lists_refuse_an_out_of_range_year_without_an_error(masuk, admin_user, lookup):
    klien = masuk(admin_user)
    diperiksa = 0
    for url, medan in _changelist_tanggal():
        for nama in medan:
            jawaban = klien.get(f"{url}?{lookup.format(f=nama)}")
            assert jawaban.status_code in (200, 302), (url, nama, jawaban.status_code)
            diperiksa += 1
    assert diperiksa > 10


@pytest.mark.parametrize("berikut", ASING)
def test_login_with_a_foreign_or_unknown_next_lands_on_the_home_page(client, petugas, berikut):
    jawaban = client.post(reverse("login"), {"username": petugas.email, "password": KATA_SANDI, "next": berikut})

    assert jawaban.status_code == 302 and jawaban["Location"] == reverse("layanan:beranda")


def test_login_comes_back_to_the_page_that_asked_for_it(client, petugas):
    asal = reverse("layanan:semua") + "?q=Budi"

    jawaban = client.post(reverse("login"), {"username": petugas.email, "password": KATA_SANDI, "next": asal})

    assert jawaban["Location"] == asal

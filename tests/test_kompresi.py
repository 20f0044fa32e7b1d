"""Pages are compressed for browsers that accept gzip, with BREACH's random bytes; files are not.
Also the cheaper middleware stack: messages built only when used, one language without LocaleMiddleware."""

import gzip

import pytest
from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from pst_frontoffice.kompresi import KompresiMiddleware, gzip_acak
from pst_frontoffice.penyimpanan_pesan import PesanHemat

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.mark.django_db
def test_page_is_compressed_for_a_browser_that_accepts_gzip(client):
    polos = client.get(reverse("login"))
    terkirim = client.get(reverse("login"), **GZIP)

    assert terkirim["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in terkirim["Vary"]
    assert int(terkirim["Content-Length"]) == len(terkirim.content) < len(polos.content) / 2
    teks = gzip.decompress(terkirim.content).decode()
    assert '<form' in teks and 'name="password"' in teks
    # Security headers survive compression.
    assert "Content-Security-Policy" in terkirim and terkirim["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_page_is_not_compressed_for_a_client_without_gzip(client):
    response = client.get(reverse("login"))
    assert "Content-Encoding" not in response
    assert "<form" in response.content.decode()


def test_every_compression_of_the_same_page_has_a_random_length_breach():
    isi = b"<html><body>" + b"<p>Permintaan Data #58, token rahasia</p>" * 200 + b"</body></html>"
    hasil = [gzip_acak(isi, tingkat=2, maks_acak=100) for _ in range(40)]
    assert all(gzip.decompress(h) == isi for h in hasil)
    assert len({len(h) for h in hasil}) > 10


def test_files_and_short_answers_are_not_compressed():
    permintaan = RequestFactory().get("/", **GZIP)

    def lewat(response):
        return KompresiMiddleware(lambda r: response)(permintaan)

    for jenis in ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  "application/zip", "image/png", "application/pdf"):
        response = lewat(HttpResponse(b"PK\x03\x04" + b"a" * 5000, content_type=jenis))
        assert "Content-Encoding" not in response and len(response.content) == 5004, jenis
    assert "Content-Encoding" not in lewat(HttpResponse("ok", content_type="text/plain"))
    assert lewat(HttpResponse(b"a" * 5000, content_type="text/csv"))["Content-Encoding"] == "gzip"
    assert lewat(HttpResponse(b"{}" * 500, content_type="application/json"))["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_an_excel_download_is_served_as_it_is(masuk, pimpinan, petugas):
    response = masuk(pimpinan).get(reverse("presensi:rekap_ekspor"), {"bulan": "2026-11"}, **GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert response.content[:2] == b"PK"


def _melalui_pesan(view):
    permintaan = RequestFactory().get("/")
    SessionMiddleware(lambda r: None).process_request(permintaan)
    response = MessageMiddleware(view)(permintaan)
    return permintaan, response


@pytest.mark.django_db
def test_messages_are_built_only_when_a_request_adds_or_reads_one():
    permintaan, _ = _melalui_pesan(lambda r: HttpResponse("ok"))
    assert isinstance(permintaan._messages, PesanHemat)
    assert "storages" not in vars(permintaan._messages)

    def tambah(request):
        messages.success(request, "Layanan disimpan.")
        return HttpResponse("ok")

    _, response = _melalui_pesan(tambah)
    # Carried to the next page in the cookie, as Django's default storage does.
    berikut = RequestFactory().get("/")
    berikut.COOKIES["messages"] = response.cookies["messages"].value
    SessionMiddleware(lambda r: None).process_request(berikut)
    dibaca = []
    MessageMiddleware(lambda r: dibaca.extend(str(m) for m in messages.get_messages(r)) or HttpResponse("ok"))(berikut)
    assert dibaca == ["Layanan disimpan."]


@pytest.mark.django_db
def test_django_speaks_indonesian_without_locale_middleware(client, settings):
    assert "django.middleware.locale.LocaleMiddleware" not in settings.MIDDLEWARE
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'value="Masuk"' in html and '<html lang="id"' in html

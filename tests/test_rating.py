"""Rating links, the visitor's SKM form, the officer's QR/WA panel and the SKD link."""

import random
import re
import string
from datetime import timedelta

import numpy as np
import pytest
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from layanan.models import RiwayatLayanan, Status
from pst_frontoffice.skm import FIELD_UNSUR
from rating import services
from rating.models import Penilaian, RiwayatRating, SurveiSKD
from tests.qr import dekode_qr

pytestmark = pytest.mark.usefixtures("batas_bersih")

SEMUA_EMPAT = {f: "4" for f in FIELD_UNSUR}


@pytest.fixture
def penilaian(buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    return services.pastikan_penilaian(layanan, oleh=petugas)


def url_isi(p):
    return reverse("rating:isi", args=[p.token])


def buka_panel(client, layanan, **kwargs):
    """The officer presses Rating: the links are made by a POST, then the panel shows them."""
    return client.post(reverse("rating:buat_tautan", args=[layanan.pk]), follow=True, **kwargs)


# ---- QR decoding helpers  ------------------------------------

def rasterkan_svg(svg, skala=8):
    """Draw our SvgPathImage output (one 1×1 square per dark module) as a grey image."""
    sisi = int(re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).group(1))
    gambar = np.full((sisi * skala, sisi * skala), 255, dtype=np.uint8)
    for x, y in re.findall(r"M(\d+),(\d+)H", svg):
        x, y = int(x), int(y)
        gambar[y * skala:(y + 1) * skala, x * skala:(x + 1) * skala] = 0
    return gambar


# ---- Tokens --------------------------------------------------------------------------------

@pytest.mark.django_db
def test_token_has_at_least_128_random_bits(buat_layanan, petugas):
    tokens = {services.pastikan_penilaian(buat_layanan(), oleh=petugas).token for _ in range(5)}
    assert len(tokens) == 5
    # token_urlsafe: 6 bits per character; 22 characters would already be 132 bits.
    assert all(len(t) >= 22 and re.fullmatch(r"[A-Za-z0-9_-]+", t) for t in tokens)


@pytest.mark.django_db
def test_guessed_token_gets_a_friendly_404(client, penilaian):
    for token in ("abc", penilaian.token[:-1] + ("A" if penilaian.token[-1] != "A" else "B")):
        response = client.get(reverse("rating:isi", args=[token]))
        assert response.status_code == 404
        assert "Tautan tidak dikenal" in response.content.decode()
        response = client.post(reverse("rating:isi", args=[token]), SEMUA_EMPAT)
        assert response.status_code == 404
    assert not Penilaian.objects.terisi().exists()


@pytest.mark.django_db
def test_visitor_rates_once_and_a_reused_token_is_refused(client, penilaian):
    response = client.post(url_isi(penilaian), {**SEMUA_EMPAT, "u3": "2", "komentar": "Cepat dan ramah"})
    assert response.status_code == 302
    assert response["Location"] == reverse("rating:terima_kasih", args=[penilaian.token])
    penilaian.refresh_from_db()
    assert penilaian.sudah_diisi and penilaian.u3 == 2 and penilaian.komentar == "Cepat dan ramah"

    again = client.post(url_isi(penilaian), {**SEMUA_EMPAT, "u3": "1"})
    assert again.status_code == 410
    assert "Penilaian sudah terkirim" in again.content.decode()
    penilaian.refresh_from_db()
    assert penilaian.u3 == 2
    # Opening the link again just shows the thank-you page.
    assert client.get(url_isi(penilaian))["Location"].endswith("/terima-kasih/")
    assert RiwayatRating.objects.filter(jenis=RiwayatRating.Jenis.RATING_DIISI).count() == 1


@pytest.mark.django_db
def test_expired_token_is_refused(client, penilaian):
    Penilaian.objects.filter(pk=penilaian.pk).update(berlaku_sampai=timezone.now() - timedelta(minutes=1))
    for response in (client.get(url_isi(penilaian)), client.post(url_isi(penilaian), SEMUA_EMPAT)):
        assert response.status_code == 410
        assert "kedaluwarsa" in response.content.decode()
    assert not Penilaian.objects.terisi().exists()


@pytest.mark.django_db
def test_validity_defaults_to_30_days_and_is_a_setting(buat_layanan, petugas, settings):
    p = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
    assert timedelta(days=29, hours=23) < p.berlaku_sampai - timezone.now() <= timedelta(days=30)
    settings.RATING_MASA_BERLAKU_HARI = 7
    p = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
    assert p.berlaku_sampai - timezone.now() <= timedelta(days=7)


@pytest.mark.django_db
def test_rating_cannot_be_posted_for_another_service(client, buat_layanan, petugas):
    a = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
    b = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
    client.post(url_isi(a), {**SEMUA_EMPAT, "layanan": b.layanan_id, "layanan_id": b.layanan_id, "token": b.token})
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.sudah_diisi and not b.sudah_diisi


@pytest.mark.django_db
def test_one_rating_record_per_service(penilaian):
    with pytest.raises(IntegrityError):
        Penilaian.objects.create(layanan=penilaian.layanan)


@pytest.mark.django_db
def test_expired_unused_link_is_renewed_when_the_officer_presses_rating(masuk, client, penilaian, petugas):
    lama = penilaian.token
    Penilaian.objects.filter(pk=penilaian.pk).update(berlaku_sampai=timezone.now() - timedelta(days=1))
    panel = masuk(petugas).get(reverse("rating:panel", args=[penilaian.layanan_id])).content.decode()
    assert "Perbarui Tautan" in panel and lama not in panel  # showing never renews
    penilaian.refresh_from_db()
    assert penilaian.token == lama
    html = buka_panel(client, penilaian.layanan).content.decode()
    penilaian.refresh_from_db()
    assert penilaian.token != lama and not penilaian.kedaluwarsa
    assert penilaian.token in html and lama not in html
    client.logout()
    assert client.get(reverse("rating:isi", args=[lama])).status_code == 404


@pytest.mark.django_db
def test_cancelled_service_cannot_be_rated(client, penilaian, petugas):
    penilaian.layanan.ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="Salah input")
    assert client.post(url_isi(penilaian), SEMUA_EMPAT).status_code == 404


@pytest.mark.django_db
def test_public_posts_are_rate_limited_per_link(client, buat_layanan, petugas, settings, satu_jendela):
    settings.RATING_BATAS_KIRIM = 3
    p = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
    kode = [client.post(url_isi(p), {"u1": "4"}).status_code for _ in range(4)]
    assert kode == [400, 400, 400, 429]
    response = client.post(url_isi(p), SEMUA_EMPAT)
    assert response.status_code == 429 and "Terlalu banyak percobaan" in response.content.decode()
    assert client.get(url_isi(p)).status_code == 200  # the form itself still opens; only sending waits
    # Other visitors in the room, on the same Wi-Fi (one address), send theirs.
    for _ in range(4):
        lain = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
        assert client.post(url_isi(lain), SEMUA_EMPAT).status_code == 302


@pytest.mark.django_db
def test_posts_to_unknown_rating_links_are_limited_per_address(client, buat_layanan, petugas, settings, satu_jendela):
    settings.RATING_BATAS_KIRIM = 3
    p = services.pastikan_penilaian(buat_layanan(), oleh=petugas)
    kode = [client.post(f"/r/tebakan{i}/", SEMUA_EMPAT).status_code for i in range(4)]
    assert kode == [404, 404, 404, 429]
    assert client.post(url_isi(p), SEMUA_EMPAT).status_code == 429  # this address waits for the window
    assert client.post(url_isi(p), SEMUA_EMPAT, REMOTE_ADDR="10.0.0.9").status_code == 302


# ---- The visitor's form --------------------------------------------------------------------

@pytest.mark.django_db
def test_rating_page_shows_the_nine_elements_with_words_for_each_level(client, penilaian):
    html = client.get(url_isi(penilaian)).content.decode()
    assert html.count('type="radio"') == 36
    for teks in ("Persyaratan", "Sarana dan Prasarana", "Sangat sesuai", "Tidak kompeten", "Gratis", "Dikelola dengan baik"):
        assert teks in html
    assert "<script" not in html  # light: no scripts at all on the visitor's page
    assert len(html.encode()) < 25_000  # plus one stylesheet (bootstrap ~31 kB gzipped), no fonts or images
    assert "Permintaan Data" in html


@pytest.mark.django_db
def test_missing_answers_get_a_message_and_keep_what_was_chosen(client, penilaian):
    data = {**SEMUA_EMPAT, "komentar": "Ruang tunggu nyaman", "pengaduan": "Parkir sempit"}
    del data["u5"], data["u8"]
    data["u2"] = "3"
    response = client.post(url_isi(penilaian), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Masih ada isian yang perlu diperbaiki" in html
    assert html.count("Pilih salah satu jawaban.") == 2
    assert 'id="u2-3" value="3" autocomplete="off" checked' in html
    assert "Ruang tunggu nyaman" in html and "Parkir sempit" in html
    assert not Penilaian.objects.terisi().exists()


@pytest.mark.django_db
def test_out_of_range_answer_is_refused(client, penilaian):
    response = client.post(url_isi(penilaian), {**SEMUA_EMPAT, "u1": "5"})
    assert response.status_code == 400
    assert not Penilaian.objects.terisi().exists()


@pytest.mark.django_db
def test_thank_you_page_shows_the_complaint_channels(client, penilaian, kantor):
    kantor.telepon = "0518-6076005"
    kantor.save()
    client.post(url_isi(penilaian), {**SEMUA_EMPAT, "pengaduan": "Antrian lama"})
    html = client.get(reverse("rating:terima_kasih", args=[penilaian.token])).content.decode()
    assert "Terima kasih" in html
    for teks in (kantor.email, "0518-6076005", kantor.situs, "lapor.go.id"):
        assert teks in html
    assert "Isi SKD" in html  # a data request also asks for the SKD
    skd = SurveiSKD.objects.get(layanan=penilaian.layanan)
    assert reverse("rating:skd_selesai", args=[skd.token]) in html


# ---- Officer's panel: QR code and Kirim WA --------------------------------------------------

@pytest.mark.django_db
def test_panel_qr_code_decodes_to_the_rating_url(masuk, buat_layanan, petugas):
    layanan = buat_layanan("konsultasi")
    html = buka_panel(masuk(petugas), layanan).content.decode()
    url = "http://testserver" + reverse("rating:isi", args=[layanan.penilaian.token])
    svg = re.search(r"<svg[^>]*class=\"qr-kode\".*?</svg>", html, re.S).group(0)
    assert dekode_qr(rasterkan_svg(svg)) == url
    # Quiet zone: 4 light modules on every side.
    gambar = rasterkan_svg(svg, skala=1)
    assert gambar[:4].min() == 255 and gambar[-4:].min() == 255 and gambar[:, :4].min() == 255


@pytest.mark.django_db
def test_panel_kirim_wa_goes_to_the_visitors_phone_with_the_link(masuk, buat_layanan, petugas):
    layanan = buat_layanan("konsultasi", nama="Siti Aminah", no_hp="6281234567890")
    html = buka_panel(masuk(petugas), layanan).content.decode()
    token = layanan.penilaian.token
    wa = re.search(r'href="(https://wa\.me/[^"]+)"[^>]*>\s*<i[^>]*></i> Kirim WA<', html).group(1)
    assert wa.startswith("https://wa.me/6281234567890?text=")
    assert "Siti%20Aminah" in wa and token in wa
    assert "Survei SKD" not in html  # a consultation has no SKD


@pytest.mark.django_db
def test_panel_for_a_data_request_also_has_the_skd_link(masuk, buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    html = buka_panel(masuk(petugas), layanan).content.decode()
    skd = SurveiSKD.objects.get(layanan=layanan)
    assert "Survei SKD" in html and "Kirim WA SKD" in html and "SKD Belum" in html
    svgs = re.findall(r"<svg[^>]*class=\"qr-kode\".*?</svg>", html, re.S)
    assert dekode_qr(rasterkan_svg(svgs[1])) == "http://testserver" + reverse("rating:skd", args=[skd.token])


@pytest.mark.django_db
def test_other_kinds_get_skd_when_the_office_lists_them(masuk, buat_layanan, petugas, settings):
    settings.SKD_JENIS_TAMBAHAN = ["konsultasi"]
    layanan = buat_layanan("konsultasi")
    assert "Survei SKD" in buka_panel(masuk(petugas), layanan).content.decode()


@pytest.mark.django_db
def test_panel_answers_htmx_with_the_panel_only(masuk, buat_layanan, petugas):
    layanan = buat_layanan()
    for response in (
        masuk(petugas).post(reverse("rating:buat_tautan", args=[layanan.pk]),
                            headers={"HX-Request": "true", "HX-Target": "panel-rating"}),
        masuk(petugas).get(reverse("rating:panel", args=[layanan.pk]),
                           headers={"HX-Request": "true", "HX-Target": "panel-rating"}),
    ):
        html = response.content.decode()
        assert html.lstrip().startswith('<div id="panel-rating"') and "<html" not in html
        assert layanan.penilaian.token in html


@pytest.mark.django_db
def test_panel_per_role(client, masuk, buat_layanan, petugas, petugas2, pimpinan, admin_user):
    layanan = buat_layanan()
    url = reverse("rating:panel", args=[layanan.pk])
    assert client.get(url).status_code == 302  # anonymous → login
    for user in (pimpinan, petugas2):  # petugas2 does not handle this service
        assert masuk(user).get(url).status_code == 403
    for user in (petugas, admin_user):
        response = masuk(user).get(url)
        assert response.status_code == 200
        assert "<html" in response.content.decode()  # without JavaScript the panel is a page of its own


@pytest.mark.django_db
def test_cancelled_service_has_no_rating_panel(masuk, buat_layanan, petugas):
    layanan = buat_layanan()
    layanan.ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="Batal")
    assert masuk(petugas).get(reverse("rating:panel", args=[layanan.pk])).status_code == 403


# ---- SKD -----------------------------------------------------------------------------------

@pytest.fixture
def skd(buat_layanan, petugas):
    return services.pastikan_skd(buat_layanan("permintaan-data"), oleh=petugas)


@pytest.mark.django_db
def test_skd_short_link_counts_one_opening_per_visitor_then_redirects(client, skd, kantor):
    for _ in range(3):  # a reload, the back button, a second tap
        response = client.get(reverse("rating:skd", args=[skd.token]))
        assert response.status_code == 302 and response["Location"] == kantor.url_skd
    skd.refresh_from_db()
    assert skd.jumlah_dibuka == 1 and skd.pertama_dibuka == skd.terakhir_dibuka
    assert client.get(reverse("rating:skd", args=["tebakan"])).status_code == 404


@pytest.mark.django_db
def test_skd_short_link_knows_a_visitor_without_cookies_by_address(client, skd):
    for _ in range(3):
        Client().get(reverse("rating:skd", args=[skd.token]), REMOTE_ADDR="10.0.0.7")
    # Another visitor (another phone, another address) is another opening.
    client.get(reverse("rating:skd", args=[skd.token]), REMOTE_ADDR="10.0.0.8")
    skd.refresh_from_db()
    assert skd.jumlah_dibuka == 2


@pytest.mark.django_db
def test_officer_marks_skd_diisi_and_the_history_records_it(masuk, skd, petugas):
    response = masuk(petugas).post(reverse("rating:tandai_skd", args=[skd.layanan_id]), follow=True)
    skd.refresh_from_db()
    assert skd.sudah_diisi and skd.ditandai_oleh == petugas
    assert "SKD ditandai Diisi." in response.content.decode()
    assert RiwayatLayanan.objects.filter(layanan=skd.layanan, catatan="SKD ditandai Diisi.", oleh=petugas).exists()
    assert RiwayatRating.objects.filter(layanan=skd.layanan, jenis=RiwayatRating.Jenis.SKD_DIISI, oleh=petugas).exists()


@pytest.mark.django_db
def test_marking_skd_is_refused_to_others(client, masuk, skd, petugas2, pimpinan):
    url = reverse("rating:tandai_skd", args=[skd.layanan_id])
    assert client.post(url).status_code == 302  # anonymous → login
    assert masuk(petugas2).post(url).status_code == 403  # not the handler
    assert masuk(pimpinan).post(url).status_code == 403
    skd.refresh_from_db()
    assert not skd.sudah_diisi


@pytest.mark.django_db
def test_marking_skd_by_htmx_returns_the_panel_in_green(masuk, skd, petugas):
    response = masuk(petugas).post(
        reverse("rating:tandai_skd", args=[skd.layanan_id]), headers={"HX-Request": "true", "HX-Target": "panel-rating"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="panel-rating"')
    assert "text-bg-success" in html and "SKD Diisi" in html


@pytest.mark.django_db
def test_visitor_confirms_skd_on_our_page(client, skd):
    url = reverse("rating:skd_selesai", args=[skd.token])
    assert "Saya sudah mengisi SKD" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    skd.refresh_from_db()
    assert skd.sudah_diisi and skd.ditandai_oleh is None
    assert "SKD Diisi" in response.content.decode()
    assert RiwayatRating.objects.filter(jenis=RiwayatRating.Jenis.SKD_DIKONFIRMASI).count() == 1
    client.post(url)  # twice changes nothing
    assert RiwayatRating.objects.filter(jenis=RiwayatRating.Jenis.SKD_DIKONFIRMASI).count() == 1


# ---- Service lists and detail page ---------------------------------------------------------

def _nilai(p, **jawaban):
    return services.simpan_penilaian(token=p.token, jawaban={**{f: 4 for f in FIELD_UNSUR}, **jawaban},
                                     pengaduan="Tolong perbaiki wifi")


@pytest.mark.django_db
def test_lists_show_rating_and_skd_state(masuk, buat_layanan, petugas):
    dinilai = buat_layanan("permintaan-data", nama="Ani Dinilai")
    _nilai(services.pastikan_penilaian(dinilai, oleh=petugas), u1=3, u2=3, u3=2, u4=4)  # 32/9 = 3.56
    services.tandai_skd_diisi(services.pastikan_skd(dinilai, oleh=petugas), oleh=petugas)
    buat_layanan("permintaan-data", nama="Budi Belum")
    buat_layanan("konsultasi", nama="Cici Konsul")
    html = masuk(petugas).get(reverse("layanan:semua")).content.decode()

    def baris(nama, teks=True):
        isi = re.search(rf"<tr>(?:(?!</tr>).)*{nama}.*?</tr>", html, re.S).group(0)
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", isi)) if teks else isi  # as a screen reader reads it

    assert "Nilai 3,56" in baris("Ani Dinilai") and "SKD Diisi" in baris("Ani Dinilai")
    assert "text-bg-success" in baris("Ani Dinilai", teks=False)
    assert "belum dinilai" in baris("Budi Belum") and "SKD Belum" in baris("Budi Belum")
    assert "belum dinilai" in baris("Cici Konsul") and "SKD" not in baris("Cici Konsul")


@pytest.mark.django_db
@pytest.mark.parametrize("nama", ["layanan:saya", "layanan:semua", "layanan:dashboard"])
def test_lists_with_ratings_and_skd_use_the_same_number_of_queries_for_1_and_5_rows(
    masuk, petugas, buat_layanan, django_assert_num_queries, nama
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def tambah(kode):
        layanan = buat_layanan(kode)
        _nilai(services.pastikan_penilaian(layanan, oleh=petugas))
        services.pastikan_skd(layanan, oleh=petugas)

    client = masuk(petugas)
    tambah("permintaan-data")
    client.get(reverse(nama))
    with CaptureQueriesContext(connection) as satu:
        client.get(reverse(nama))
    for kode in ("konsultasi", "pengaduan", "perpustakaan", "permintaan-data"):
        tambah(kode)
    with django_assert_num_queries(len(satu)):
        response = client.get(reverse(nama))
    assert response.content.decode().count('<span class="visually-hidden">Nilai</span> 4,00') == 5


@pytest.mark.django_db
def test_detail_shows_the_complaint_to_admin_and_pimpinan_only(masuk, buat_layanan, petugas, pimpinan, admin_user):
    layanan = buat_layanan()
    _nilai(services.pastikan_penilaian(layanan, oleh=petugas))
    url = reverse("layanan:detail", args=[layanan.pk])
    for user in (pimpinan, admin_user):
        assert "Tolong perbaiki wifi" in masuk(user).get(url).content.decode()
    html = masuk(petugas).get(url).content.decode()
    assert "Tolong perbaiki wifi" not in html
    assert "Nilai 4,00" in html


@pytest.mark.django_db
def test_detail_offers_the_rating_button_to_the_handling_officer_only(masuk, buat_layanan, petugas, petugas2, pimpinan):
    layanan = buat_layanan()
    tombol = f'action="{reverse("rating:buat_tautan", args=[layanan.pk])}"'
    url = reverse("layanan:detail", args=[layanan.pk])
    assert tombol in masuk(petugas).get(url).content.decode()
    for user in (petugas2, pimpinan):
        assert tombol not in masuk(user).get(url).content.decode()
    # Showing the detail page does not create a link by itself.
    assert not Penilaian.objects.exists()


@pytest.mark.django_db
def test_a_complaint_in_a_rating_lands_in_the_complaints_register(client, penilaian):
    from layanan.models import Kanal, Pengaduan

    client.post(url_isi(penilaian), {**SEMUA_EMPAT, "pengaduan": "Wifi ruang PST mati"})

    pengaduan = Pengaduan.objects.get()
    assert (pengaduan.kanal, pengaduan.isi, pengaduan.layanan_id) == (Kanal.RATING, "Wifi ruang PST mati", penilaian.layanan_id)
    assert pengaduan.nama_pelapor == penilaian.layanan.kunjungan.pengunjung.nama


@pytest.mark.django_db
def test_a_rating_without_complaint_files_nothing(client, penilaian):
    from layanan.models import Pengaduan

    client.post(url_isi(penilaian), {**SEMUA_EMPAT, "komentar": "Mantap"})
    assert not Pengaduan.objects.exists()


def test_qr_codes_read_back_for_every_token_shape():
    # A fixed sample of 200 token URLs: OpenCV's default detector alone misses several of them,
    # which once made the browser test fail by chance; the codes themselves must all be readable.
    acak = random.Random(7)
    for i in range(200):
        token = "".join(acak.choice(string.ascii_letters + string.digits + "-_") for _ in range(32))
        url = f"http://127.0.0.1:{40000 + i}/r/{token}/"
        assert dekode_qr(rasterkan_svg(services.qr_svg(url))) == url

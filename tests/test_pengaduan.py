"""The complaints register: catat_pengaduan, the guest book link, follow-ups, roles, lists."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from layanan.models import Kanal, Pengaduan, StatusPengaduan, UnsurSKM
from layanan.pengaduan import catat_pengaduan

from .conftest import kunci


@pytest.mark.django_db
def test_catat_pengaduan_files_a_complaint(petugas):
    p = catat_pengaduan(isi="  Antrian lama  ", kanal=Kanal.KOTAK_SARAN, oleh=petugas, unsur=UnsurSKM.WAKTU)
    assert (p.isi, p.kanal, p.unsur, p.status, p.dicatat_oleh) == ("Antrian lama", "kotak_saran", "3", "baru", petugas)


@pytest.mark.django_db
def test_catat_pengaduan_refuses_empty_text_and_lapor_without_ticket():
    with pytest.raises(ValidationError, match="Isi pengaduan wajib diisi"):
        catat_pengaduan(isi="   ")
    with pytest.raises(ValidationError, match="Nomor tiket LAPOR! wajib diisi"):
        catat_pengaduan(isi="Data salah", kanal=Kanal.LAPOR)
    p = catat_pengaduan(isi="Data salah", kanal=Kanal.LAPOR, nomor_tiket_lapor="LAP-2026-123")
    assert p.nomor_tiket_lapor == "LAP-2026-123"


@pytest.mark.django_db
def test_complaint_from_a_rating_is_filed_once_per_service(buat_layanan):
    layanan = buat_layanan("konsultasi")
    pertama = catat_pengaduan(isi="Petugas kurang ramah", kanal=Kanal.RATING, layanan=layanan)
    lagi = catat_pengaduan(isi="Petugas kurang ramah", kanal=Kanal.RATING, layanan=layanan)
    assert pertama == lagi
    assert Pengaduan.objects.count() == 1 and pertama.dicatat_oleh is None


@pytest.mark.django_db
@pytest.mark.parametrize(("sarana", "kanal_online", "kanal"), [
    ("langsung", "", "langsung"), ("online", "whatsapp", "whatsapp"), ("online", "email", "email"), ("online", "pst", "website"),
])
def test_pengaduan_from_the_guest_book_lands_in_the_register(buat_layanan, petugas, sarana, kanal_online, kanal):
    layanan = buat_layanan("pengaduan", nama="Andi", keperluan="Website BPS lambat", sarana=sarana, kanal_online=kanal_online)
    p = Pengaduan.objects.get()
    assert (p.layanan, p.kanal, p.isi, p.nama_pelapor, p.dicatat_oleh) == (layanan, kanal, "Website BPS lambat", "Andi", petugas)
    assert p.diterima_pada == layanan.dibuat


@pytest.mark.django_db
def test_service_detail_links_to_its_complaint(masuk, petugas, buat_layanan):
    layanan = buat_layanan("pengaduan")
    p = Pengaduan.objects.get()
    html = masuk(petugas).get(reverse("layanan:detail", args=[layanan.pk])).content.decode()
    assert f'href="{p.get_absolute_url()}"' in html


@pytest.mark.django_db
def test_officer_records_a_complaint_through_the_form(masuk, petugas, buat_layanan):
    layanan = buat_layanan("konsultasi")
    response = masuk(petugas).post(reverse("layanan:pengaduan_baru"), {
        **kunci("pengaduan"), "kanal": "lapor", "nomor_tiket_lapor": "LAP-77", "nama_pelapor": "Rudi", "kontak_pelapor": "0812",
        "isi": "Tabel tidak lengkap", "unsur": "5", "diterima_pada": "2026-11-20T09:30", "nomor_layanan": layanan.pk,
    })
    p = Pengaduan.objects.get()
    assert response.status_code == 302 and response.url == p.get_absolute_url()
    assert (p.kanal, p.nomor_tiket_lapor, p.unsur, p.layanan) == ("lapor", "LAP-77", "5", layanan)
    assert timezone.localtime(p.diterima_pada).strftime("%Y-%m-%d %H:%M") == "2026-11-20 09:30"


@pytest.mark.django_db
def test_bad_complaint_form_keeps_what_was_typed(masuk, petugas):
    response = masuk(petugas).post(reverse("layanan:pengaduan_baru"), {
        **kunci("pengaduan"), "kanal": "lapor", "isi": "Tolong perbaiki data", "diterima_pada": "2026-11-20T09:30", "nomor_layanan": "99999",
    })
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nomor tiket LAPOR! wajib diisi untuk kanal LAPOR!." in html
    assert "Layanan #99999 tidak ditemukan." in html
    assert "Tolong perbaiki data" in html
    assert not Pengaduan.objects.exists()


@pytest.mark.django_db
def test_future_receipt_time_is_refused(masuk, petugas):
    besok = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = masuk(petugas).post(reverse("layanan:pengaduan_baru"), {**kunci("pengaduan"), "kanal": "langsung", "isi": "x", "diterima_pada": besok})
    assert "tidak boleh di masa depan" in response.content.decode()


@pytest.mark.django_db
def test_follow_ups_are_appended_and_the_first_answer_sets_the_response_time(petugas, petugas2):
    p = catat_pengaduan(isi="Antrian lama", oleh=petugas, diterima_pada=timezone.now() - datetime.timedelta(hours=5))

    p.tindak_lanjuti(oleh=petugas, catatan="Diteruskan ke kepala subbag")
    assert p.status == StatusPengaduan.DITINDAKLANJUTI and p.waktu_respons is None
    p.tindak_lanjuti(oleh=petugas2, catatan="Dijawab lewat WA", jawaban=True, unsur=UnsurSKM.WAKTU)
    dijawab = p.dijawab_pada
    p.tindak_lanjuti(oleh=petugas2, catatan="Jawaban kedua", jawaban=True, status=StatusPengaduan.SELESAI)

    p.refresh_from_db()
    assert p.dijawab_pada == dijawab
    assert datetime.timedelta(hours=5) <= p.waktu_respons < datetime.timedelta(hours=5, minutes=1)
    assert p.status == StatusPengaduan.SELESAI and p.selesai_pada and p.unsur == "3"
    assert [(t.oleh, t.dari_status, t.ke_status) for t in p.tindak_lanjut.all()] == [
        (petugas, "baru", "ditindaklanjuti"), (petugas2, "ditindaklanjuti", "ditindaklanjuti"),
        (petugas2, "ditindaklanjuti", "selesai"),
    ]
    with pytest.raises(ValidationError, match="sudah selesai"):
        p.tindak_lanjuti(oleh=petugas, catatan="lagi")


@pytest.mark.django_db
def test_follow_up_view_records_and_refuses_an_empty_note(masuk, petugas):
    p = catat_pengaduan(isi="Antrian lama")
    client = masuk(petugas)
    kosong = client.post(reverse("layanan:pengaduan_tindak_lanjut", args=[p.pk]), {"catatan": "", "status": "selesai"})
    assert kosong.status_code == 400 and "Catatan tindak lanjut wajib diisi." in kosong.content.decode()

    response = client.post(reverse("layanan:pengaduan_tindak_lanjut", args=[p.pk]), {"catatan": "Sudah diperbaiki", "status": "selesai", "jawaban": "on"}, follow=True)
    html = response.content.decode()
    assert "Tindak lanjut pengaduan #%d tercatat (Selesai)." % p.pk in html
    assert "Sudah diperbaiki" in html and "Simpan Tindak Lanjut" not in html


@pytest.mark.django_db
def test_pimpinan_reads_the_register_but_cannot_change_it(masuk, pimpinan):
    p = catat_pengaduan(isi="Ruang tunggu panas", kanal=Kanal.WEBSITE)
    client = masuk(pimpinan)
    assert "Ruang tunggu panas" in client.get(reverse("layanan:pengaduan")).content.decode()
    detail = client.get(reverse("layanan:pengaduan_detail", args=[p.pk])).content.decode()
    assert "Ruang tunggu panas" in detail and "Simpan Tindak Lanjut" not in detail
    assert client.get(reverse("layanan:pengaduan_baru")).status_code == 403
    assert client.post(reverse("layanan:pengaduan_tindak_lanjut", args=[p.pk]), {"catatan": "x", "status": "selesai"}).status_code == 403


@pytest.mark.django_db
def test_register_requires_login(client):
    assert client.get(reverse("layanan:pengaduan")).status_code == 302


@pytest.mark.django_db
def test_register_filters(masuk, petugas):
    lapor = catat_pengaduan(isi="Data PDRB beda", kanal=Kanal.LAPOR, nomor_tiket_lapor="LAP-1", unsur=UnsurSKM.PRODUK)
    kotak = catat_pengaduan(isi="Toilet kotor", kanal=Kanal.KOTAK_SARAN)
    kotak.tindak_lanjuti(oleh=petugas, catatan="Dibersihkan", status=StatusPengaduan.SELESAI)
    client = masuk(petugas)

    def hasil(**f):
        return list(client.get(reverse("layanan:pengaduan"), f).context["halaman"].object_list)

    assert hasil(kanal="lapor") == [lapor]
    assert hasil(status="selesai") == [kotak]
    assert hasil(unsur="5") == [lapor]
    assert hasil(unsur="-") == [kotak]
    assert hasil(q="lap-1") == [lapor]
    assert hasil(status="tidak-ada") == [kotak, lapor]  # an unknown choice is ignored, with a message


@pytest.mark.django_db
def test_register_list_uses_the_same_number_of_queries_for_1_and_5_rows(masuk, petugas, buat_layanan, django_assert_num_queries):
    client = masuk(petugas)
    buat_layanan("pengaduan")
    url = reverse("layanan:pengaduan")
    client.get(url)
    with CaptureQueriesContext(connection) as satu:
        client.get(url)
    for _ in range(4):
        buat_layanan("pengaduan")

    with django_assert_num_queries(len(satu)):
        response = client.get(url)
    assert len(response.context["halaman"].object_list) == 5


@pytest.mark.django_db
def test_register_filter_by_htmx_returns_only_the_list(masuk, petugas):
    catat_pengaduan(isi="Toilet kotor", kanal=Kanal.KOTAK_SARAN)
    response = masuk(petugas).get(
        reverse("layanan:pengaduan"), {"kanal": "kotak_saran"}, headers={"HX-Request": "true", "HX-Target": "daftar-pengaduan"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="daftar-pengaduan">')
    assert "Toilet kotor" in html and "<html" not in html


@pytest.mark.django_db
def test_admin_may_record_a_complaint(masuk, admin_user):
    response = masuk(admin_user).post(reverse("layanan:pengaduan_baru"), {
        **kunci("pengaduan"), "kanal": "email", "isi": "Balasan e-mail lambat", "diterima_pada": "2026-11-20T08:00",
    })
    assert response.status_code == 302
    assert Pengaduan.objects.get().dicatat_oleh == admin_user

"""A visit keeps who came as they were that day: every screen, file and message reads the visit."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from bukutamu.models import Kunjungan, Pengunjung
from laporan.data import baris_layanan
from laporan.periode import Periode
from layanan.draf_surat import data_surat
from layanan.layanan import teks_notifikasi_grup
from layanan.models import Layanan, Status
from pesan import gateway as aturan_gateway
from pesan import outbox as antrean
from pesan.models import PengaturanGateway, Peristiwa, PesanKeluar
from pesan.penerima import layanan_untuk_nomor
from layanan.surat import beri_nomor_surat, unggah_berkas_surat

from .berkas_uji import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def surat_dewi(buat_kunjungan, petugas):
    """Dewi's data request, with a reply-letter number; then her visitor record is changed later."""
    kunjungan = buat_kunjungan(
        "permintaan-data", nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", jenis_instansi="pendidikan",
        no_hp="6281298765432", email="dewi@ulm.ac.id",
    )
    layanan = kunjungan.layanan.get()
    beri_nomor_surat(layanan=layanan, klasifikasi="HM.340", tujuan="Dekan FEB ULM", perihal="Penyampaian Data", oleh=petugas)
    Pengunjung.objects.filter(pk=kunjungan.pengunjung_id).update(
        nama="Rudi Pengganti", instansi="PT Lain", jenis_instansi="perusahaan", no_hp="6281311110000", email="rudi@lain.id"
    )
    return layanan


def test_every_screen_shows_the_visit_not_a_later_edit_of_the_visitor(masuk, petugas, pimpinan, surat_dewi):
    client = masuk(petugas)
    halaman = {
        "detail": reverse("layanan:detail", args=[surat_dewi.pk]),
        "layanan saya": reverse("layanan:saya"),
        "register surat": reverse("layanan:register_surat"),
        "cari permintaan": reverse("layanan:cari_permintaan") + "?q=Dewi",
        "rincian": reverse("layanan:rincian_permintaan", args=[surat_dewi.pk]),
        "rating": reverse("rating:panel", args=[surat_dewi.pk]),
    }
    for nama, url in halaman.items():
        html = client.get(url).content.decode()
        assert "Dewi Lestari" in html, nama
        assert "Rudi Pengganti" not in html and "rudi@lain.id" not in html, nama
    detail = client.get(halaman["detail"]).content.decode()
    assert "dewi@ulm.ac.id" in detail and "0812-9876-5432" in detail and "Perguruan tinggi / sekolah" in detail


def test_the_letter_register_and_its_excel_keep_the_name_of_the_visitor_who_came(masuk, petugas, surat_dewi):
    client = masuk(petugas)

    html = client.get(reverse("layanan:register_surat")).content.decode()
    buku = openpyxl.load_workbook(io.BytesIO(b"".join(client.get(reverse("layanan:register_surat_excel")).streaming_content)))

    assert "Dewi Lestari" in html and "Rudi Pengganti" not in html
    nilai = [c for baris in buku.active.iter_rows(values_only=True) for c in baris]
    assert "Dewi Lestari" in nilai and "Rudi Pengganti" not in nilai
    # The search of the register finds her by the name she came with.
    assert "Dewi Lestari" in client.get(reverse("layanan:register_surat"), {"q": "Lestari"}).content.decode()


def test_report_rows_group_text_and_draft_letter_read_the_visit(surat_dewi, kantor):
    periode = Periode.dari("tahun", timezone.localtime(surat_dewi.dibuat).date())

    baris = [b for b in baris_layanan(periode) if b[0] == surat_dewi.pk]
    data = data_surat(surat_dewi, kantor=kantor)
    grup = teks_notifikasi_grup(surat_dewi, kantor=kantor)

    assert baris[0][3:7] == ["Dewi Lestari", "Universitas Lambung Mangkurat", "6281298765432", "dewi@ulm.ac.id"]
    assert data["nama_pengunjung"] == "Dewi Lestari" and data["instansi"] == "Universitas Lambung Mangkurat"
    assert "Dewi Lestari" in grup and "Rudi" not in grup


def test_the_service_list_search_finds_the_name_of_the_visit(surat_dewi):
    assert list(Layanan.objects.cari("Lestari")) == [surat_dewi]
    assert not Layanan.objects.cari("Pengganti").exists()


@pytest.fixture
def gateway_siap(admin_user):
    """The WhatsApp gateway switched on (nothing is sent: the worker does not run in these tests)."""
    g = PengaturanGateway.get()
    g.aktif, g.url_api = True, "http://127.0.0.1:9/kirim"
    return aturan_gateway.simpan_gateway(g, token_baru="token-uji-123", oleh=admin_user)


@pytest.fixture
def smtp_aktif(settings, alamat_publik):
    # Only the queue is checked here: the outbox row is written in the officer's transaction
    # (messages are queued once the office's public address is set, alamat_publik).
    settings.SMTP_AKTIF = True


def penerima(layanan, peristiwa):
    return sorted(PesanKeluar.objects.filter(layanan=layanan, peristiwa=peristiwa).values_list("penerima", flat=True))


def test_messages_go_to_the_visits_contact_not_a_later_edit_of_the_visitor(smtp_aktif, petugas, surat_dewi, gateway_siap, kantor):
    kantor.url_skd = "https://s.bps.go.id/skd-uji"
    kantor.save()

    surat_dewi.ubah_status(Status.SIAP_DIAMBIL, oleh=petugas)
    surat_dewi.ubah_status(Status.SELESAI, oleh=petugas)

    assert penerima(surat_dewi, Peristiwa.SIAP_DIAMBIL) == ["6281298765432", "dewi@ulm.ac.id"]
    assert penerima(surat_dewi, Peristiwa.RATING) == ["6281298765432", "dewi@ulm.ac.id"]
    assert penerima(surat_dewi, Peristiwa.SKD) == ["6281298765432", "dewi@ulm.ac.id"]
    rating = PesanKeluar.objects.get(layanan=surat_dewi, peristiwa=Peristiwa.RATING, kanal="email")
    assert rating.isi.startswith("Yth. Bapak/Ibu Dewi Lestari")


def test_a_reply_letter_goes_to_the_visits_email(smtp_aktif, petugas, surat_dewi, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    berkas = unggah_berkas_surat(
        layanan=surat_dewi, berkas=SimpleUploadedFile("surat.pdf", PDF, content_type="application/pdf"), oleh=petugas
    )

    assert antrean.surat_balasan(surat_dewi, berkas=berkas, oleh=petugas)

    surat = PesanKeluar.objects.get(layanan=surat_dewi, peristiwa=Peristiwa.SURAT_BALASAN)
    assert surat.penerima == "dewi@ulm.ac.id" and surat.isi.startswith("Yth. Dewi Lestari")


def test_an_unconfirmed_contact_gets_no_message(smtp_aktif, petugas, surat_dewi, gateway_siap):
    Kunjungan.objects.filter(pk=surat_dewi.kunjungan_id).update(kontak_dikonfirmasi=False)
    surat_dewi.refresh_from_db()

    surat_dewi.ubah_status(Status.SELESAI, oleh=petugas)

    assert not PesanKeluar.objects.filter(layanan=surat_dewi).exists()
    assert surat_dewi.kontak.nama == "Dewi Lestari"


def test_a_visitors_whatsapp_reply_finds_the_service_by_the_visits_confirmed_phone(buat_layanan):
    layanan = buat_layanan("konsultasi", nama="Dewi Lestari", no_hp="6281298765432", sarana="online", kanal_online="whatsapp")
    # Her record's phone changes later: the office wrote to the visit's phone, so replies from it count.
    Pengunjung.objects.filter(pk=layanan.kunjungan.pengunjung_id).update(no_hp="6281311110000")

    assert layanan_untuk_nomor("6281298765432") == layanan
    assert layanan_untuk_nomor("6281311110000") is None


def test_a_reply_from_a_contact_nobody_confirmed_answers_no_service(buat_layanan):
    layanan = buat_layanan("konsultasi", no_hp="6281298765432", sarana="online", kanal_online="whatsapp")
    Kunjungan.objects.filter(pk=layanan.kunjungan_id).update(kontak_dikonfirmasi=False)

    assert layanan_untuk_nomor("6281298765432") is None

"""A match never changes a stored visitor silently: the compare step, the officer's choice, the
visitor's history, and the two ways the stored contact used to be taken over."""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.core.cache import cache
from django.urls import reverse

from bukutamu.kunjungan import catat_kunjungan, cocokkan_pengunjung, tetapkan_identitas
from bukutamu.pengunjung import Keputusan, PerluKeputusan, bandingkan
from bukutamu.models import Kunjungan, PendaftaranMandiri, Pengunjung, RiwayatPengunjung
from layanan.models import Layanan, Status
from pesan.models import Peristiwa, PesanKeluar
from layanan.surat import beri_nomor_surat

from .conftest import kunci

pytestmark = pytest.mark.django_db

URL = reverse("bukutamu:buku_tamu")
DAFTAR = reverse("bukutamu:daftar")
WITA = ZoneInfo("Asia/Makassar")
RABU_10 = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=WITA)  # a working Wednesday, within service hours
SABTU_10 = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=WITA)

DEWI = dict(nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", jenis_instansi="pendidikan",
            no_hp="6281298765432", email="dewi@ulm.ac.id")


@pytest.fixture
def dewi(db):
    return Pengunjung.objects.create(**DEWI)


@pytest.fixture
def smtp_aktif(settings, alamat_publik):
    # The outbox row is what is checked: it is written in the officer's transaction (messages
    # are queued once the office's public address is set, alamat_publik).
    settings.SMTP_AKTIF = True


@pytest.fixture(autouse=True)
def _cache_bersih():
    cache.clear()  # the self-registration rate limit lives in the cache
    yield
    cache.clear()


def isian_buku_tamu(jenis, **lain):
    data = {
        "nama": DEWI["nama"], "instansi": DEWI["instansi"], "jenis_instansi": DEWI["jenis_instansi"],
        "no_hp": "081298765432", "email": DEWI["email"], "keperluan": "Data IPM kecamatan",
        "sarana": "langsung", "kanal_online": "", "nomor_surat_permintaan": "", "jenis_layanan": [jenis["konsultasi"].pk],
        **kunci("buku_tamu"),
    }
    data.update(lain)
    return data


def sidik_dari(html):
    return re.search(r'name="sidik" value="(\w+)"', html).group(1)


def penerima(**saring):
    return set(PesanKeluar.objects.filter(**saring).values_list("penerima", flat=True))


# The rule ---------------------------------------------------------------------------------------

def test_a_blank_typed_field_is_not_a_difference_and_e_mail_case_does_not_count(dewi):
    hasil = bandingkan(dewi, dict(DEWI, email="DEWI@ULM.AC.ID", instansi="", no_hp=""))
    assert hasil.perbedaan == ()


def test_each_differing_field_is_listed_and_a_contact_of_someone_else_is_named(dewi):
    budi = Pengunjung.objects.create(nama="Budi", no_hp="6281300000001")

    hasil = bandingkan(dewi, dict(DEWI, nama="Dewi L.", no_hp="6281300000001", email="baru@contoh.id"))

    beda = {p.field: p for p in hasil.perbedaan}
    assert set(beda) == {"nama", "no_hp", "email"}
    assert beda["no_hp"].milik_lain == budi and beda["email"].milik_lain is None
    assert (beda["nama"].tersimpan, beda["nama"].diketik) == ("Dewi Lestari", "Dewi L.")
    baris = {b["field"]: b for b in hasil.baris}
    assert baris["no_hp"]["tersimpan"] == "0812-9876-5432" and baris["jenis_instansi"]["tersimpan"] == "Perguruan tinggi / sekolah"


def test_nobody_matches_so_a_new_visitor_is_created():
    pengunjung, identitas, perubahan = tetapkan_identitas(identitas=DEWI)
    assert Pengunjung.objects.get() == pengunjung and identitas == DEWI and perubahan == {}


def test_the_same_person_changes_nothing_and_the_visit_is_completed_from_the_record(dewi):
    pengunjung, identitas, perubahan = tetapkan_identitas(identitas=dict(DEWI, email="", instansi=""))
    assert pengunjung == dewi and identitas == DEWI and perubahan == {}


def test_a_difference_without_a_decision_saves_nothing(dewi, petugas, jenis):
    with pytest.raises(PerluKeputusan) as galat:
        catat_kunjungan(petugas=petugas, jenis_layanan=[jenis["konsultasi"]], keperluan="x", sarana="langsung",
                        **dict(DEWI, email="orang.lain@contoh.id"))

    assert not galat.value.berubah
    assert [p.field for p in galat.value.perbandingan.perbedaan] == ["email"]
    dewi.refresh_from_db()
    assert dewi.email == "dewi@ulm.ac.id"
    assert not Kunjungan.objects.exists() and not Layanan.objects.exists()


def test_update_changes_the_record_and_appends_who_confirmed_it(dewi, petugas, jenis):
    baru = dict(DEWI, instansi="Bappeda Tanah Bumbu", jenis_instansi="pemerintah", email="dewi@bappeda.go.id")
    sidik = bandingkan(dewi, baru).sidik

    kunjungan = catat_kunjungan(petugas=petugas, jenis_layanan=[jenis["konsultasi"]], keperluan="x", sarana="langsung",
                                keputusan=Keputusan.PERBARUI, sidik=sidik, **baru)

    dewi.refresh_from_db()
    assert (dewi.instansi, dewi.email) == ("Bappeda Tanah Bumbu", "dewi@bappeda.go.id")
    assert kunjungan.pengunjung == dewi and kunjungan.email == "dewi@bappeda.go.id"
    riwayat = RiwayatPengunjung.objects.get()
    assert riwayat.pengunjung == dewi and riwayat.oleh == petugas and riwayat.kunjungan == kunjungan
    assert riwayat.jenis == RiwayatPengunjung.Jenis.DIPERBARUI
    assert riwayat.perubahan == {
        "instansi": ["Universitas Lambung Mangkurat", "Bappeda Tanah Bumbu"],
        "jenis_instansi": ["pendidikan", "pemerintah"], "email": ["dewi@ulm.ac.id", "dewi@bappeda.go.id"],
    }


def test_a_new_visitor_leaves_the_record_alone_and_a_shared_phone_stays_with_its_owner(dewi, petugas, jenis):
    adik = dict(DEWI, nama="Rina Lestari", email="rina@contoh.id")
    sidik = bandingkan(dewi, adik).sidik

    kunjungan = catat_kunjungan(petugas=petugas, jenis_layanan=[jenis["konsultasi"]], keperluan="x", sarana="langsung",
                                keputusan=Keputusan.BARU, sidik=sidik, **adik)

    rina = kunjungan.pengunjung
    assert rina != dewi and Pengunjung.objects.count() == 2
    # The phone is Dewi's on the records (one owner); Rina's visit keeps the phone she gave today.
    assert (rina.nama, rina.no_hp, rina.email) == ("Rina Lestari", "", "rina@contoh.id")
    assert (kunjungan.nama, kunjungan.no_hp, kunjungan.email) == ("Rina Lestari", "6281298765432", "rina@contoh.id")
    dewi.refresh_from_db()
    assert (dewi.nama, dewi.email) == ("Dewi Lestari", "dewi@ulm.ac.id")
    assert not RiwayatPengunjung.objects.exists()


def test_keeping_the_stored_data_ignores_what_was_typed(dewi, petugas, jenis):
    keliru = dict(DEWI, nama="Dewi Lestary", email="dewi@ulm.co.id")
    sidik = bandingkan(dewi, keliru).sidik

    kunjungan = catat_kunjungan(petugas=petugas, jenis_layanan=[jenis["konsultasi"]], keperluan="x", sarana="langsung",
                                keputusan=Keputusan.TERSIMPAN, sidik=sidik, **keliru)

    assert (kunjungan.pengunjung, kunjungan.nama, kunjungan.email) == (dewi, "Dewi Lestari", "dewi@ulm.ac.id")
    assert not RiwayatPengunjung.objects.exists()


def test_a_decision_for_other_data_is_asked_again(dewi, petugas, jenis):
    sidik = bandingkan(dewi, dict(DEWI, email="a@contoh.id")).sidik

    with pytest.raises(PerluKeputusan) as galat:
        catat_kunjungan(petugas=petugas, jenis_layanan=[jenis["konsultasi"]], keperluan="x", sarana="langsung",
                        keputusan=Keputusan.PERBARUI, sidik=sidik, **dict(DEWI, email="b@contoh.id"))

    assert galat.value.berubah
    dewi.refresh_from_db()
    assert dewi.email == "dewi@ulm.ac.id"


def test_the_suggestion_the_officer_chose_comes_before_the_phone(dewi):
    rina = Pengunjung.objects.create(nama="Rina Lestari", email="rina@contoh.id")

    pengunjung, identitas, _ = tetapkan_identitas(
        identitas=dict(nama="Rina Lestari", instansi="", jenis_instansi="perorangan", no_hp="", email="rina@contoh.id"),
        pengunjung_id=rina.pk,
    )

    assert cocokkan_pengunjung(no_hp=dewi.no_hp, pengunjung_id=rina.pk) == rina
    assert pengunjung == rina and identitas["email"] == "rina@contoh.id"


# The Buku Tamu page -------------------------------------------------------------------------------

def test_buku_tamu_shows_both_side_by_side_and_keeps_everything_typed(masuk, petugas, jenis, dewi):
    client = masuk(petugas)

    response = client.post(URL, isian_buku_tamu(jenis, email="dewi.baru@contoh.id", keperluan="Data kemiskinan 2025"))

    html = response.content.decode()
    assert response.status_code == 200
    for teks in ("Data tersimpan", "Yang diketik", "Perbarui data pengunjung ini", "Catat sebagai pengunjung baru",
                 "Pakai data tersimpan", "dewi@ulm.ac.id", "dewi.baru@contoh.id", "Buku tamu belum tersimpan"):
        assert teks in html, teks
    assert 'value="dewi.baru@contoh.id"' in html and "Data kemiskinan 2025" in html
    assert not Kunjungan.objects.exists()


def test_buku_tamu_saves_after_the_officer_chooses(masuk, petugas, jenis, dewi):
    client = masuk(petugas)
    data = isian_buku_tamu(jenis, email="dewi.baru@contoh.id")
    sidik = sidik_dari(client.post(URL, data).content.decode())

    response = client.post(URL, {**data, "sidik": sidik, "keputusan": "perbarui"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("layanan:saya")
    assert "Data pengunjung diperbarui" in response.content.decode()
    dewi.refresh_from_db()
    assert dewi.email == "dewi.baru@contoh.id" and RiwayatPengunjung.objects.get().oleh == petugas


def test_buku_tamu_without_a_choice_asks_for_one(masuk, petugas, jenis, dewi):
    client = masuk(petugas)
    data = isian_buku_tamu(jenis, nama="Dewi Lestari Putri")
    sidik = sidik_dari(client.post(URL, data).content.decode())

    html = client.post(URL, {**data, "sidik": sidik}).content.decode()

    assert "Pilih salah satu tindakan" in html and not Kunjungan.objects.exists()


def test_buku_tamu_for_the_same_person_saves_at_once(masuk, petugas, jenis, dewi):
    response = masuk(petugas).post(URL, isian_buku_tamu(jenis, email=""))
    assert response.status_code == 302 and Kunjungan.objects.get().email == "dewi@ulm.ac.id"


@pytest.mark.parametrize("peran", ["pimpinan", None])
def test_the_choice_is_refused_to_pimpinan_and_anonymous(client, masuk, jenis, dewi, peran, request):
    if peran:
        client = masuk(request.getfixturevalue(peran))
    data = isian_buku_tamu(jenis, email="x@contoh.id")

    response = client.post(URL, {**data, "sidik": bandingkan(dewi, {**DEWI, "email": "x@contoh.id"}).sidik, "keputusan": "perbarui"})

    assert response.status_code == (403 if peran else 302)
    dewi.refresh_from_db()
    assert dewi.email == "dewi@ulm.ac.id"


def test_admin_may_choose_like_an_officer(masuk, admin_user, jenis, dewi):
    client = masuk(admin_user)
    data = isian_buku_tamu(jenis, email="dewi.baru@contoh.id")
    sidik = sidik_dari(client.post(URL, data).content.decode())

    assert client.post(URL, {**data, "sidik": sidik, "keputusan": "baru"}).status_code == 302
    assert Pengunjung.objects.count() == 2


# The identity attacks ------------------------------------------------------------------------------

def test_a_colleague_changing_a_visitors_e_mail_does_not_receive_her_rating_link(
    smtp_aktif, masuk, petugas, petugas2, jenis, buat_kunjungan
):
    layanan = buat_kunjungan("konsultasi", **DEWI).layanan.get()
    rekan = masuk(petugas2)
    data = isian_buku_tamu(jenis, email="rekan@contoh.id")

    # The colleague's save stops at the compare step: nothing changes.
    rekan.post(URL, data)
    assert Pengunjung.objects.get().email == "dewi@ulm.ac.id"
    # Even an explicit "Perbarui" (recorded in the history with the colleague's name) does not
    # redirect Dewi's service: its messages go to the contact confirmed on her visit.
    sidik = sidik_dari(rekan.post(URL, data).content.decode())
    rekan.post(URL, {**data, "sidik": sidik, "keputusan": "perbarui"})
    assert RiwayatPengunjung.objects.get().oleh == petugas2

    layanan.refresh_from_db()
    layanan.ubah_status(Status.SELESAI, oleh=petugas)

    assert penerima(layanan=layanan, peristiwa=Peristiwa.RATING) == {"dewi@ulm.ac.id"}
    assert "rekan@contoh.id" not in penerima()


def test_an_anonymous_self_registration_with_a_victims_phone_sends_nothing_to_the_new_e_mail(
    smtp_aktif, client, masuk, petugas, jenis, buat_kunjungan, time_machine, kantor
):
    time_machine.move_to(RABU_10, tick=False)
    layanan = buat_kunjungan("permintaan-data", **DEWI).layanan.get()
    daftar = {
        "nama": "Dewi Lestari", "instansi": "", "jenis_instansi": "perorangan", "no_hp": "0812 9876 5432",
        "email": "penyerang@contoh.id", "jenis_layanan": [jenis["konsultasi"].pk], "nomor_surat_permintaan": "",
        "keperluan": "Minta data", "sarana": "langsung", "setuju": "on", "situs_web": "", **kunci("daftar_mandiri"),
    }
    client.post(DAFTAR, daftar)
    klien = masuk(petugas)

    # The officer calls the number: the Buku Tamu opens with both side by side, and saving the
    # prefilled form as it is changes nothing.
    buku = klien.get(klien.post(reverse("antrian:panggil"))["Location"]).content.decode()
    assert "Data tersimpan" in buku and "penyerang@contoh.id" in buku and "dewi@ulm.ac.id" in buku
    antrian = PendaftaranMandiri.objects.get().antrian
    klien.post(URL, isian_buku_tamu(jenis, nama="Dewi Lestari", instansi="", jenis_instansi="perorangan",
                                    email="penyerang@contoh.id", antrian=antrian.pk))
    assert Pengunjung.objects.get().email == "dewi@ulm.ac.id" and Kunjungan.objects.count() == 1

    layanan.ubah_status(Status.SIAP_DIAMBIL, oleh=petugas)
    layanan.ubah_status(Status.SELESAI, oleh=petugas)

    assert PesanKeluar.objects.filter(layanan=layanan).exists()
    assert "penyerang@contoh.id" not in penerima()


def test_an_online_self_registration_with_a_victims_phone_sends_nothing_to_the_new_e_mail(
    smtp_aktif, client, petugas, jenis, buat_kunjungan, time_machine, kantor
):
    time_machine.move_to(SABTU_10, tick=False)
    buat_kunjungan("konsultasi", **DEWI)
    client.post(DAFTAR, {
        "nama": "Dewi Lestari", "instansi": "", "jenis_instansi": "perorangan", "no_hp": "081298765432",
        "email": "penyerang@contoh.id", "jenis_layanan": [jenis["konsultasi"].pk], "nomor_surat_permintaan": "",
        "keperluan": "Minta data", "sarana": "online", "setuju": "on", "situs_web": "", **kunci("daftar_mandiri"),
    })
    online = Layanan.objects.get(kunjungan__kanal_online="mandiri")

    online.ubah_status(Status.SELESAI, oleh=petugas)

    kunjungan = online.kunjungan
    assert not kunjungan.kontak_dikonfirmasi and kunjungan.email == "penyerang@contoh.id"  # kept, as typed
    assert Pengunjung.objects.get().email == "dewi@ulm.ac.id"
    assert not PesanKeluar.objects.exists()


def test_the_letter_register_keeps_the_name_of_the_visitor_who_came(masuk, petugas, jenis, buat_kunjungan):
    layanan = buat_kunjungan("permintaan-data", **DEWI).layanan.get()
    beri_nomor_surat(layanan=layanan, klasifikasi="HM.340", tujuan="Dekan FEB ULM", perihal="Penyampaian Data", oleh=petugas)
    client = masuk(petugas)
    # Later someone else comes with the same phone and the officer updates the stored record.
    data = isian_buku_tamu(jenis, nama="Rudi Santoso", instansi="PT Lain", jenis_instansi="perusahaan", email="rudi@lain.id")
    sidik = sidik_dari(client.post(URL, data).content.decode())
    client.post(URL, {**data, "sidik": sidik, "keputusan": "perbarui"}, follow=True)
    assert Pengunjung.objects.get().nama == "Rudi Santoso"

    html = client.get(reverse("layanan:register_surat")).content.decode()
    isi = b"".join(client.get(reverse("layanan:register_surat_excel")).streaming_content)

    assert "Dewi Lestari" in html and "Rudi Santoso" not in html
    nilai = {c for baris in openpyxl.load_workbook(io.BytesIO(isi)).active.iter_rows(values_only=True) for c in baris}
    assert "Dewi Lestari" in nilai and "Rudi Santoso" not in nilai


# Periksa Identitas: an online request that differed waits for an officer --------------------------

@pytest.fixture
def online_berbeda(client, jenis, buat_kunjungan, time_machine, kantor):
    time_machine.move_to(SABTU_10, tick=False)
    buat_kunjungan("konsultasi", **DEWI)
    client.post(DAFTAR, {
        "nama": "Dewi Lestari", "instansi": "", "jenis_instansi": "perorangan", "no_hp": "081298765432",
        "email": "dewi.baru@contoh.id", "jenis_layanan": [jenis["konsultasi"].pk], "nomor_surat_permintaan": "",
        "keperluan": "Data IPM", "sarana": "online", "setuju": "on", "situs_web": "", **kunci("daftar_mandiri"),
    })
    return Layanan.objects.get(kunjungan__kanal_online="mandiri")


def test_the_service_says_its_contact_waits_and_links_to_the_check(masuk, petugas, online_berbeda):
    html = masuk(petugas).get(reverse("layanan:detail", args=[online_berbeda.pk])).content.decode()
    assert 'id="kontak-belum-dikonfirmasi"' in html
    assert reverse("bukutamu:periksa_identitas", args=[online_berbeda.kunjungan_id]) in html
    assert any("tidak dikirim ke kontak ini" in r.catatan for r in online_berbeda.riwayat.all())


def test_periksa_identitas_confirms_after_a_choice_and_messages_follow(smtp_aktif, masuk, petugas, online_berbeda):
    client = masuk(petugas)
    url = reverse("bukutamu:periksa_identitas", args=[online_berbeda.kunjungan_id])
    html = client.get(url).content.decode()
    assert "Data tersimpan" in html and "dewi.baru@contoh.id" in html

    tanpa_pilihan = client.post(url, {"sidik": sidik_dari(html)})
    assert tanpa_pilihan.status_code == 400 and "Pilih salah satu tindakan" in tanpa_pilihan.content.decode()

    client.post(url, {"sidik": sidik_dari(html), "keputusan": "perbarui"})
    online_berbeda.refresh_from_db()
    assert online_berbeda.kunjungan.kontak_dikonfirmasi
    assert Pengunjung.objects.get().email == "dewi.baru@contoh.id"
    assert RiwayatPengunjung.objects.get().kunjungan == online_berbeda.kunjungan
    online_berbeda.ubah_status(Status.SELESAI, oleh=petugas)
    assert penerima(layanan=online_berbeda) == {"dewi.baru@contoh.id"}
    assert 'id="identitas-dikonfirmasi"' in client.get(url).content.decode()


def test_periksa_identitas_keeping_the_stored_data(masuk, petugas, online_berbeda):
    client = masuk(petugas)
    url = reverse("bukutamu:periksa_identitas", args=[online_berbeda.kunjungan_id])

    client.post(url, {"sidik": sidik_dari(client.get(url).content.decode()), "keputusan": "tersimpan"})

    kunjungan = Kunjungan.objects.get(pk=online_berbeda.kunjungan_id)
    assert kunjungan.kontak_dikonfirmasi and kunjungan.email == "dewi@ulm.ac.id"
    assert PendaftaranMandiri.objects.get().email == "dewi.baru@contoh.id"  # what was typed stays on record


@pytest.mark.parametrize("peran, status", [("pimpinan", 403), ("petugas2", 200), ("admin_user", 200)])
def test_periksa_identitas_per_role(masuk, online_berbeda, peran, status, request):
    client = masuk(request.getfixturevalue(peran))
    assert client.get(reverse("bukutamu:periksa_identitas", args=[online_berbeda.kunjungan_id])).status_code == status

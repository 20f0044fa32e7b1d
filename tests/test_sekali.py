"""Saves that happen once per form shown (pst_frontoffice.sekali), for every form that creates a record."""

import datetime
import re
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from bukutamu.models import Antrian, JamLayanan, JanjiTemu, Kunjungan, PendaftaranMandiri
from layanan.models import (
    CatatanInternal, ItemData, Layanan, Loker, NomorSurat, Pengaduan, PeminjamanLoker, RiwayatLayanan,
)
from pst_frontoffice import sekali
from pst_frontoffice.sekali import KunciSekali, KunciTidakSah, SudahDisimpan

from .conftest import kunci

WITA = ZoneInfo("Asia/Makassar")
RABU_10 = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=WITA)  # a working Wednesday, within service hours
SABTU_10 = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=WITA)


@pytest.fixture(autouse=True)
def _cache_bersih():
    cache.clear()  # the public forms' rate limits live in the cache
    yield
    cache.clear()


def kunci_dari(html):
    return re.search(rf'name="{sekali.NAMA_ISIAN}" value="([^"]+)"', html).group(1)


# The mechanism --------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_key_is_claimed_once_and_the_second_claim_learns_where_the_first_led():
    data = kunci("uji")
    with sekali.sekali(data, "uji") as klaim:
        klaim.tujuan = "/hasil/1/"

    with pytest.raises(SudahDisimpan) as kedua:
        with sekali.sekali(data, "uji"):
            pytest.fail("the body must not run twice")

    assert kedua.value.tujuan == "/hasil/1/"
    assert sekali.sudah_disimpan(data, "uji") == "/hasil/1/"
    assert KunciSekali.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_save_gives_its_key_back():
    data = kunci("uji")
    with pytest.raises(ValueError):
        with sekali.sekali(data, "uji"):
            raise ValueError("the create failed")

    assert sekali.sudah_disimpan(data, "uji") is None
    with sekali.sekali(data, "uji") as klaim:
        klaim.tujuan = "/hasil/2/"
    assert KunciSekali.objects.get().tujuan == "/hasil/2/"


@pytest.mark.django_db
@pytest.mark.parametrize("nilai", ["", "palsu", kunci("lain")[sekali.NAMA_ISIAN]])
def test_a_missing_forged_or_foreign_key_is_refused(nilai):
    with pytest.raises(KunciTidakSah):
        with sekali.sekali({sekali.NAMA_ISIAN: nilai}, "uji"):
            pytest.fail("nothing may be saved without a key of this form")


@pytest.mark.django_db
def test_a_key_older_than_a_day_is_refused(time_machine):
    time_machine.move_to(RABU_10, tick=False)
    data = kunci("uji")
    time_machine.move_to(RABU_10 + sekali.UMUR + datetime.timedelta(minutes=1), tick=False)
    with pytest.raises(KunciTidakSah):
        with sekali.sekali(data, "uji"):
            pass


# On both databases: on SQLite the second IMMEDIATE transaction waits for the first (the test
# database is a file, as the office's; tests/conftest.py), on PostgreSQL the unique constraint decides.
@pytest.mark.django_db(transaction=True)
def test_two_submits_at_the_same_moment_create_once():
    """Two threads claim the same key at once; the unique constraint lets exactly one through."""
    data = kunci("uji")
    mulai = threading.Barrier(2)
    hasil = []

    def kirim():
        try:
            mulai.wait()
            with sekali.sekali(data, "uji") as klaim:
                klaim.tujuan = "/satu/"
            hasil.append("simpan")
        except SudahDisimpan as e:
            hasil.append(("sudah", e.tujuan))
        finally:
            connection.close()

    benang = [threading.Thread(target=kirim) for _ in range(2)]
    for b in benang:
        b.start()
    for b in benang:
        b.join()

    assert sorted(map(str, hasil)) == sorted(map(str, ["simpan", ("sudah", "/satu/")]))
    assert KunciSekali.objects.count() == 1


@pytest.mark.django_db
def test_old_claims_are_dropped_after_a_new_save(time_machine, django_capture_on_commit_callbacks):
    time_machine.move_to(RABU_10, tick=False)
    with sekali.sekali(kunci("uji"), "uji"):
        pass
    time_machine.move_to(RABU_10 + 3 * sekali.UMUR, tick=False)

    with django_capture_on_commit_callbacks(execute=True):
        with sekali.sekali(kunci("uji"), "uji"):
            pass

    assert KunciSekali.objects.count() == 1


# Every form that creates a record --------------------------------------------------------------------

@pytest.fixture
def buka_hari_ini(time_machine, kantor, jenis):
    time_machine.move_to(RABU_10, tick=False)
    hari = RABU_10.weekday()
    JamLayanan.objects.update_or_create(hari=hari, defaults={"buka": datetime.time(0), "tutup": datetime.time(23, 59, 59)})


def test_buku_tamu_double_submit_creates_one_visit(masuk, petugas, jenis):
    client = masuk(petugas)
    halaman = client.get(reverse("bukutamu:buku_tamu")).content.decode()
    data = {
        sekali.NAMA_ISIAN: kunci_dari(halaman), "nama": "Siti Nurhaliza", "instansi": "Bappeda", "jenis_instansi": "pemerintah",
        "no_hp": "081234567890", "email": "", "keperluan": "Data penduduk", "sarana": "langsung", "kanal_online": "",
        "nomor_surat_permintaan": "", "jenis_layanan": [jenis["konsultasi"].pk, jenis["permintaan-data"].pk],
    }

    pertama = client.post(reverse("bukutamu:buku_tamu"), data)
    kedua = client.post(reverse("bukutamu:buku_tamu"), data, follow=True)

    assert pertama.status_code == 302
    assert kedua.redirect_chain[-1][0] == reverse("layanan:saya")
    assert "sudah tersimpan sebelumnya" in kedua.content.decode()
    assert Kunjungan.objects.count() == 1 and Layanan.objects.count() == 2


def test_buku_tamu_without_a_key_keeps_what_was_typed_and_gives_one(masuk, petugas, jenis):
    client = masuk(petugas)
    response = client.post(reverse("bukutamu:buku_tamu"), {
        "nama": "Siti Nurhaliza", "instansi": "Bappeda", "jenis_instansi": "pemerintah", "no_hp": "081234567890",
        "email": "", "keperluan": "Data penduduk", "sarana": "langsung", "jenis_layanan": [jenis["konsultasi"].pk],
    })

    html = response.content.decode()
    assert "terlalu lama terbuka" in html and 'value="Siti Nurhaliza"' in html
    assert not Kunjungan.objects.exists()
    assert client.post(reverse("bukutamu:buku_tamu"), {
        sekali.NAMA_ISIAN: kunci_dari(html), "nama": "Siti Nurhaliza", "instansi": "Bappeda", "jenis_instansi": "pemerintah",
        "no_hp": "081234567890", "email": "", "keperluan": "Data penduduk", "sarana": "langsung",
        "jenis_layanan": [jenis["konsultasi"].pk],
    }).status_code == 302


def test_the_compare_step_keeps_the_form_key(masuk, petugas, jenis, buat_kunjungan):
    buat_kunjungan(nama="Dewi Lestari", no_hp="6281298765432")
    client = masuk(petugas)
    data = {
        **kunci("buku_tamu"), "nama": "Dewi Lestari", "instansi": "Bappeda", "jenis_instansi": "pemerintah",
        "no_hp": "081298765432", "email": "baru@contoh.id", "keperluan": "Data", "sarana": "langsung",
        "jenis_layanan": [jenis["konsultasi"].pk],
    }
    html = client.post(reverse("bukutamu:buku_tamu"), data).content.decode()
    assert kunci_dari(html) == data[sekali.NAMA_ISIAN]


def test_self_registration_sent_twice_gives_one_number(client, buka_hari_ini, jenis):
    halaman = client.get(reverse("bukutamu:daftar")).content.decode()
    data = {
        sekali.NAMA_ISIAN: kunci_dari(halaman), "nama": "Siti Pendaftar", "instansi": "", "jenis_instansi": "perorangan",
        "no_hp": "0812 3456 7890", "email": "", "jenis_layanan": [jenis["konsultasi"].pk], "nomor_surat_permintaan": "",
        "keperluan": "Data kemiskinan", "sarana": "langsung", "setuju": "on", "situs_web": "",
    }

    pertama = client.post(reverse("bukutamu:daftar"), data)
    kedua = client.post(reverse("bukutamu:daftar"), data)

    assert pertama["Location"] == kedua["Location"]
    assert PendaftaranMandiri.objects.count() == 1 and Antrian.objects.count() == 1


def test_self_registration_online_sent_twice_opens_one_service(client, time_machine, kantor, jenis):
    time_machine.move_to(SABTU_10, tick=False)
    data = {
        **kunci("daftar_mandiri"), "nama": "Andi", "instansi": "", "jenis_instansi": "perorangan", "no_hp": "",
        "email": "andi@contoh.id", "jenis_layanan": [jenis["konsultasi"].pk], "nomor_surat_permintaan": "",
        "keperluan": "Cara membaca PDRB", "sarana": "online", "setuju": "on", "situs_web": "",
    }
    assert client.post(reverse("bukutamu:daftar"), data)["Location"] == client.post(reverse("bukutamu:daftar"), data)["Location"]
    assert Layanan.objects.count() == 1


def test_kiosk_double_tap_prints_one_ticket(client, buka_hari_ini, jenis):
    halaman = client.get(reverse("antrian:kios")).content.decode()
    data = {sekali.NAMA_ISIAN: kunci_dari(halaman), "jenis_layanan": jenis["konsultasi"].pk}

    pertama, kedua = client.post(reverse("antrian:kios"), data), client.post(reverse("antrian:kios"), data)

    assert pertama["Location"] == kedua["Location"] and Antrian.objects.count() == 1


def test_kiosk_appointment_sent_twice_is_booked_once(client, time_machine, kantor, jenis):
    time_machine.move_to(SABTU_10, tick=False)
    data = {**kunci("janji_kios"), "nama": "Andi", "no_hp": "081234567890", "jenis_layanan": jenis["konsultasi"].pk,
            "waktu": "2026-12-07T16:30", "keperluan": "Konsultasi data"}

    pertama, kedua = client.post(reverse("antrian:buat_janji"), data), client.post(reverse("antrian:buat_janji"), data)

    assert pertama.status_code == 302, pertama.content.decode()[:2000]
    assert pertama["Location"] == kedua["Location"] and JanjiTemu.objects.count() == 1


def test_desk_appointment_and_desk_ticket_are_made_once(masuk, petugas, buka_hari_ini, jenis):
    client = masuk(petugas)
    halaman = client.get(reverse("antrian:petugas")).content.decode()
    janji = {**kunci("janji_meja"), "nama": "Budi", "no_hp": "081234567890", "jenis_layanan": jenis["konsultasi"].pk,
             "waktu": "2026-12-05T10:00", "keperluan": "Data"}
    tiket = {**kunci("ambil_meja"), "jenis_layanan": jenis["konsultasi"].pk}

    assert client.post(reverse("antrian:janji_meja"), janji).status_code == 302
    assert "sudah tersimpan sebelumnya" in client.post(reverse("antrian:janji_meja"), janji, follow=True).content.decode()
    lokasi = {client.post(reverse("antrian:ambil_di_meja"), tiket)["Location"] for _ in range(2)}

    assert JanjiTemu.objects.count() == 1
    assert len(lokasi) == 1 and Antrian.objects.filter(sumber=Antrian.Sumber.MEJA).count() == 1
    assert 'name="kunci_sekali"' in halaman


def test_complaint_sent_twice_is_filed_once(masuk, petugas):
    client = masuk(petugas)
    data = {**kunci("pengaduan"), "isi": "Antrian terlalu lama", "kanal": "langsung", "unsur": "", "nama_pelapor": "Budi",
            "kontak_pelapor": "", "nomor_tiket_lapor": "", "diterima_pada": "2026-12-02T10:00", "nomor_layanan": ""}

    pertama = client.post(reverse("layanan:pengaduan_baru"), data)
    kedua = client.post(reverse("layanan:pengaduan_baru"), data)

    assert pertama.status_code == 302, pertama.content.decode()[:3000]
    assert kedua["Location"] == pertama["Location"] and Pengaduan.objects.count() == 1


def test_locker_registered_twice_is_lent_once(masuk, petugas):
    loker = Loker.objects.create(nomor="1")
    client = masuk(petugas)
    data = {**kunci("loker"), "loker": loker.pk, "jenis_kartu": "ktp", "nomor_kartu": "6310012345678901",
            "nama_pengunjung": "Budi", "layanan": ""}

    pertama = client.post(reverse("layanan:loker"), data)
    kedua = client.post(reverse("layanan:loker"), data, follow=True)

    assert pertama.status_code == 302, pertama.content.decode()[:3000]
    assert "sudah tersimpan sebelumnya" in kedua.content.decode()
    assert PeminjamanLoker.objects.count() == 1


def test_generate_nomor_pressed_twice_gives_one_number(masuk, petugas, buat_layanan):
    layanan = buat_layanan("permintaan-data")
    client = masuk(petugas)
    data = {**kunci("nomor_surat"), "klasifikasi": "HM.340", "tujuan": "Kepala Bappeda", "perihal": "Penyampaian Data"}
    url = reverse("layanan:generate_nomor", args=[layanan.pk])

    client.post(url, data, headers={"HX-Request": "true", "HX-Target": "surat"})
    kedua = client.post(url, data, headers={"HX-Request": "true", "HX-Target": "surat"})

    assert kedua.status_code == 200 and "sudah tersimpan sebelumnya" in kedua.content.decode()
    assert NomorSurat.objects.count() == 1


# The forms the officers' desk added: notes, the visitor's answer, Tugaskan ---------------------------

def test_internal_note_sent_twice_is_added_once_and_the_next_note_gets_a_new_key(masuk, petugas, buat_layanan):
    layanan = buat_layanan("konsultasi", oleh=petugas)
    client = masuk(petugas)
    url = reverse("layanan:tambah_catatan", args=[layanan.pk])
    htmx = {"HX-Request": "true", "HX-Target": "catatan-internal"}
    data = {"isi": "Pengunjung menelepon lagi.", **kunci("catatan_internal")}

    pertama = client.post(url, data, headers=htmx)
    kedua = client.post(url, data, headers=htmx)

    assert "sudah tersimpan sebelumnya" in kedua.content.decode()
    assert CatatanInternal.objects.count() == 1
    # The panel drawn after the save is a new form: its key is not the used one, so the next note is added.
    baru = kunci_dari(pertama.content.decode())
    assert baru != data[sekali.NAMA_ISIAN] and kunci_dari(kedua.content.decode()) != data[sekali.NAMA_ISIAN]
    client.post(url, {"isi": "Catatan berikutnya.", sekali.NAMA_ISIAN: baru}, headers=htmx)
    assert CatatanInternal.objects.count() == 2


def test_a_refused_note_keeps_its_key_so_the_corrected_note_is_the_same_form(masuk, petugas, buat_layanan):
    layanan = buat_layanan("konsultasi", oleh=petugas)
    client = masuk(petugas)
    url = reverse("layanan:tambah_catatan", args=[layanan.pk])
    data = {"isi": "  ", **kunci("catatan_internal")}

    ditolak = client.post(url, data, headers={"HX-Request": "true", "HX-Target": "catatan-internal"})

    assert kunci_dari(ditolak.content.decode()) == data[sekali.NAMA_ISIAN]
    assert not CatatanInternal.objects.exists()


def test_visitors_answer_recorded_twice_is_one_history_entry(masuk, petugas, buat_layanan):
    layanan = buat_layanan("konsultasi", oleh=petugas, sarana="online", kanal_online="whatsapp")
    client = masuk(petugas)
    url = reverse("layanan:catat_tanggapan", args=[layanan.pk])
    data = {"tanggapan": "Ditelepon: minta tabel 2025.", **kunci("tanggapan")}

    assert client.post(url, data).status_code == 302
    kedua = client.post(url, data, follow=True)

    assert "sudah tersimpan sebelumnya" in kedua.content.decode()
    assert layanan.riwayat.filter(jenis=RiwayatLayanan.Jenis.TANGGAPAN).count() == 1


def test_tugaskan_confirmed_twice_assigns_once_and_says_it_was_saved(masuk, petugas, petugas2, buat_layanan):
    layanan = [buat_layanan(nama=f"Tamu {i}", oleh=petugas) for i in range(2)]
    client = masuk(petugas)
    data = {"layanan": [l.pk for l in layanan], "petugas": petugas2.pk, "konfirmasi": "1", **kunci("tugaskan")}

    client.post(reverse("layanan:tugaskan"), data)
    kedua = client.post(reverse("layanan:tugaskan"), data, follow=True)

    html = kedua.content.decode()
    assert "sudah tersimpan sebelumnya" in html and "Tidak ada layanan yang dapat ditugaskan" not in html
    assert Layanan.objects.filter(petugas=petugas2).count() == 2
    assert RiwayatLayanan.objects.filter(catatan__startswith="Dialihkan dari").count() == 2


def test_tugaskan_confirmation_page_carries_the_form_key(masuk, petugas, petugas2, buat_layanan):
    layanan = buat_layanan(oleh=petugas)
    html = masuk(petugas).post(reverse("layanan:tugaskan"), {"layanan": [layanan.pk], "petugas": petugas2.pk}).content.decode()
    assert sekali._isi_kunci(kunci_dari(html), "tugaskan") is not None


def test_data_request_details_sent_twice_add_their_new_items_once(masuk, petugas, buat_layanan):
    layanan = buat_layanan("permintaan-data", oleh=petugas)
    client = masuk(petugas)
    url = reverse("layanan:rincian_permintaan", args=[layanan.pk])
    data = {
        "nomor_surat_permintaan": "", "tanggal_surat_permintaan": "", "format_data": "", "cara_penyampaian": "", "catatan": "",
        "item-TOTAL_FORMS": "1", "item-INITIAL_FORMS": "0", "item-MIN_NUM_FORMS": "0", "item-MAX_NUM_FORMS": "30",
        "item-0-topik": "IPM", "item-0-periode": "2025", "item-0-tingkat_wilayah": "kecamatan", **kunci("rincian_permintaan"),
    }

    assert client.post(url, data).status_code == 302
    kedua = client.post(url, data, follow=True)

    assert "sudah tersimpan sebelumnya" in kedua.content.decode()
    assert ItemData.objects.filter(permintaan__layanan=layanan).count() == 1

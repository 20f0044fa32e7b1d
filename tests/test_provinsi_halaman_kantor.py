"""The office Admin's Kiriman Provinsi page: each day's state, the key form, and its buttons, per role."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from provinsi import tandatangan
from provinsi.kiriman import kunci_terpasang
from provinsi.models import KirimanHarian, SambunganProvinsi, StatusKiriman


@pytest.fixture
def hari_hari(db):
    t = datetime.date(2027, 3, 1)
    KirimanHarian.objects.create(tanggal=t, status=StatusKiriman.TERKIRIM, terkirim_pada=timezone.now(), kali_terkirim=2)
    KirimanHarian.objects.create(tanggal=t + datetime.timedelta(days=1), status=StatusKiriman.DITOLAK,
                                 alasan="Ditolak provinsi: Hari ringkasan belum lewat di zona kantor", percobaan=2,
                                 kirim_setelah=timezone.now())
    KirimanHarian.objects.create(tanggal=t + datetime.timedelta(days=2), status=StatusKiriman.MENUNGGU)


def test_the_admin_sees_each_days_state_and_the_refusal_reason(masuk, admin_user, hari_hari, settings):
    settings.PROVINSI_URL = "https://pst.provinsi.example"
    r = masuk(admin_user).get(reverse("provinsi:kiriman"))
    assert r.status_code == 200
    teks = r.content.decode()
    assert 'id="kiriman-2027-03-02" data-status="ditolak"' in teks and "Hari ringkasan belum lewat" in teks
    assert 'data-status="terkirim"' in teks and 'data-status="menunggu"' in teks
    assert "https://pst.provinsi.example" in teks and "Belum dipasang" in teks
    r = masuk(admin_user).get(reverse("provinsi:kiriman"), {"status": "ditolak"})
    assert r.content.decode().count('data-status="') == 1


@pytest.mark.parametrize("jumlah", [1, 30])
def test_the_day_list_takes_the_same_queries_for_any_number_of_days(masuk, admin_user, django_assert_max_num_queries, jumlah):
    KirimanHarian.objects.bulk_create([KirimanHarian(tanggal=datetime.date(2027, 1, 1) + datetime.timedelta(days=i)) for i in range(jumlah)])
    client = masuk(admin_user)
    client.get(reverse("provinsi:kiriman"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("provinsi:kiriman")).status_code == 200


def test_without_a_province_address_the_page_says_how_to_connect(masuk, admin_user, settings):
    settings.PROVINSI_URL = ""
    teks = masuk(admin_user).get(reverse("provinsi:kiriman")).content.decode()
    assert "PROVINSI_URL" in teks and "Belum ada hari" in teks


@pytest.mark.parametrize("peran", ["petugas", "pimpinan"])
def test_other_roles_are_refused(masuk, request, peran):
    user = request.getfixturevalue(peran)
    assert masuk(user).get(reverse("provinsi:kiriman")).status_code == 403
    assert masuk(user).post(reverse("provinsi:kiriman_kunci"), {"kunci": tandatangan.buat_kunci("6310")}).status_code == 403
    assert not SambunganProvinsi.objects.exclude(kunci_terenkripsi="").exists()


def test_the_admin_installs_the_key_encrypted_and_refused_days_are_tried_again(
    masuk, admin_user, hari_hari, django_capture_on_commit_callbacks
):
    kunci = tandatangan.buat_kunci("6310")
    with django_capture_on_commit_callbacks(execute=True):
        r = masuk(admin_user).post(reverse("provinsi:kiriman_kunci"), {"kunci": f"  {kunci}  "}, follow=True)
    assert "Kunci untuk kantor 6310 dipasang" in r.content.decode()
    s = SambunganProvinsi.get()
    assert s.kode_kantor == "6310" and kunci not in s.kunci_terenkripsi and kunci_terpasang(s) == kunci
    assert s.kunci_dipasang_oleh == admin_user
    assert not KirimanHarian.objects.filter(status=StatusKiriman.DITOLAK).exists()
    assert DBTaskResult.objects.filter(status="READY").exists()


def test_a_key_of_the_wrong_shape_is_refused_in_place(masuk, admin_user):
    r = masuk(admin_user).post(reverse("provinsi:kiriman_kunci"), {"kunci": "bukan-kunci"})
    assert r.status_code == 400
    assert "Kunci tidak sah" in r.content.decode()
    assert SambunganProvinsi.get().kunci_terenkripsi == ""


def test_send_now_ends_the_wait_and_asks_the_worker(masuk, admin_user, hari_hari, django_capture_on_commit_callbacks):
    s = SambunganProvinsi.get()
    s.jeda_sampai = timezone.now() + datetime.timedelta(hours=1)
    s.save()
    with django_capture_on_commit_callbacks(execute=True):
        r = masuk(admin_user).post(reverse("provinsi:kiriman_kirim"))
    assert r.status_code == 302
    assert SambunganProvinsi.get().jeda_sampai is None
    assert DBTaskResult.objects.filter(status="READY").exists()


def test_send_again_queues_the_refused_days_or_every_day(masuk, admin_user, hari_hari):
    client = masuk(admin_user)
    client.post(reverse("provinsi:kiriman_ulang"))
    assert set(KirimanHarian.objects.values_list("status", flat=True)) == {StatusKiriman.TERKIRIM, StatusKiriman.MENUNGGU}
    client.post(reverse("provinsi:kiriman_ulang"), {"semua": "1"})
    assert set(KirimanHarian.objects.values_list("status", flat=True)) == {StatusKiriman.MENUNGGU}
    assert set(KirimanHarian.objects.values_list("sidik_terkirim", flat=True)) == {""}

"""Attendance rules (Absen Masuk / Absen Pulang), the dashboard widget, closing a forgotten Absen Pulang."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from presensi import services
from presensi.bawaan import pastikan_shift_bawaan
from presensi.models import JadwalPiket, Presensi, RiwayatPresensi, Shift
from presensi.rekap import rekap_bulanan

UTC = datetime.UTC
WITA = zoneinfo.ZoneInfo("Asia/Makassar")


def wita(*args):
    return datetime.datetime(*args, tzinfo=WITA)


@pytest.fixture
def shift(db):
    pastikan_shift_bawaan(Shift)
    return {s.nama: s for s in Shift.objects.all()}


# --- rules ---------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_absen_masuk_twice_on_one_day_is_refused(kantor, petugas):
    services.absen_masuk(petugas=petugas, waktu=wita(2026, 11, 23, 7, 25))

    with pytest.raises(ValidationError) as e:
        services.absen_masuk(petugas=petugas, waktu=wita(2026, 11, 23, 9, 0))

    assert "sudah Absen Masuk hari ini pukul 07.25" in e.value.messages[0]
    assert Presensi.objects.filter(petugas=petugas).count() == 1


@pytest.mark.django_db
def test_absen_pulang_without_absen_masuk_is_refused(kantor, petugas):
    with pytest.raises(ValidationError) as e:
        services.absen_pulang(petugas=petugas, waktu=wita(2026, 11, 23, 16, 0))

    assert "belum Absen Masuk" in e.value.messages[0]
    assert not Presensi.objects.exists()


@pytest.mark.django_db
def test_absen_pulang_only_once_and_history_is_kept(kantor, petugas):
    services.absen_masuk(petugas=petugas, waktu=wita(2026, 11, 23, 7, 25), ip="192.168.100.20")
    presensi = services.absen_pulang(petugas=petugas, waktu=wita(2026, 11, 23, 16, 5), ip="192.168.100.20")

    with pytest.raises(ValidationError) as e:
        services.absen_pulang(petugas=petugas, waktu=wita(2026, 11, 23, 16, 30))

    assert "sudah Absen Pulang hari ini pukul 16.05" in e.value.messages[0]
    presensi.refresh_from_db()
    assert presensi.pulang == wita(2026, 11, 23, 16, 5)
    assert list(presensi.riwayat.values_list("aksi", "oleh", "ip")) == [
        ("masuk", petugas.pk, "192.168.100.20"), ("pulang", petugas.pk, "192.168.100.20"),
    ]


@pytest.mark.django_db
def test_day_boundary_is_midnight_in_the_office_zone_not_utc(kantor, petugas):
    # Office in WITA (UTC+8). 15.30 and 16.30 UTC are the same UTC day but two office days.
    kemarin = services.absen_masuk(petugas=petugas, waktu=datetime.datetime(2026, 11, 22, 15, 30, tzinfo=UTC))
    hari_ini = services.absen_masuk(petugas=petugas, waktu=datetime.datetime(2026, 11, 22, 16, 30, tzinfo=UTC))

    assert kemarin.tanggal == datetime.date(2026, 11, 22)  # 23.30 WITA
    assert hari_ini.tanggal == datetime.date(2026, 11, 23)  # 00.30 WITA
    # 23.30 UTC on the 22nd is already 07.30 WITA on the 23rd: same office day, refused.
    with pytest.raises(ValidationError):
        services.absen_masuk(petugas=petugas, waktu=datetime.datetime(2026, 11, 22, 23, 30, tzinfo=UTC))


@pytest.mark.django_db
def test_day_boundary_follows_the_office_zone_setting(kantor, petugas):
    kantor.zona_waktu = "Asia/Jakarta"  # WIB, UTC+7
    kantor.save()

    presensi = services.absen_masuk(petugas=petugas, waktu=datetime.datetime(2026, 11, 22, 16, 30, tzinfo=UTC))

    assert presensi.tanggal == datetime.date(2026, 11, 22)  # 23.30 WIB


@pytest.mark.django_db
def test_attendance_outside_the_allowed_network_is_refused(kantor, petugas, settings):
    settings.PRESENSI_JARINGAN = ["192.168.100.0/24"]

    with pytest.raises(ValidationError) as e:
        services.absen_masuk(petugas=petugas, ip="10.1.2.3")
    services.absen_masuk(petugas=petugas, ip="192.168.100.77")

    assert "jaringan kantor" in e.value.messages[0]
    assert Presensi.objects.get().ip_masuk == "192.168.100.77"


@pytest.mark.django_db
def test_forgotten_absen_pulang_is_found_the_next_day_and_closed_by_admin_with_a_note(kantor, petugas, admin_user):
    lupa = services.absen_masuk(petugas=petugas, waktu=wita(2026, 11, 23, 7, 30))

    assert services.pulang_terlupa(petugas, waktu=wita(2026, 11, 23, 20, 0)) is None
    assert services.pulang_terlupa(petugas, waktu=wita(2026, 11, 24, 7, 0)) == lupa

    with pytest.raises(ValidationError):
        services.tutup_pulang_terlupa(presensi=lupa, oleh=admin_user, jam_pulang=datetime.time(16), catatan=" ")
    services.tutup_pulang_terlupa(
        presensi=lupa, oleh=admin_user, jam_pulang=datetime.time(16), catatan="Lupa absen, konfirmasi lisan"
    )

    lupa.refresh_from_db()
    assert lupa.pulang == wita(2026, 11, 23, 16, 0)
    assert lupa.ditutup_oleh == admin_user
    assert lupa.catatan_penutupan == "Lupa absen, konfirmasi lisan"
    assert lupa.riwayat.order_by("pk").last().aksi == RiwayatPresensi.Aksi.DITUTUP
    assert services.pulang_terlupa(petugas, waktu=wita(2026, 11, 24, 7, 0)) is None


@pytest.mark.django_db
def test_next_duty_skips_a_shift_that_has_ended(kantor, petugas, shift):
    JadwalPiket.objects.create(tanggal=datetime.date(2026, 11, 23), shift=shift["Pagi"], petugas=petugas)
    sore = JadwalPiket.objects.create(tanggal=datetime.date(2026, 11, 23), shift=shift["Sore"], petugas=petugas)

    assert services.tugas_berikutnya(petugas, waktu=wita(2026, 11, 23, 13, 0)) == sore
    assert services.tugas_berikutnya(petugas, waktu=wita(2026, 11, 23, 16, 1)) is None


@pytest.mark.django_db
def test_friday_hours_of_a_shift_are_used_when_set(shift):
    pagi = shift["Pagi"]
    pagi.jam_selesai_jumat = datetime.time(11, 0)
    pagi.save()

    assert pagi.label_jam(datetime.date(2026, 11, 27)) == "07.30–11.00"  # Friday
    assert pagi.label_jam(datetime.date(2026, 11, 26)) == "07.30–12.00"


@pytest.mark.django_db
def test_recap_counts_duties_attendance_lateness_missing_pulang_and_hours(kantor, petugas, petugas2, shift, admin_user):
    for hari in (23, 24, 25):
        JadwalPiket.objects.create(tanggal=datetime.date(2026, 11, hari), shift=shift["Pagi"], petugas=petugas)
    services.absen_masuk(petugas=petugas, waktu=wita(2026, 11, 23, 7, 20))
    services.absen_pulang(petugas=petugas, waktu=wita(2026, 11, 23, 12, 20))  # 5 h
    services.absen_masuk(petugas=petugas, waktu=wita(2026, 11, 24, 7, 45))  # late
    lupa = services.absen_masuk(petugas=petugas, waktu=wita(2026, 11, 25, 7, 30))
    services.tutup_pulang_terlupa(presensi=lupa, oleh=admin_user, jam_pulang=datetime.time(12), catatan="lupa")

    rekap = {r.petugas: r for r in rekap_bulanan(2026, 11)}

    r = rekap[petugas]
    assert (r.jadwal, r.hadir, r.terlambat, r.tanpa_pulang, r.jam) == (3, 3, 1, 2, 9.5)
    assert rekap[petugas2].hadir == 0


# --- views ---------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_dashboard_shows_the_widget_with_kipapp_reminder_and_next_duty(masuk, petugas, jenis, shift):
    besok = datetime.date.today() + datetime.timedelta(days=2)
    JadwalPiket.objects.create(tanggal=besok, shift=shift["Siang"], petugas=petugas)

    html = masuk(petugas).get(reverse("layanan:dashboard")).content.decode()

    assert "Absen Masuk" in html and "Absen Pulang" in html
    assert "Ambil foto bukti dukung di aplikasi <strong>Kipapp</strong>" in html
    assert "Shift Siang" in html


@pytest.mark.django_db
def test_absen_masuk_by_plain_post_redirects_with_a_message(masuk, petugas, jenis):
    client = masuk(petugas)

    response = client.post(reverse("presensi:absen_masuk"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("layanan:dashboard")
    assert "Absen Masuk tercatat pukul" in response.content.decode()
    assert Presensi.objects.filter(petugas=petugas).exists()


@pytest.mark.django_db
def test_absen_by_htmx_returns_the_widget_with_the_refusal(masuk, petugas):
    client = masuk(petugas)

    response = client.post(reverse("presensi:absen_pulang"), headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<div id=\"widget-presensi\"") or 'id="widget-presensi"' in html[:200]
    assert "belum Absen Masuk" in html


@pytest.mark.django_db
def test_absen_uses_remote_addr_against_the_allowed_networks(masuk, petugas, settings):
    settings.PRESENSI_JARINGAN = ["192.168.100.0/24"]
    client = masuk(petugas)

    luar = client.post(reverse("presensi:absen_masuk"), REMOTE_ADDR="10.0.0.5", headers={"HX-Request": "true"})
    kantor = client.post(reverse("presensi:absen_masuk"), REMOTE_ADDR="192.168.100.5", headers={"HX-Request": "true"})

    assert "hanya dapat dilakukan dari jaringan kantor" in luar.content.decode()
    assert "Absen Masuk tercatat" in kantor.content.decode()


@pytest.mark.django_db
def test_pimpinan_and_anonymous_cannot_absen(client, masuk, pimpinan):
    assert client.post(reverse("presensi:absen_masuk"))["Location"].startswith(reverse("login"))
    assert masuk(pimpinan).post(reverse("presensi:absen_masuk")).status_code == 403
    assert not Presensi.objects.exists()


@pytest.mark.django_db
def test_dashboard_tells_the_officer_about_yesterdays_forgotten_pulang(masuk, petugas, jenis):
    services.absen_masuk(petugas=petugas, waktu=datetime.datetime.now(UTC) - datetime.timedelta(days=1))

    html = masuk(petugas).get(reverse("layanan:dashboard")).content.decode()

    assert "Anda belum Absen Pulang pada" in html


@pytest.mark.django_db
def test_admin_closes_a_forgotten_pulang_from_the_page(masuk, admin_user, petugas):
    # At 07.30 two office days ago: closing it at 23.59 that day is after it whenever the suite runs
    # (two days before "now" fell after 23.59 when the suite ran in the minute before midnight).
    hari = timezone.localdate() - datetime.timedelta(days=2)
    lupa = services.absen_masuk(petugas=petugas, waktu=wita(hari.year, hari.month, hari.day, 7, 30))
    client = masuk(admin_user)
    assert petugas.nama in client.get(reverse("presensi:terlupa")).content.decode()

    kosong = client.post(reverse("presensi:tutup", args=[lupa.pk]), {"jam_pulang": "23:59", "catatan": ""})
    response = client.post(reverse("presensi:tutup", args=[lupa.pk]), {"jam_pulang": "23:59", "catatan": "Lupa"})

    assert kosong.status_code == 400 and "Catatan wajib diisi" in kosong.content.decode()
    assert response.status_code == 302
    lupa.refresh_from_db()
    assert lupa.ditutup_oleh == admin_user and lupa.catatan_penutupan == "Lupa"


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["petugas", "pimpinan"])
def test_only_admin_opens_and_closes_forgotten_pulang(masuk, request, peran, petugas2):
    lupa = services.absen_masuk(petugas=petugas2, waktu=datetime.datetime.now(UTC) - datetime.timedelta(days=2))
    client = masuk(request.getfixturevalue(peran))

    assert client.get(reverse("presensi:terlupa")).status_code == 403
    assert client.post(reverse("presensi:tutup", args=[lupa.pk]), {"jam_pulang": "16:00", "catatan": "x"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("jumlah", [1, 5])
def test_forgotten_pulang_page_query_count_does_not_grow(masuk, admin_user, buat_user, jumlah, django_assert_num_queries):
    kemarin = datetime.datetime.now(UTC) - datetime.timedelta(days=2)
    for i in range(jumlah):
        services.absen_masuk(petugas=buat_user(f"p{i}@example.com"), waktu=kemarin)
    client = masuk(admin_user)

    with django_assert_num_queries(4):  # 3 + the Admin's failed-messages badge in the navbar
        assert client.get(reverse("presensi:terlupa")).status_code == 200


@pytest.mark.django_db
def test_recap_page_for_pimpinan_and_export(masuk, pimpinan, petugas):
    client = masuk(pimpinan)

    html = client.get(reverse("presensi:rekap"), {"bulan": "2026-11"}).content.decode()
    berkas = client.get(reverse("presensi:rekap_ekspor"), {"bulan": "2026-11"})

    assert "Rekap Presensi November 2026" in html and petugas.nama in html
    assert berkas["Content-Type"].startswith("application/vnd.openxmlformats")
    assert berkas.content[:2] == b"PK"


@pytest.mark.django_db
def test_recap_is_refused_to_officers(masuk, petugas):
    assert masuk(petugas).get(reverse("presensi:rekap")).status_code == 403
    assert masuk(petugas).get(reverse("presensi:rekap_ekspor")).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("jumlah", [1, 5])
def test_recap_query_count_does_not_grow(masuk, pimpinan, buat_user, shift, jumlah, django_assert_num_queries):
    for i in range(jumlah):
        p = buat_user(f"p{i}@example.com")
        JadwalPiket.objects.create(tanggal=datetime.date(2026, 11, 2), shift=shift["Pagi"], petugas=p)
        services.absen_masuk(petugas=p, waktu=wita(2026, 11, 2, 7, 40))
    client = masuk(pimpinan)

    # The office settings are kept in the process: no query of their own.
    with django_assert_num_queries(5):
        assert client.get(reverse("presensi:rekap"), {"bulan": "2026-11"}).status_code == 200


@pytest.mark.django_db
def test_public_home_page_shows_service_hours_and_todays_officers(client, kantor, petugas, shift):
    with timezone.override(kantor.tzinfo):
        hari_ini = timezone.localdate()
    JadwalPiket.objects.create(tanggal=hari_ini, shift=shift["Pagi"], petugas=petugas)

    html = client.get("/").content.decode()

    assert kantor.nama_kantor in html
    assert "08.00–15.30" in html and "08.00–16.00" in html
    assert "Petugas piket hari ini" in html and "Rina Petugas" in html


@pytest.mark.django_db
def test_public_home_page_follows_the_service_hours_in_effect(client, kantor):
    from bukutamu.models import JamLayanan

    JamLayanan.objects.update_or_create(hari=4, defaults={"buka": datetime.time(8), "tutup": datetime.time(11)})
    JamLayanan.objects.update_or_create(hari=5, defaults={"buka": datetime.time(8), "tutup": datetime.time(12)})

    html = client.get("/").content.decode()

    assert "Senin–Kamis</th><td>08.00–15.30 WITA" in html
    assert "Jumat</th><td>08.00–11.00 WITA" in html
    assert "Sabtu</th><td>08.00–12.00 WITA" in html
    assert "Minggu</th><td>Tutup" in html

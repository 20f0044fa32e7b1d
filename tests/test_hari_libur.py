"""Cuti bersama is never silently empty: proposals from `holidays`, the Admin's check, warnings."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from pst_frontoffice.hari_kerja import KalenderKerja, adalah_hari_kerja, tambah_hari_kerja
from pst_frontoffice.hari_libur import peringatan, usulkan_yang_belum
from pst_frontoffice.models import CutiBersama

D = datetime.date
WITA = ZoneInfo("Asia/Makassar")
J = CutiBersama.Jenis
# Idul Fitri 1447 H: Sat 21 and Sun 22 March 2026; the decree adds Fri 20, Mon 23 and Tue 24, and
# Wed 18 for Nyepi (Thu 19).
PEKAN_IDUL_FITRI = [D(2026, 3, d) for d in range(16, 28)]


@pytest.fixture
def instalasi_baru(db, time_machine):
    """Tuesday 17 March 2026 10.00 WITA on an install with no dates at all yet."""
    time_machine.move_to(datetime.datetime(2026, 3, 17, 10, 0, tzinfo=WITA), tick=False)
    CutiBersama.objects.all().delete()


def hari_kerja_pekan():
    kalender = KalenderKerja()
    return [d.day for d in PEKAN_IDUL_FITRI if kalender.adalah_hari_kerja(d)]


def test_migrate_proposes_this_year_and_next_unchecked(instalasi_baru):
    call_command("migrate", verbosity=0)

    usulan = CutiBersama.objects.filter(tanggal__year=2026)
    assert usulan.filter(tanggal=D(2026, 3, 20), jenis=J.CUTI_BERSAMA).exists()
    assert not usulan.filter(diperiksa=True).exists()
    assert CutiBersama.objects.filter(tanggal__year=2027, jenis=J.CUTI_BERSAMA).count() >= 5
    # Estimated national holidays are proposed too, so that an Admin can move them to the decreed date.
    assert CutiBersama.objects.get(tanggal=D(2027, 3, 10)).keterangan.endswith("(perkiraan)")


def test_first_use_of_a_year_proposes_it(instalasi_baru):
    assert not adalah_hari_kerja(D(2026, 3, 24))
    assert CutiBersama.objects.filter(tanggal=D(2026, 3, 24), diperiksa=False).exists()
    assert KalenderKerja().adalah_hari_libur(D(2026, 3, 24))  # the second use stores nothing more
    assert CutiBersama.objects.filter(tanggal=D(2026, 3, 24)).count() == 1


def test_fresh_install_gives_the_online_request_of_17_march_its_due_date_27_march(instalasi_baru, buat_layanan):
    layanan = buat_layanan("konsultasi", sarana="online", kanal_online="email")
    # Wed 18 cuti Nyepi, Thu 19 Nyepi, Fri 20 cuti, weekend with Idul Fitri, Mon 23 and Tue 24 cuti:
    # the three working days are Wed 25, Thu 26 and Fri 27.
    assert layanan.tenggat == datetime.datetime(2026, 3, 27, 23, 59, 59, 999999, tzinfo=WITA)


def test_idul_fitri_week_with_cuti_bersama_unchecked(instalasi_baru):
    usulkan_yang_belum(D(2026, 3, 17))

    assert hari_kerja_pekan() == [16, 17, 25, 26, 27]
    assert tambah_hari_kerja(D(2026, 3, 17), 3) == D(2026, 3, 27)
    assert any("belum diperiksa" in p and "2026" in p for p in peringatan(D(2026, 3, 17)))


def test_idul_fitri_week_with_cuti_bersama_confirmed(instalasi_baru):
    usulkan_yang_belum(D(2026, 3, 17))
    CutiBersama.objects.filter(tanggal__year__in=[2026, 2027]).update(diperiksa=True)

    assert hari_kerja_pekan() == [16, 17, 25, 26, 27]
    assert peringatan(D(2026, 3, 17)) == []


def test_unticked_proposal_is_a_working_day_again(instalasi_baru):
    usulkan_yang_belum(D(2026, 3, 17))
    for cuti in CutiBersama.objects.filter(tanggal__in=[D(2026, 3, 23), D(2026, 3, 24)]):
        cuti.berlaku, cuti.diperiksa = False, True
        cuti.save()

    assert hari_kerja_pekan() == [16, 17, 23, 24, 25, 26, 27]


def test_admin_moves_an_estimated_national_holiday(instalasi_baru):
    usulkan_yang_belum(D(2026, 3, 17))
    idul_adha = CutiBersama.objects.get(tanggal=D(2027, 5, 17))  # Monday, "(perkiraan)"
    assert not adalah_hari_kerja(D(2027, 5, 17))

    idul_adha.tanggal, idul_adha.diperiksa = D(2027, 5, 21), True
    idul_adha.save()

    assert adalah_hari_kerja(D(2027, 5, 17))  # the package's estimate no longer counts
    assert not adalah_hari_kerja(D(2027, 5, 21))


def test_warning_when_the_coming_year_has_no_cuti_bersama(db):
    # The package knows no decree for 2028 yet, only estimated national holidays.
    usulkan_yang_belum(D(2027, 12, 31))
    assert not CutiBersama.objects.filter(tanggal__year=2028, jenis=J.CUTI_BERSAMA).exists()
    assert any("2028 belum diperiksa" in p for p in peringatan(D(2027, 12, 31)))
    CutiBersama.objects.filter(tanggal__year__in=[2027, 2028]).update(diperiksa=True)

    assert peringatan(D(2027, 12, 31)) == [
        "Cuti bersama 2028 belum diisi. Tambahkan tanggalnya sesuai SKB cuti bersama agar tenggat layanan tepat."
    ]


# Admin ------------------------------------------------------------------------------------------

def test_admin_adds_a_one_off_holiday(instalasi_baru, masuk, admin_user):
    data = {"tanggal": "2026-11-25", "keterangan": "Hari pemungutan suara Pilkada", "jenis": J.LIBUR,
            "berlaku": "on", "diperiksa": "on"}
    response = masuk(admin_user).post(reverse("admin:pst_frontoffice_cutibersama_add"), data)

    assert response.status_code == 302
    assert not adalah_hari_kerja(D(2026, 11, 25))  # a Wednesday


def test_admin_confirms_proposals_with_the_action(instalasi_baru, masuk, admin_user):
    usulkan_yang_belum(D(2026, 3, 17))
    pilihan = list(CutiBersama.objects.filter(tanggal__year=2026).values_list("pk", flat=True))

    response = masuk(admin_user).post(reverse("admin:pst_frontoffice_cutibersama_changelist"), {
        "action": "tandai_diperiksa", "_selected_action": pilihan,
    })

    assert response.status_code == 302
    assert not CutiBersama.objects.filter(tanggal__year=2026, diperiksa=False).exists()
    assert not any("2026" in p for p in peringatan(D(2026, 3, 17)))


def test_admin_index_and_list_warn_about_unchecked_dates(instalasi_baru, masuk, admin_user):
    usulkan_yang_belum(D(2026, 3, 17))
    klien = masuk(admin_user)

    indeks = klien.get(reverse("admin:index")).content.decode()
    daftar = klien.get(reverse("admin:pst_frontoffice_cutibersama_changelist")).content.decode()

    assert "cuti bersama/hari libur 2026 belum diperiksa" in indeks
    assert "cuti bersama/hari libur 2027 belum diperiksa" in daftar


def test_dashboard_warns_the_admin_but_not_the_officer(instalasi_baru, masuk, admin_user, petugas):
    usulkan_yang_belum(D(2026, 3, 17))

    untuk_admin = masuk(admin_user).get(reverse("layanan:dashboard")).content.decode()
    untuk_petugas = masuk(petugas).get(reverse("layanan:dashboard")).content.decode()

    assert "belum diperiksa" in untuk_admin and "Periksa cuti bersama" in untuk_admin
    assert "belum diperiksa" not in untuk_petugas

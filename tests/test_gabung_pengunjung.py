"""Admins merge two visitor records of the same person: everything moves, nothing is lost."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.urls import reverse

from bukutamu.models import Kunjungan, PendaftaranMandiri, Pengunjung, RiwayatPengunjung
from bukutamu.pengunjung import gabungkan
from layanan.models import Layanan, NomorSurat
from layanan.surat import beri_nomor_surat
from pst_frontoffice.models import LogAktivitas
from rating.models import Penilaian
from rating.services import pastikan_penilaian

pytestmark = pytest.mark.django_db

URL = reverse("admin:bukutamu_pengunjung_changelist")


@pytest.fixture
def dua_data(buat_kunjungan, petugas):
    """Dewi twice: once by phone, once by e-mail, each with a visit, a service and more."""
    pertama = buat_kunjungan("permintaan-data", nama="Dewi Lestari", instansi="", no_hp="6281298765432", email="")
    kedua = buat_kunjungan("konsultasi", nama="Dewi L.", instansi="ULM", no_hp="", email="dewi@ulm.ac.id")
    beri_nomor_surat(layanan=pertama.layanan.get(), klasifikasi="HM.340", tujuan="ULM", perihal="Data", oleh=petugas)
    pastikan_penilaian(kedua.layanan.get(), oleh=petugas)
    PendaftaranMandiri.objects.create(
        nama="Dewi L.", email="dewi@ulm.ac.id", keperluan="Data", tanggal=kedua.waktu.date(), pengunjung=kedua.pengunjung,
    )
    RiwayatPengunjung.objects.create(pengunjung=kedua.pengunjung, jenis="diperbarui", perubahan={"instansi": ["", "ULM"]},
                                     oleh=petugas)
    return pertama.pengunjung, kedua.pengunjung


def test_merging_moves_visits_services_letters_ratings_and_registrations(dua_data, admin_user):
    simpan, hapus = dua_data

    hasil = gabungkan(simpan=simpan, hapus=hapus, oleh=admin_user)

    assert hasil == simpan and list(Pengunjung.objects.all()) == [simpan]
    assert Kunjungan.objects.filter(pengunjung=simpan).count() == 2
    assert Layanan.objects.filter(kunjungan__pengunjung=simpan).count() == 2
    assert NomorSurat.objects.get().layanan.kunjungan.pengunjung == simpan
    assert Penilaian.objects.get().layanan.kunjungan.pengunjung == simpan
    assert PendaftaranMandiri.objects.get().pengunjung == simpan
    # Blank fields of the kept record take the other's values; the rest stays.
    simpan.refresh_from_db()
    assert (simpan.nama, simpan.instansi, simpan.no_hp, simpan.email) == ("Dewi Lestari", "ULM", "6281298765432", "dewi@ulm.ac.id")
    # Each visit keeps the identity it recorded.
    assert sorted(Kunjungan.objects.values_list("nama", flat=True)) == ["Dewi L.", "Dewi Lestari"]


def test_the_merge_is_in_the_history_with_the_removed_record_in_full(dua_data, admin_user):
    simpan, hapus = dua_data
    id_hapus = hapus.pk

    gabungkan(simpan=simpan, hapus=hapus, oleh=admin_user)

    riwayat = list(simpan.riwayat.order_by("pk"))
    assert len(riwayat) == 2  # the removed record's own history came along
    gabung = riwayat[-1]
    assert gabung.jenis == RiwayatPengunjung.Jenis.DIGABUNG and gabung.oleh == admin_user
    assert gabung.perubahan["digabung"] == {
        "id": id_hapus, "nama": "Dewi L.", "instansi": "ULM", "jenis_instansi": "pemerintah", "no_hp": "", "email": "dewi@ulm.ac.id",
    }
    assert gabung.perubahan["diisi"] == {"instansi": ["", "ULM"], "email": ["", "dewi@ulm.ac.id"]}
    assert f"#{id_hapus} Dewi L." in gabung.catatan and "1 kunjungan" in gabung.catatan
    assert LogAktivitas.objects.filter(aksi="pengunjung_digabung", objek_id=str(simpan.pk)).exists()


def test_a_record_cannot_be_merged_with_itself(dua_data, admin_user):
    with pytest.raises(ValidationError):
        gabungkan(simpan=dua_data[0], hapus=dua_data[0], oleh=admin_user)


def test_admin_merges_from_the_visitor_list_after_choosing_the_record_to_keep(masuk, admin_user, dua_data):
    simpan, hapus = dua_data
    client = masuk(admin_user)
    pilih = {"action": "gabung", ACTION_CHECKBOX_NAME: [simpan.pk, hapus.pk]}

    halaman = client.post(URL, pilih)
    assert halaman.status_code == 200 and "Gabungkan" in halaman.content.decode() and "Dewi L." in halaman.content.decode()
    assert Pengunjung.objects.count() == 2

    response = client.post(URL, {**pilih, "konfirmasi": "ya", "simpan": hapus.pk}, follow=True)

    assert list(Pengunjung.objects.all()) == [hapus]
    assert "digabung ke Dewi L." in response.content.decode()


def test_admin_must_pick_exactly_two(masuk, admin_user, dua_data):
    response = masuk(admin_user).post(URL, {"action": "gabung", ACTION_CHECKBOX_NAME: [dua_data[0].pk]}, follow=True)
    assert "Pilih tepat dua pengunjung" in response.content.decode() and Pengunjung.objects.count() == 2


@pytest.mark.parametrize("peran", ["petugas", "pimpinan"])
def test_only_admin_reaches_the_merge(masuk, dua_data, peran, request):
    client = masuk(request.getfixturevalue(peran))
    response = client.post(URL, {"action": "gabung", ACTION_CHECKBOX_NAME: [p.pk for p in dua_data], "konfirmasi": "ya",
                                 "simpan": dua_data[0].pk})
    assert response.status_code in (302, 403) and Pengunjung.objects.count() == 2

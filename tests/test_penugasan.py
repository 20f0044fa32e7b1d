"""Tugaskan on Semua Layanan: several services to one officer in one step, after a confirmation,
each with its history; under the detail page's rule (the handling officer or an Admin)."""

import pytest
from django.urls import reverse

from layanan.models import Layanan, RiwayatLayanan, Status
from layanan.pemberitahuan import baru_ditugaskan
from layanan.penugasan import pilah, tugaskan_banyak
from tests.conftest import kunci

pytestmark = pytest.mark.django_db

URL = reverse("layanan:tugaskan")


@pytest.fixture
def lima(buat_layanan, petugas, petugas2):
    """Rina's three open services, one of hers finished, one of Ahmad's."""
    milik = [buat_layanan(nama=f"Tamu {i}", oleh=petugas) for i in range(3)]
    selesai = buat_layanan(nama="Tamu Selesai", oleh=petugas)
    selesai.ubah_status(Status.SELESAI, oleh=petugas)
    lain = buat_layanan(nama="Tamu Ahmad", oleh=petugas2)
    return {"milik": milik, "selesai": selesai, "lain": lain}


def _ids(*layanan):
    return [l.pk for l in layanan]


def test_officer_gives_their_own_open_services_only(lima, petugas, petugas2, admin_user):
    hasil = pilah(layanan_ids=_ids(*lima["milik"], lima["selesai"], lima["lain"]), ke=admin_user, oleh=petugas)
    assert sorted(_ids(*hasil.boleh)) == sorted(_ids(*lima["milik"]))
    alasan = {l.pk: a for l, a in hasil.ditolak}
    assert alasan == {lima["selesai"].pk: "sudah selesai", lima["lain"].pk: "bukan layanan yang Anda tangani"}


def test_admin_gives_any_open_service_and_skips_those_already_the_officers(lima, petugas, admin_user):
    hasil = pilah(layanan_ids=_ids(*lima["milik"], lima["lain"]), ke=petugas, oleh=admin_user)
    assert _ids(*hasil.boleh) == [lima["lain"].pk]
    assert {a for _, a in hasil.ditolak} == {"sudah ditangani Rina Petugas"}


def test_assigning_writes_history_on_each_and_rings_the_officers_bell(lima, petugas, petugas2):
    hasil = tugaskan_banyak(layanan_ids=_ids(*lima["milik"]), ke=petugas2, oleh=petugas)

    assert len(hasil.boleh) == 3
    assert set(Layanan.objects.filter(pk__in=_ids(*lima["milik"])).values_list("petugas", flat=True)) == {petugas2.pk}
    for layanan in lima["milik"]:
        entri = layanan.riwayat.filter(jenis=RiwayatLayanan.Jenis.PETUGAS).get()
        assert entri.oleh == petugas
        assert entri.catatan == "Dialihkan dari Rina Petugas ke Ahmad Petugas, bersama 2 layanan lain."
    assert baru_ditugaskan(petugas2).count() == 3


def test_confirmation_page_lists_what_will_and_will_not_be_assigned(masuk, lima, petugas, petugas2):
    kembali = reverse("layanan:semua") + "?status=terbuka&page=2"
    response = masuk(petugas).post(URL, {
        "layanan": _ids(*lima["milik"][:2], lima["lain"]), "petugas": petugas2.pk, "kembali": kembali,
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tugaskan 2 layanan ke Ahmad Petugas?" in html
    assert "Tamu Ahmad · Konsultasi — bukan layanan yang Anda tangani" in html
    assert f'name="kembali" value="{kembali.replace("&", "&amp;")}"' in html and 'name="konfirmasi" value="1"' in html
    assert Layanan.objects.filter(petugas=petugas2).count() == 1  # nothing assigned yet


def test_confirmed_assignment_goes_back_to_the_list_with_a_message(masuk, lima, petugas, petugas2):
    kembali = reverse("layanan:semua") + "?status=terbuka"
    response = masuk(petugas).post(URL, {
        "layanan": _ids(*lima["milik"]), "petugas": petugas2.pk, "kembali": kembali, "konfirmasi": "1", **kunci("tugaskan"),
    }, follow=True)
    assert response.redirect_chain[-1][0] == kembali
    assert "3 layanan ditugaskan ke Ahmad Petugas." in response.content.decode()
    assert Layanan.objects.filter(petugas=petugas2).count() == 4


def test_nothing_chosen_or_no_officer_is_refused_with_a_message(masuk, lima, petugas):
    client = masuk(petugas)
    response = client.post(URL, {"petugas": petugas.pk, "konfirmasi": "1", **kunci("tugaskan")}, follow=True)
    assert "Pilih paling sedikit satu layanan di daftar." in response.content.decode()
    response = client.post(URL, {"layanan": _ids(*lima["milik"]), "petugas": ""}, follow=True)
    assert "Pilih petugas yang akan menangani." in response.content.decode()
    response = client.post(URL, {"layanan": ["abc"], "petugas": petugas.pk}, follow=True)
    assert "Pilih paling banyak 100 layanan dari daftar." in response.content.decode()


def test_the_way_back_stays_on_this_site(masuk, lima, petugas, petugas2):
    response = masuk(petugas).post(URL, {
        "layanan": _ids(*lima["milik"]), "petugas": petugas2.pk, "kembali": "https://contoh.invalid/layanan/", "konfirmasi": "1", **kunci("tugaskan"),
    })
    assert response["Location"] == reverse("layanan:semua")


def test_head_of_office_may_not_assign_and_sees_no_checkboxes(masuk, lima, pimpinan, petugas2):
    client = masuk(pimpinan)
    assert client.post(URL, {"layanan": _ids(*lima["milik"]), "petugas": petugas2.pk, "konfirmasi": "1", **kunci("tugaskan")}).status_code == 403
    html = client.get(reverse("layanan:semua")).content.decode()
    assert 'form="form-tugaskan"' not in html and 'id="form-tugaskan"' not in html
    assert not Layanan.objects.filter(petugas=petugas2).exclude(pk=lima["lain"].pk).exists()


def test_semua_layanan_offers_checkboxes_and_the_officers_to_the_desk(masuk, lima, petugas):
    html = masuk(petugas).get(reverse("layanan:semua")).content.decode()
    assert html.count('name="layanan"') == 5 and 'id="form-tugaskan"' in html
    assert '<option value="">Pilih petugas…</option>' in html and "Ahmad Petugas</option>" in html

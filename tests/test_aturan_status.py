import pytest
from django.core.exceptions import ValidationError

from layanan.models import RiwayatLayanan, Status


@pytest.mark.django_db
def test_data_request_follows_the_full_flow_and_records_each_step(buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")

    for status in (Status.DIPROSES, Status.SIAP_DIAMBIL, Status.SELESAI):
        layanan.ubah_status(status, oleh=petugas, catatan=f"ke {status}")

    layanan.refresh_from_db()
    assert layanan.status == Status.SELESAI
    assert layanan.selesai_pada is not None
    langkah = list(layanan.riwayat.values_list("jenis", "dari_status", "ke_status", "oleh"))
    assert langkah == [
        ("dibuat", "", "diterima", petugas.pk),
        ("status", "diterima", "diproses", petugas.pk),
        ("status", "diproses", "siap_diambil", petugas.pk),
        ("status", "siap_diambil", "selesai", petugas.pk),
    ]


@pytest.mark.django_db
def test_siap_diambil_is_refused_for_a_consultation(buat_layanan, petugas):
    layanan = buat_layanan("konsultasi")

    with pytest.raises(ValidationError, match="Siap Diambil"):
        layanan.ubah_status(Status.SIAP_DIAMBIL, oleh=petugas)

    assert Status.SIAP_DIAMBIL not in layanan.status_berikutnya()
    layanan.refresh_from_db()
    assert layanan.status == Status.DITERIMA


@pytest.mark.django_db
def test_consultation_may_go_straight_to_selesai(buat_layanan, petugas):
    layanan = buat_layanan("konsultasi")
    layanan.ubah_status(Status.SELESAI, oleh=petugas)
    assert layanan.status == Status.SELESAI


@pytest.mark.django_db
@pytest.mark.parametrize("akhir", [Status.SELESAI, Status.DIBATALKAN])
def test_a_closed_service_cannot_change_again(buat_layanan, petugas, akhir):
    layanan = buat_layanan("permintaan-data")
    layanan.ubah_status(akhir, oleh=petugas, catatan="alasan")

    for ke in Status:
        with pytest.raises(ValidationError):
            layanan.ubah_status(ke, oleh=petugas, catatan="lagi")


@pytest.mark.django_db
def test_going_back_is_refused(buat_layanan, petugas):
    layanan = buat_layanan("permintaan-data")
    layanan.ubah_status(Status.SIAP_DIAMBIL, oleh=petugas)

    with pytest.raises(ValidationError):
        layanan.ubah_status(Status.DIPROSES, oleh=petugas)
    with pytest.raises(ValidationError):
        layanan.ubah_status(Status.DITERIMA, oleh=petugas)


@pytest.mark.django_db
@pytest.mark.parametrize("dari", [Status.DITERIMA, Status.DIPROSES, Status.SIAP_DIAMBIL])
def test_dibatalkan_from_any_open_state_needs_a_reason(buat_layanan, petugas, dari):
    layanan = buat_layanan("permintaan-data")
    if dari != Status.DITERIMA:
        layanan.ubah_status(dari, oleh=petugas)

    with pytest.raises(ValidationError, match="Alasan"):
        layanan.ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="  ")
    layanan.ubah_status(Status.DIBATALKAN, oleh=petugas, catatan="Pengunjung tidak jadi")

    terakhir = layanan.riwayat.last()
    assert (terakhir.dari_status, terakhir.ke_status, terakhir.catatan) == (dari, "dibatalkan", "Pengunjung tidak jadi")


@pytest.mark.django_db
def test_a_stale_screen_cannot_overwrite_a_newer_status(buat_layanan, petugas, petugas2):
    layanan = buat_layanan("permintaan-data")
    layar_lama = type(layanan).objects.get(pk=layanan.pk)
    layanan.ubah_status(Status.SELESAI, oleh=petugas)

    with pytest.raises(ValidationError):
        layar_lama.ubah_status(Status.DIPROSES, oleh=petugas2)
    assert RiwayatLayanan.objects.filter(layanan=layanan, jenis="status").count() == 1


@pytest.mark.django_db
def test_reassignment_and_co_handlers_are_in_the_history(buat_layanan, petugas, petugas2, admin_user):
    layanan = buat_layanan()

    layanan.alihkan(petugas2, oleh=admin_user)
    layanan.atur_pendamping([petugas], oleh=admin_user)

    assert layanan.petugas == petugas2
    assert list(layanan.pendamping.all()) == [petugas]
    catatan = list(layanan.riwayat.filter(jenis="petugas").values_list("catatan", flat=True))
    assert "Dialihkan dari Rina Petugas ke Ahmad Petugas." in catatan
    assert "Petugas pendamping: Rina Petugas." in catatan
    assert layanan.boleh_diubah_oleh(petugas) and layanan.boleh_diubah_oleh(petugas2)

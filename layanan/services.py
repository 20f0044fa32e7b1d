"""Rules that span the services app and others: opening services, WhatsApp summaries."""

from django.urls import reverse

from pst_frontoffice.models import TEMPLATE_WA_GRUP_BAWAAN
from pst_frontoffice.whatsapp import tautan_wa

from .models import Layanan, RiwayatLayanan


def buka_layanan_untuk_kunjungan(*, kunjungan, petugas):
    """One service per chosen jenis, handled by the officer who wrote the guest book."""
    dibuat = []
    for jenis in kunjungan.jenis_layanan.all():
        layanan = Layanan.objects.create(kunjungan=kunjungan, jenis=jenis, petugas=petugas, dibuat=kunjungan.waktu)
        RiwayatLayanan.objects.create(
            layanan=layanan, jenis=RiwayatLayanan.Jenis.DIBUAT, ke_status=layanan.status,
            catatan="Dicatat dari Buku Tamu.", oleh=petugas, waktu=kunjungan.waktu,
        )
        dibuat.append(layanan)
    return dibuat


class _Aman(dict):
    """Leaves an unknown {placeholder} as it is instead of failing on an Admin's typo."""

    def __missing__(self, key):
        return "{" + key + "}"


def teks_notifikasi_grup(layanan, *, kantor, request=None):
    """The summary an officer sends to the internal WhatsApp coordination group."""
    tautan = reverse("layanan:detail", args=[layanan.pk])
    if request is not None:
        tautan = request.build_absolute_uri(tautan)
    kunjungan = layanan.kunjungan
    data = _Aman(
        nama=kunjungan.pengunjung.nama,
        instansi=kunjungan.instansi or kunjungan.pengunjung.instansi or "-",
        jenis=layanan.jenis.nama,
        keperluan=kunjungan.keperluan,
        petugas=layanan.petugas.nama,
        tautan=tautan,
        nomor=f"#{layanan.pk}",
    )
    try:
        return kantor.template_wa_grup.format_map(data)
    except (ValueError, IndexError, AttributeError):
        # A broken template must not stop the officer: fall back to the default wording.
        return TEMPLATE_WA_GRUP_BAWAAN.format_map(data)


def tautan_notifikasi_grup(layanan, *, kantor, request=None):
    return tautan_wa(teks_notifikasi_grup(layanan, kantor=kantor, request=request))

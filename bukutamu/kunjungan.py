"""Writing the guest book: one visitor record per person, one visit per arrival.

A visit records who came as they were that day; the stored visitor record changes only when the
officer confirms it (bukutamu.pengunjung).
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .antrian import tandai_dilayani
from .models import Kunjungan, PendaftaranMandiri, Pengunjung
from .pengunjung import (
    FIELD_IDENTITAS, Keputusan, PerluKeputusan, bandingkan, catat_perubahan, lengkapi_identitas, pengunjung_baru, rapi,
    terapkan_keputusan,
)
from .signals import kunjungan_dicatat


def cocokkan_pengunjung(*, no_hp="", email="", pengunjung_id=None):
    """Find the visitor this person already is: the suggestion the officer chose, else by phone, then e-mail."""
    if pengunjung_id:
        found = Pengunjung.objects.filter(pk=pengunjung_id).first()
        if found:
            return found
    if no_hp:
        found = Pengunjung.objects.filter(no_hp=no_hp).first()
        if found:
            return found
    if email:
        return Pengunjung.objects.filter(email__iexact=email).first()
    return None


def tetapkan_identitas(*, identitas, pengunjung_id=None, keputusan="", sidik=""):
    """Who this visit is: (visitor record, the visit's identity, the record's changes to append).

    Raises PerluKeputusan, before anything is written, when the typed identity differs from the
    matched visitor and the officer has not decided on exactly this comparison.
    """
    diketik = {f: rapi(f, identitas.get(f)) for f in FIELD_IDENTITAS}
    pengunjung = cocokkan_pengunjung(no_hp=diketik["no_hp"], email=diketik["email"], pengunjung_id=pengunjung_id)
    if pengunjung is None:
        return pengunjung_baru(diketik), diketik, {}
    # Locked until the visit is saved: two officers deciding on the same record do so in turn.
    pengunjung = Pengunjung.objects.select_for_update().get(pk=pengunjung.pk)
    perbandingan = bandingkan(pengunjung, diketik)
    if not perbandingan.perbedaan:
        return pengunjung, lengkapi_identitas(pengunjung, diketik), {}
    if keputusan not in Keputusan.values or sidik != perbandingan.sidik:
        raise PerluKeputusan(perbandingan, berubah=bool(keputusan))
    return terapkan_keputusan(perbandingan, keputusan)


@transaction.atomic
def catat_kunjungan(
    *, petugas, nama, instansi, jenis_instansi, no_hp, email, jenis_layanan, keperluan, sarana,
    kanal_online="", nomor_surat_permintaan="", pengunjung_id=None, waktu=None, antrian=None,
    keputusan="", sidik="",
):
    """Save one guest-book entry; the services app then opens one Layanan per jenis.

    Raises PerluKeputusan (nothing saved) when the identity needs the officer's decision, see
    `tetapkan_identitas`. `antrian` is the called queue ticket this visit answers; it is marked
    served in the same transaction, so a ticket is linked to at most one guest-book entry.
    """
    pengunjung, identitas, perubahan = tetapkan_identitas(
        identitas=dict(nama=nama, instansi=instansi, jenis_instansi=jenis_instansi, no_hp=no_hp, email=email),
        pengunjung_id=pengunjung_id, keputusan=keputusan, sidik=sidik,
    )
    kunjungan = Kunjungan.objects.create(
        pengunjung=pengunjung,
        waktu=waktu or timezone.now(),
        sarana=sarana,
        kanal_online=kanal_online if sarana == "online" else "",
        keperluan=keperluan,
        nomor_surat_permintaan=nomor_surat_permintaan,
        dicatat_oleh=petugas,
        **identitas,
    )
    catat_perubahan(pengunjung=pengunjung, perubahan=perubahan, oleh=petugas, kunjungan=kunjungan,
                    catatan="Dikonfirmasi petugas di Buku Tamu.")
    kunjungan.jenis_layanan.set(jenis_layanan)
    if antrian is not None:
        tandai_dilayani(antrian=antrian, kunjungan=kunjungan, petugas=petugas)
    kunjungan_dicatat.send(sender=Kunjungan, kunjungan=kunjungan, petugas=petugas)
    return kunjungan


@transaction.atomic
def konfirmasi_identitas(*, kunjungan, keputusan="", sidik="", oleh):
    """An officer checks a visit whose contact nobody in the office confirmed (an online
    self-registration that differed from the stored visitor it matched): the same choice as in
    Buku Tamu; from then on messages go to the visit's contact. Raises PerluKeputusan."""
    kunjungan = Kunjungan.objects.select_for_update().get(pk=kunjungan.pk)
    if kunjungan.kontak_dikonfirmasi:
        return kunjungan
    pengunjung = Pengunjung.objects.select_for_update().get(pk=kunjungan.pengunjung_id)
    perbandingan = bandingkan(pengunjung, {f: getattr(kunjungan, f) for f in FIELD_IDENTITAS})
    if perbandingan.perbedaan:
        if keputusan not in Keputusan.values or sidik != perbandingan.sidik:
            raise PerluKeputusan(perbandingan, berubah=bool(keputusan))
        pengunjung, identitas, perubahan = terapkan_keputusan(perbandingan, keputusan)
    else:
        identitas, perubahan = lengkapi_identitas(pengunjung, perbandingan.diketik), {}
    for field, nilai in identitas.items():
        setattr(kunjungan, field, nilai)
    kunjungan.pengunjung = pengunjung
    kunjungan.kontak_dikonfirmasi = True
    kunjungan.save()
    PendaftaranMandiri.objects.filter(kunjungan=kunjungan).update(pengunjung=pengunjung)
    catat_perubahan(pengunjung=pengunjung, perubahan=perubahan, oleh=oleh, kunjungan=kunjungan,
                    catatan="Dikonfirmasi petugas dari permintaan online (daftar mandiri).")
    return kunjungan


def cari_pengunjung(teks, batas=8):
    """Earlier visitors whose name, phone or e-mail contains what the officer is typing."""
    teks = (teks or "").strip()
    if len(teks) < 2:
        return Pengunjung.objects.none()
    kondisi = Q(nama__icontains=teks) | Q(email__icontains=teks) | Q(instansi__icontains=teks)
    angka = "".join(ch for ch in teks if ch.isdigit())
    if len(angka) >= 2:
        # Officers type phones as 0812…; they are stored as 62812….
        kondisi |= Q(no_hp__contains=angka.removeprefix("0"))
    return Pengunjung.objects.filter(kondisi).order_by("-diperbarui")[:batas]

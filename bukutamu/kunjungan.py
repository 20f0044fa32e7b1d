"""Writing the guest book: one visitor record per person, one visit per arrival."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .antrian import tandai_dilayani
from .models import Kunjungan, Pengunjung
from .signals import kunjungan_dicatat


def cocokkan_pengunjung(*, no_hp="", email="", pengunjung_id=None):
    """Find the visitor this person already is: by phone, then e-mail, then the chosen suggestion."""
    if no_hp:
        found = Pengunjung.objects.filter(no_hp=no_hp).first()
        if found:
            return found
    if email:
        found = Pengunjung.objects.filter(email__iexact=email).first()
        if found:
            return found
    if pengunjung_id:
        return Pengunjung.objects.filter(pk=pengunjung_id).first()
    return None


def simpan_pengunjung(*, nama, instansi, jenis_instansi, no_hp, email, pengunjung_id=None):
    """Create the visitor or bring the existing record up to date (never a copy per visit)."""
    pengunjung = cocokkan_pengunjung(no_hp=no_hp, email=email, pengunjung_id=pengunjung_id)
    if pengunjung is None:
        return Pengunjung.objects.create(
            nama=nama, instansi=instansi, jenis_instansi=jenis_instansi, no_hp=no_hp, email=email
        )
    pengunjung.nama = nama
    pengunjung.instansi = instansi
    pengunjung.jenis_instansi = jenis_instansi
    # Fill a missing contact, or take the new one unless another visitor already owns it.
    if no_hp and no_hp != pengunjung.no_hp and not Pengunjung.objects.filter(no_hp=no_hp).exists():
        pengunjung.no_hp = no_hp
    if email and email != pengunjung.email and not Pengunjung.objects.filter(email__iexact=email).exists():
        pengunjung.email = email
    pengunjung.save()
    return pengunjung


@transaction.atomic
def catat_kunjungan(
    *, petugas, nama, instansi, jenis_instansi, no_hp, email, jenis_layanan, keperluan, sarana,
    kanal_online="", nomor_surat_permintaan="", pengunjung_id=None, waktu=None, antrian=None,
):
    """Save one guest-book entry; the services app then opens one Layanan per jenis.

    `antrian` is the called queue ticket this visit answers; it is marked served in the same
    transaction, so a ticket is linked to at most one guest-book entry.
    """
    pengunjung = simpan_pengunjung(
        nama=nama, instansi=instansi, jenis_instansi=jenis_instansi, no_hp=no_hp, email=email,
        pengunjung_id=pengunjung_id,
    )
    kunjungan = Kunjungan.objects.create(
        pengunjung=pengunjung,
        waktu=waktu or timezone.now(),
        sarana=sarana,
        kanal_online=kanal_online if sarana == "online" else "",
        keperluan=keperluan,
        nomor_surat_permintaan=nomor_surat_permintaan,
        instansi=instansi,
        dicatat_oleh=petugas,
    )
    kunjungan.jenis_layanan.set(jenis_layanan)
    if antrian is not None:
        tandai_dilayani(antrian=antrian, kunjungan=kunjungan, petugas=petugas)
    kunjungan_dicatat.send(sender=Kunjungan, kunjungan=kunjungan, petugas=petugas)
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

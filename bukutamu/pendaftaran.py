"""Self-registration rules: a walk-in gets a queue number (or, outside hours, is offered an
appointment); an online request becomes a visit at once. Matching an earlier visitor happens here,
on the server; nothing about a matched visitor is ever sent back to the phone."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .antrian import ambil_nomor, sedang_buka, waktu_kantor
from .kunjungan import cocokkan_pengunjung
from .pengunjung import FIELD_IDENTITAS, bandingkan, lengkapi_identitas, pengunjung_baru
from .models import Antrian, JanjiTemu, JenisLayanan, KanalOnline, Kunjungan, PendaftaranMandiri, Sarana
from .signals import kunjungan_dicatat, permintaan_online_diterima

H = PendaftaranMandiri.Hasil


class PendaftaranTidakBisa(Exception):
    """The registration cannot be taken (message in Indonesian); nothing was saved."""


def jenis_untuk_nomor(jenis_layanan):
    """The kind whose queue prefix the number takes: the first chosen (by the kinds' order) that has
    one, else the first kind a visitor can queue for; None when no kind has a prefix at all."""
    pilihan = next((j for j in sorted(jenis_layanan, key=lambda j: (j.urutan, j.nama)) if j.prefix_antrian), None)
    return pilihan or JenisLayanan.objects.filter(aktif=True).exclude(prefix_antrian="").first()


def _simpan(*, data, hasil, waktu):
    pendaftaran = PendaftaranMandiri.objects.create(
        nama=data["nama"], instansi=data["instansi"], jenis_instansi=data["jenis_instansi"],
        no_hp=data["no_hp"], email=data["email"], nomor_surat_permintaan=data["nomor_surat_permintaan"],
        keperluan=data["keperluan"], sarana=data["sarana"], hasil=hasil,
        pengunjung=cocokkan_pengunjung(no_hp=data["no_hp"], email=data["email"]),
        tanggal=waktu_kantor(waktu).date(),
    )
    pendaftaran.jenis_layanan.set(data["jenis_layanan"])
    return pendaftaran


@transaction.atomic
def daftar_mandiri(*, data, waktu=None):
    """Record a self-registration (the form's cleaned data) and do what its kind asks.

    - online: the visit is recorded and its services opened (see `catat_permintaan_online`);
    - walk-in within service hours: a queue number marked "daftar mandiri";
    - walk-in outside them: the entry waits for an appointment (`buat_janji`).
    """
    waktu = waktu or timezone.now()
    if data["sarana"] == Sarana.ONLINE:
        pendaftaran = _simpan(data=data, hasil=H.ONLINE, waktu=waktu)
        permintaan_online_diterima.send(sender=PendaftaranMandiri, pendaftaran=pendaftaran)
        return pendaftaran
    jenis = jenis_untuk_nomor(data["jenis_layanan"])
    if jenis is None:
        raise PendaftaranTidakBisa("Nomor antrian belum dapat diberikan. Silakan menuju meja resepsionis.")
    if not sedang_buka(waktu):
        return _simpan(data=data, hasil=H.JANJI, waktu=waktu)
    pendaftaran = _simpan(data=data, hasil=H.ANTRIAN, waktu=waktu)
    pendaftaran.antrian = ambil_nomor(jenis_layanan=jenis, sumber=Antrian.Sumber.MANDIRI, waktu=waktu)
    pendaftaran.save(update_fields=["antrian"])
    return pendaftaran


@transaction.atomic
def buat_janji(*, pendaftaran, waktu_janji, no_hp):
    """The appointment offered outside service hours, for a walk-in self-registration."""
    pendaftaran = PendaftaranMandiri.objects.select_for_update().get(pk=pendaftaran.pk)
    if pendaftaran.hasil != H.JANJI or pendaftaran.janji_temu_id:
        return pendaftaran
    jenis = jenis_untuk_nomor(pendaftaran.jenis_layanan.all())
    pendaftaran.janji_temu = JanjiTemu.objects.create(
        nama=pendaftaran.nama, no_hp=no_hp, jenis_layanan=jenis, waktu=waktu_janji,
        keperluan=pendaftaran.keperluan[:300],
    )
    if not pendaftaran.no_hp:
        pendaftaran.no_hp = no_hp
    pendaftaran.save(update_fields=["janji_temu", "no_hp"])
    return pendaftaran


def identitas(pendaftaran):
    """What the visitor typed about themselves, by the guest book's identity fields."""
    return {f: getattr(pendaftaran, f) for f in FIELD_IDENTITAS}


def perbandingan(pendaftaran):
    """The stored visitor this registration matched beside what was typed, when they differ; else None."""
    if pendaftaran.pengunjung is None:
        return None
    hasil = bandingkan(pendaftaran.pengunjung, identitas(pendaftaran))
    return hasil if hasil.perbedaan else None


def catat_permintaan_online(*, pendaftaran, petugas, waktu=None):
    """Record an online request as a guest-book visit written by `petugas`; services follow.

    A matched visitor is linked but never changed: what a stranger types must not overwrite a
    record. When the typed identity differs from it, the visit keeps what was typed and its
    contact is not confirmed: no message goes to it until an officer checks it, so nobody outside
    the office can send a known visitor's letters elsewhere.
    """
    pengunjung = pendaftaran.pengunjung
    dikonfirmasi = True
    if pengunjung is None:
        pengunjung = pendaftaran.pengunjung = pengunjung_baru(identitas(pendaftaran))
        data = identitas(pendaftaran)
    elif perbandingan(pendaftaran) is None:
        data = lengkapi_identitas(pengunjung, identitas(pendaftaran))
    else:
        data, dikonfirmasi = identitas(pendaftaran), False
    kunjungan = Kunjungan.objects.create(
        pengunjung=pengunjung, waktu=waktu or pendaftaran.dibuat, sarana=Sarana.ONLINE,
        kanal_online=KanalOnline.MANDIRI, keperluan=pendaftaran.keperluan,
        nomor_surat_permintaan=pendaftaran.nomor_surat_permintaan, kontak_dikonfirmasi=dikonfirmasi,
        dicatat_oleh=petugas, **data,
    )
    kunjungan.jenis_layanan.set(pendaftaran.jenis_layanan.all())
    pendaftaran.kunjungan = kunjungan
    pendaftaran.save(update_fields=["pengunjung", "kunjungan"])
    kunjungan_dicatat.send(sender=Kunjungan, kunjungan=kunjungan, petugas=petugas)
    return kunjungan


def untuk_antrian(antrian):
    """The self-registration behind a called ticket (directly, or through an appointment), or None."""
    if antrian is None:
        return None
    return (
        PendaftaranMandiri.objects.filter(Q(antrian=antrian) | Q(janji_temu__antrian=antrian))
        .prefetch_related("jenis_layanan")
        .first()
    )


def _belum_dicatat():
    """Walk-in entries not (yet) written in the guest book."""
    return PendaftaranMandiri.objects.exclude(hasil=H.ONLINE).filter(
        Q(antrian__kunjungan__isnull=True) & Q(janji_temu__antrian__kunjungan__isnull=True)
    )


def belum_dicatat_hari_ini(tanggal):
    """Today's self-registrations no officer has written yet: listed on the Antrian tab."""
    return _belum_dicatat().filter(tanggal=tanggal, hasil=H.ANTRIAN).select_related("antrian").order_by("dibuat")


def kedaluwarsa_terakhir(tanggal, *, hari=7):
    """Entries of the last days that expired unwritten (their day ended), newest first."""
    return (
        PendaftaranMandiri.objects.filter(
            kedaluwarsa_pada__isnull=False, tanggal__gte=tanggal - datetime.timedelta(days=hari)
        )
        .select_related("antrian")
        .order_by("-tanggal", "-dibuat")
    )


def kedaluwarsakan(*, tanggal, sekarang=None):
    """Entries from before `tanggal` never written in the guest book expire; returns how many.

    A queue ticket is only valid on its own day, so the entry cannot be picked up any more; an
    appointment's entry expires after the appointment's day. Idempotent.
    """
    sekarang = sekarang or timezone.now()
    awal = datetime.datetime.combine(tanggal, datetime.time.min, tzinfo=waktu_kantor().tzinfo)
    lewat = _belum_dicatat().filter(kedaluwarsa_pada__isnull=True).filter(
        Q(hasil=H.ANTRIAN, tanggal__lt=tanggal)
        | Q(hasil=H.JANJI, janji_temu__isnull=True, tanggal__lt=tanggal)
        | Q(hasil=H.JANJI, janji_temu__waktu__lt=awal)
    )
    return PendaftaranMandiri.objects.filter(pk__in=list(lewat.values_list("pk", flat=True))).update(
        kedaluwarsa_pada=sekarang
    )

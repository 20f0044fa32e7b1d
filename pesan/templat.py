"""The Admin's WhatsApp templates per event: saving one, and its "Kirim uji"."""

import uuid

from django.db import transaction
from django.urls import reverse

from pst_frontoffice.aktivitas import catat
from pst_frontoffice.models import PengaturanKantor

from .models import ISIAN_TEMPLAT, KanalPesan, Peristiwa, TemplatWA
from .outbox import antrekan, url_mutlak


def semua_templat():
    """One per event that may go as a template; an event never set is an unsaved blank one."""
    ada = {t.peristiwa: t for t in TemplatWA.objects.select_related("oleh")}
    return [ada.get(p) or TemplatWA(peristiwa=p) for p in ISIAN_TEMPLAT]


def templat_untuk(peristiwa):
    """The event's template, saved or a blank one to fill; None for an event that never goes as one."""
    if peristiwa not in ISIAN_TEMPLAT:
        return None
    return TemplatWA.objects.filter(peristiwa=peristiwa).first() or TemplatWA(peristiwa=peristiwa)


def simpan_templat(templat, *, oleh):
    with transaction.atomic():
        templat.oleh = oleh
        templat.save()
        catat(oleh, "templat_wa", templat, f"{templat.nama or '(kosong)'} ({templat.bahasa}): {templat.parameter or '-'}")
    return templat


def contoh_isian(peristiwa, *, kantor):
    """Values a test send fills the placeholders with: plain sample words, links on the public address."""
    contoh = {
        "nama": "Pengunjung Uji", "kantor": kantor.nama_kantor, "jenis": "Konsultasi Statistik", "nomor": "#0",
        "url_lacak": url_mutlak(reverse("layanan:lacak", args=["contoh"]), kantor=kantor),
        "url": url_mutlak("/r/contoh/", kantor=kantor), "url_konfirmasi": url_mutlak("/s/contoh/selesai/", kantor=kantor),
        "status": "Siap Diambil", "keterangan": "Data sudah siap dan dapat diambil di kantor pada jam layanan.",
        "nomor_surat": "B-001/63100/VS.200/2026",
    }
    return {nama: contoh[nama] for nama in ISIAN_TEMPLAT[peristiwa]}


def kirim_uji(templat, *, nomor, oleh):
    """Queue the event's template to `nomor` with sample values, always as the template (every press a new message)."""
    kantor = PengaturanKantor.get()
    isian = contoh_isian(templat.peristiwa, kantor=kantor)
    return antrekan(
        peristiwa=templat.peristiwa, kanal=KanalPesan.WHATSAPP, penerima=nomor, oleh=oleh, isian=isian,
        wajib_templat=True, kunci=f"uji:{uuid.uuid4().hex}",
        isi=f"Kirim uji template {templat.nama} ({Peristiwa(templat.peristiwa).label}): "
            + ", ".join(f"{k}={isian.get(k, '')}" for k in templat.daftar_parameter),
    )

"""The approved WhatsApp Cloud API template each event is sent as outside the 24-hour window."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .outbox import Peristiwa

# The placeholders an event's message knows, in the order the settings page lists them. An Admin
# picks, for each body parameter {{1}}, {{2}}, … of the approved template, which of these fills it.
ISIAN_UMUM = ("nama", "kantor", "jenis", "nomor", "url_lacak")
ISIAN_TEMPLAT = {
    Peristiwa.RATING: ISIAN_UMUM + ("url",),
    Peristiwa.SKD: ISIAN_UMUM + ("url", "url_konfirmasi"),
    Peristiwa.SIAP_DIAMBIL: ISIAN_UMUM + ("status", "keterangan", "nomor_surat"),
}
KETERANGAN_ISIAN = {
    "nama": "nama pengunjung", "kantor": "nama kantor", "jenis": "jenis layanan", "nomor": "nomor layanan (#123)",
    "url_lacak": "tautan halaman lacak layanan", "url": "tautan utama pesan (rating atau SKD)",
    "url_konfirmasi": "tautan konfirmasi SKD sudah diisi", "status": "status layanan",
    "keterangan": "keterangan status", "nomor_surat": "nomor surat balasan",
}

# Meta's rules for a template name: lowercase letters, digits and underscores (WhatsApp Business
# Management API, message templates: "name … lowercase alphanumeric characters and underscores").
_NAMA_TEMPLAT = re.compile(r"[a-z0-9_]{1,512}")
# Language codes as Meta lists them for templates: "id", "en", "en_US", "pt_BR", …
_KODE_BAHASA = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")


class TemplatWA(models.Model):
    """One event's approved template: its name, language and which placeholder fills each body parameter."""

    peristiwa = models.CharField(
        "peristiwa", max_length=20, unique=True, choices=[(p.value, p.label) for p in ISIAN_TEMPLAT]
    )
    nama = models.CharField(
        "nama template", max_length=512, blank=True,
        help_text="Persis seperti di WhatsApp Manager, mis. tautan_rating. Kosong: pesan ini hanya terkirim "
        "dalam 24 jam sejak pengunjung terakhir mengirim pesan ke kantor.",
    )
    bahasa = models.CharField("kode bahasa", max_length=10, default="id", help_text="Bahasa template, mis. id atau en_US.")
    parameter = models.CharField(
        "isian parameter", max_length=300, blank=True,
        help_text="Isian untuk {{1}}, {{2}}, … di badan template, berurutan dan dipisah koma, mis. nama,url.",
    )
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="diubah oleh",
    )

    class Meta:
        verbose_name = "template WhatsApp"
        verbose_name_plural = "template WhatsApp"
        ordering = ["peristiwa"]

    def __str__(self):
        return f"{self.get_peristiwa_display()}: {self.nama or '(belum diatur)'}"

    @property
    def daftar_parameter(self):
        return [p.strip() for p in self.parameter.split(",") if p.strip()]

    @property
    def siap(self):
        return bool(self.nama)

    def clean(self):
        galat = {}
        self.nama = self.nama.strip()
        if self.nama and not _NAMA_TEMPLAT.fullmatch(self.nama):
            galat["nama"] = "Nama template hanya huruf kecil, angka dan garis bawah, mis. tautan_rating."
        self.bahasa = self.bahasa.strip()
        if not _KODE_BAHASA.fullmatch(self.bahasa):
            galat["bahasa"] = "Kode bahasa seperti di WhatsApp Manager, mis. id, en atau en_US."
        tersedia = ISIAN_TEMPLAT.get(self.peristiwa, ())
        salah = [p for p in self.daftar_parameter if p not in tersedia]
        if salah:
            galat["parameter"] = (
                f"Isian tidak dikenal: {', '.join(salah)}. Tersedia: {', '.join(tersedia)}."
            )
        self.parameter = ",".join(self.daftar_parameter)
        if galat:
            raise ValidationError(galat)

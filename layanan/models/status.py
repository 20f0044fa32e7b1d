"""A service's status and the flow between statuses: what Update may choose, and what the figures count."""

from django.db import models
from django.db.models import Q


class Status(models.TextChoices):
    DITERIMA = "diterima", "Diterima"
    DIPROSES = "diproses", "Diproses"
    # The office has answered an online request and waits on the visitor: the one state the
    # auto-close of silent conversations (layanan.layanan.tutup_konsultasi_online_diam) acts on.
    MENUNGGU = "menunggu", "Menunggu tanggapan pengunjung"
    SIAP_DIAMBIL = "siap_diambil", "Siap Diambil"
    SELESAI = "selesai", "Selesai"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


STATUS_TERBUKA = (Status.DITERIMA, Status.DIPROSES, Status.MENUNGGU, Status.SIAP_DIAMBIL)

# What a one-line list row shows of a label too wide for it at 1366 px (the start of the label; the
# rest is read to screen readers and the whole label is the badge's tooltip).
STATUS_SINGKAT = {Status.MENUNGGU: "Menunggu"}

# What the figures count, once for the reports, the daily summaries and the dashboard. "Selesai" is
# a service an officer finished; a silent online conversation the system closed (ditutup otomatis)
# also has the status Selesai but is a figure of its own and never counted as finished by an officer.
SELESAI = Q(status=Status.SELESAI, ditutup_otomatis=False)
DITUTUP_OTOMATIS = Q(status=Status.SELESAI, ditutup_otomatis=True)
DIBATALKAN = Q(status=Status.DIBATALKAN)
TERBUKA = Q(status__in=STATUS_TERBUKA)

# The allowed flow, as the officers' user guide describes Update. Siap Diambil exists only for data requests;
# Menunggu tanggapan pengunjung only for online services (the officer sets it when answering and
# moves it back to Diproses when the visitor responds); Dibatalkan is reachable from every open
# state and needs a reason.
ALUR_STATUS = {
    Status.DITERIMA: (Status.DIPROSES, Status.MENUNGGU, Status.SIAP_DIAMBIL, Status.SELESAI, Status.DIBATALKAN),
    Status.DIPROSES: (Status.MENUNGGU, Status.SIAP_DIAMBIL, Status.SELESAI, Status.DIBATALKAN),
    Status.MENUNGGU: (Status.DIPROSES, Status.SELESAI, Status.DIBATALKAN),
    Status.SIAP_DIAMBIL: (Status.SELESAI, Status.DIBATALKAN),
    Status.SELESAI: (),
    Status.DIBATALKAN: (),
}

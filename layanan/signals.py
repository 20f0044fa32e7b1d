"""Signals of the services app, for the apps above it (rating) and its own receivers."""

from django.dispatch import Signal

# Sent inside Layanan.ubah_status's transaction after the new status is saved: (layanan, dari, ke, oleh).
status_layanan_diubah = Signal()

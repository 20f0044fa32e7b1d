"""Signals of the services app, for the apps above it (pesan, rating) and its own receivers."""

from django.dispatch import Signal

# Sent inside Layanan.ubah_status's transaction after the new status is saved: (layanan, dari, ke, oleh).
status_layanan_diubah = Signal()

# The officer asked to e-mail an uploaded reply letter to the visitor: (layanan, berkas, oleh).
# A receiver returns True when the e-mail was queued; no True means it could not be.
kirim_surat_balasan_diminta = Signal()

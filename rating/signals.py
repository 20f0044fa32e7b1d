"""Signals of the ratings app, for the apps above it."""

from django.dispatch import Signal

# Sent after an SKD link was first opened or marked filled by an atomic UPDATE (no save signal
# runs): (skd). The daily summaries count both on the day of the SKD's service.
skd_berubah = Signal()

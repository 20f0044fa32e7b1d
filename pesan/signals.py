"""What the message worker announces to the apps above it."""

from django.dispatch import Signal

# Sent by the worker's watch (pesan.tasks.jaga_outbox) when it starts and then every PESAN_SAPU_DETIK
# seconds: an app whose own tasks run on this worker makes sure the next run is scheduled.
worker_berjaga = Signal()

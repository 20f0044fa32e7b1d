from django.dispatch import Signal

# Sent inside the saving transaction, so that the services app creates one Layanan per jenis
# atomically with the visit; bukutamu itself knows nothing of services (STYLE: doors one way).
# Arguments: kunjungan, petugas.
kunjungan_dicatat = Signal()

from django.dispatch import Signal

# Sent inside the saving transaction, so that the services app creates one Layanan per jenis
# atomically with the visit; bukutamu itself knows nothing of services (dependencies point one
# way: layanan on bukutamu).
# Arguments: kunjungan, petugas.
kunjungan_dicatat = Signal()

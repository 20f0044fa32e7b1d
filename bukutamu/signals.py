from django.dispatch import Signal

# Sent inside the saving transaction, so that the services app creates one Layanan per jenis
# atomically with the visit; bukutamu itself knows nothing of services (dependencies point one
# way: layanan on bukutamu).
# Arguments: kunjungan, petugas.
kunjungan_dicatat = Signal()

# Sent when a visitor sends an online request through the self-registration form, inside its
# transaction: the services app records the visit and opens the services, assigned by the duty
# roster. Receivers return the services they opened. Arguments: pendaftaran.
permintaan_online_diterima = Signal()

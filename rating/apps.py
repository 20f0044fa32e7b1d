from django.apps import AppConfig


class RatingConfig(AppConfig):
    name = "rating"
    verbose_name = "Rating dan SKD"

    def ready(self):
        from layanan.models import RELASI_DAFTAR_TAMBAHAN

        # Service lists show the rating and SKD state per row without a query per row.
        for nama in ("penilaian", "skd"):
            if nama not in RELASI_DAFTAR_TAMBAHAN:
                RELASI_DAFTAR_TAMBAHAN.append(nama)

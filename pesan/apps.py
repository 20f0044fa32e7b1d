from django.apps import AppConfig


class PesanConfig(AppConfig):
    name = "pesan"
    verbose_name = "Pesan"

    def ready(self):
        from . import receivers  # noqa: F401  (connects to layanan's signals)

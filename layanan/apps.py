from django.apps import AppConfig


class LayananConfig(AppConfig):
    name = "layanan"
    verbose_name = "Layanan"

    def ready(self):
        from . import receivers  # noqa: F401  (connects to bukutamu's signal)

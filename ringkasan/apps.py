from django.apps import AppConfig


class RingkasanConfig(AppConfig):
    name = "ringkasan"
    verbose_name = "Ringkasan harian"

    def ready(self):
        from . import receivers  # noqa: F401  (marks the days a change touches)

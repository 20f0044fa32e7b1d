from django.apps import AppConfig


class ProvinsiConfig(AppConfig):
    name = "provinsi"
    verbose_name = "Provinsi"

    def ready(self):
        from . import receivers  # noqa: F401  (schedules the office's push after migrate)

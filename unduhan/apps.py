from django.apps import AppConfig


class UnduhanConfig(AppConfig):
    name = "unduhan"
    verbose_name = "Unduhan"

    def ready(self):
        from . import receivers  # noqa: F401  (the worker's watch removes old files)

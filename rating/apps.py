from django.apps import AppConfig


class RatingConfig(AppConfig):
    name = "rating"
    verbose_name = "Rating dan SKD"

    def ready(self):
        from . import receivers  # noqa: F401  (listens to layanan's status signal)

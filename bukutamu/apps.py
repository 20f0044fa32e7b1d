from django.apps import AppConfig


class BukutamuConfig(AppConfig):
    name = "bukutamu"
    verbose_name = "Buku Tamu"

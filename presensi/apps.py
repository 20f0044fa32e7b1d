from django.apps import AppConfig


class PresensiConfig(AppConfig):
    name = "presensi"
    verbose_name = "Presensi"

from django.apps import AppConfig


class UnduhanConfig(AppConfig):
    name = "unduhan"
    verbose_name = "Unduhan"

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Development tools only: demo accounts and data (`siapkan_demo`, `jadwal_demo`) and the
    load-test data set (`buat_data_uji`). No models. Installed only outside production
    (pst_frontoffice/settings.py), so a production `manage.py` does not offer these commands."""

    name = "demo"
    verbose_name = "Data demo dan data uji (pengembangan)"

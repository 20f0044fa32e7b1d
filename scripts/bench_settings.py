"""Settings for loadtest.py and bench.py: the app's own settings plus the bench's bare page.

The bare page lives only in this URLconf (bench_urls), never in the app's URLs.
"""

import os

from pst_frontoffice.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"

# The data set is made with the demo app's buat_data_uji (in a development environment); keep the
# app in every bench run, also under production settings.
if "demo" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

if os.environ.get("BENCH_HITUNG_QUERY"):  # noqa: F405
    MIDDLEWARE = ["bench_urls.HitungQuery", *MIDDLEWARE]  # noqa: F405

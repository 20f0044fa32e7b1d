"""gunicorn settings shared by `make serve` and the Docker image (override with GUNICORN_CMD_ARGS)."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Only the reverse proxy on the same host / compose network may say the request was HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Freeze what the worker holds once the app is loaded (Django's apps, models, settings: some
    150,000 objects), so Python's garbage collector stops walking them again and again.

    Without it a full collection runs now and then in the middle of a request and walks all of
    them: 40–70 ms more for that request (measured in-process on the detail page, about 1 in 40
    requests; 2.7 ms per request on average on Layanan Saya). Frozen, the collector only walks what
    requests create. Objects frozen are never collected, which costs nothing here: they live as
    long as the worker does (max_requests recycles it).
    """
    import gc

    gc.collect()
    gc.freeze()

"""A WSGI app for tests/test_gunicorn_gc.py: answers how many objects the worker's collector has frozen."""

import gc


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(gc.get_freeze_count()).encode()]

"""Authentication backends."""

from axes.backends import AxesStandaloneBackend


class AxesBackend(AxesStandaloneBackend):
    """django-axes' lockout check, skipped when there is no request to key on.

    Every login over HTTP passes the request (Django's LoginView and admin do); only code with no
    request — the test client's `client.login()`, a management command — arrives without one, and
    axes would raise instead of letting ModelBackend check the password.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)

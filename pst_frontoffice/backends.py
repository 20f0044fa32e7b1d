"""Authentication backends."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


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


class KataSandiBackend(ModelBackend):
    """Email and password, except for accounts an Admin has set to sign in with SSO BPS only.

    `user_can_authenticate` also runs on every request of a password session (`get_user`), so
    turning the switch off ends the sessions that were opened with the password.
    """

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and getattr(user, "masuk_sandi", True)

"""The session of an officer who came in through Masuk dengan SSO BPS."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend


class SsoBackend(BaseBackend):
    """Keeps an SSO session; authenticates nothing itself (sso.views.kembali logs the user in).

    A session of its own, apart from the password backend, so that an account an Admin set to SSO
    only (`masuk_sandi` off) stays signed in; a deactivated account's session ends at once.
    """

    def authenticate(self, request, **kwargs):
        return None

    def get_user(self, user_id):
        return get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()

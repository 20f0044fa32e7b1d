"""Where django.contrib.messages keeps messages between requests (settings.MESSAGE_STORAGE)."""

from django.contrib.messages.storage.base import BaseStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.utils.functional import cached_property


class PesanHemat(FallbackStorage):
    """Django's default message storage (a cookie, then the session), built only when a message is
    added or read. Most requests do neither, and building it (the cookie's signer) on every request
    was one of the larger costs of the middleware stack."""

    def __init__(self, request, *args, **kwargs):
        BaseStorage.__init__(self, request, *args, **kwargs)
        self._argumen = ((request, *args), kwargs)
        self._used_storages = set()

    @cached_property
    def storages(self):
        args, kwargs = self._argumen
        return [kelas(*args, **kwargs) for kelas in self.storage_classes]

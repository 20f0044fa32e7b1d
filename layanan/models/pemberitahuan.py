"""What each officer has already seen of their notices (the navbar's bell)."""

from django.conf import settings
from django.db import models


class TandaBaca(models.Model):
    """One row per officer: when they last opened their list of newly assigned services."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="tanda_baca",
        verbose_name="petugas",
    )
    penugasan_dilihat = models.DateTimeField("penugasan terakhir dilihat")

    class Meta:
        verbose_name = "tanda baca pemberitahuan"
        verbose_name_plural = "tanda baca pemberitahuan"

    def __str__(self):
        return f"{self.user}: {self.penugasan_dilihat:%Y-%m-%d %H:%M}"

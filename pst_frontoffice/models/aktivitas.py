"""The activity log: who did what, from where, appended and never edited."""

from django.db import models

from .akun import User


class LogAktivitas(models.Model):
    """Who did what, when and from where; appended only, read by Admin in Django admin.

    Written through `pst_frontoffice.aktivitas.catat`, never edited or deleted.
    """

    class Aksi(models.TextChoices):
        LOGIN = "login", "Login"
        LOGOUT = "logout", "Keluar"
        LOGIN_GAGAL = "login_gagal", "Login gagal"
        STATUS = "status", "Perubahan status"
        PETUGAS = "petugas", "Perubahan petugas"
        ADMIN_TAMBAH = "admin_tambah", "Admin: tambah"
        ADMIN_UBAH = "admin_ubah", "Admin: ubah"
        ADMIN_HAPUS = "admin_hapus", "Admin: hapus"
        SSO_DITOLAK = "sso_ditolak", "SSO BPS: ditolak"
        SSO_DISETUJUI = "sso_disetujui", "SSO BPS: disetujui"
        SSO_DIABAIKAN = "sso_diabaikan", "SSO BPS: diabaikan"

    waktu = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    pengguna = models.ForeignKey(
        User, verbose_name="pengguna", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The email typed on a failed login, or the user's name when the row was written.
    identitas = models.CharField("identitas", max_length=254, blank=True)
    # Free text so other apps can add their own actions; the common ones are in Aksi.
    aksi = models.CharField("aksi", max_length=40, db_index=True)
    objek_tipe = models.CharField("jenis objek", max_length=100, blank=True)
    objek_id = models.CharField("ID objek", max_length=64, blank=True)
    objek = models.CharField("objek", max_length=200, blank=True)
    keterangan = models.TextField("keterangan", blank=True)
    ip = models.GenericIPAddressField("alamat IP", null=True, blank=True)

    class Meta:
        verbose_name = "log aktivitas"
        verbose_name_plural = "log aktivitas"
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["objek_tipe", "objek_id"], name="logaktivitas_objek_idx")]

    def __str__(self):
        return f"{self.identitas or '-'} · {self.label_aksi} · {self.objek}".rstrip(" ·")

    @property
    def label_aksi(self):
        try:
            return self.Aksi(self.aksi).label
        except ValueError:
            return self.aksi.replace("_", " ").capitalize()

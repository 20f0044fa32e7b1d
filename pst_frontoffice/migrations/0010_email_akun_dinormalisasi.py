"""Existing accounts' e-mail addresses in the one normalised form (NFKC, lower case) that login,
the lockout and account creation now use. Login looks the normalised address up exactly, so an
address stored another way would no longer be found.

Should two accounts meet on the same normalised address (possible only on SQLite, whose case-
insensitive match did not fold ſ or full-width letters), the later one keeps its address as it
was: it can no longer log in, and the Admin sees both in the user list to decide which stays.
"""

import unicodedata

from django.db import migrations


def _normalisasi(nilai):
    # A copy of pst_frontoffice.teks.normalisasi_email as it is today: a migration does not
    # follow later edits of the app's code.
    teks = unicodedata.normalize("NFKC", (nilai or "").strip())
    return unicodedata.normalize("NFKC", teks.lower())


def normalisasi_email(apps, schema_editor):
    User = apps.get_model("pst_frontoffice", "User")
    terpakai = set(User.objects.values_list("email", flat=True))
    for pk, email in User.objects.order_by("pk").values_list("pk", "email"):
        baru = _normalisasi(email)
        if baru == email or baru in terpakai:
            continue
        User.objects.filter(pk=pk).update(email=baru)
        terpakai.discard(email)
        terpakai.add(baru)


class Migration(migrations.Migration):
    dependencies = [("pst_frontoffice", "0009_template_diperiksa")]

    operations = [migrations.RunPython(normalisasi_email, migrations.RunPython.noop)]

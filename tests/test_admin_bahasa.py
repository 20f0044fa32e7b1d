"""The Admin's date and time shortcuts speak Bahasa Indonesia, their accessible names included."""

import json
import pathlib
import re

import pytest
from django.urls import reverse

PO = pathlib.Path(__file__).resolve().parent.parent / "pst_frontoffice" / "locale" / "id" / "LC_MESSAGES" / "djangojs.po"


def _entri_po():
    """{msgid: msgstr} of our catalog (a plural entry by its singular, with its one form)."""
    entri = {}
    for blok in PO.read_text().split("\n\n"):
        bagian = dict(re.findall(r'^(msgid|msgid_plural|msgstr(?:\[0\])?) ((?:".*"\n?)+)', blok + "\n", re.M))
        teks = {k: "".join(re.findall(r'"(.*)"', v)) for k, v in bagian.items()}
        if teks.get("msgid"):
            entri[teks["msgid"]] = teks.get("msgstr") or teks.get("msgstr[0]")
    return entri


def _katalog(client):
    js = client.get(reverse("admin:jsi18n")).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});", js, re.S).group(1))


@pytest.mark.django_db
def test_admin_javascript_catalog_serves_every_entry_of_our_catalog(masuk, admin_user):
    katalog = _katalog(masuk(admin_user))
    entri = _entri_po()
    assert len(entri) >= 10
    for msgid, msgstr in entri.items():
        dilayani = katalog.get(msgid)
        assert (dilayani[0] if isinstance(dilayani, list) else dilayani) == msgstr, msgid  # the .mo is compiled from the .po


@pytest.mark.django_db
def test_admin_today_shortcut_and_its_accessible_name_are_indonesian(masuk, admin_user):
    katalog = _katalog(masuk(admin_user))
    assert katalog["Today"] == "Hari ini"  # Django's own translation
    assert katalog["Today (%(date)s)"] == "Hari ini (%(date)s)"  # ours: Django leaves it in English
    assert "Today" not in "".join(v if isinstance(v, str) else "".join(v) for v in katalog.values())

"""The Admin speaks Bahasa Indonesia: its date and time shortcuts (accessible names included), the
empty choice of every select, and no page left in English by a third-party app."""

import json
import pathlib
import re

import pytest
from django.urls import reverse

PO = pathlib.Path(__file__).resolve().parent.parent / "pst_frontoffice" / "locale" / "id" / "LC_MESSAGES" / "djangojs.po"


def _entri_po(po=PO):
    """{msgid: msgstr} of our catalog (a plural entry by its singular, with its one form)."""
    entri = {}
    for blok in po.read_text().split("\n\n"):
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


@pytest.mark.django_db
def test_django_catalog_serves_every_entry_of_our_catalog():
    from django.utils import translation

    entri = _entri_po(PO.with_name("django.po"))
    assert entri
    with translation.override("id"):
        for msgid, msgstr in entri.items():
            assert translation.gettext(msgid) == msgstr, msgid  # the .mo is compiled from the .po


@pytest.mark.django_db
def test_admin_empty_choice_is_indonesian_and_no_english_page_is_listed(masuk, admin_user):
    klien = masuk(admin_user)
    tambah = klien.get(reverse("admin:layanan_pengaduan_add")).content.decode()
    assert "- Pilih salah satu -" in tambah and "Select an option" not in tambah
    beranda = klien.get(reverse("admin:index")).content.decode()
    for inggris in ("Task Result", "Tasks Database", "/admin/auth/group/"):
        assert inggris not in beranda
    assert klien.get("/admin/django_tasks_database/dbtaskresult/").status_code == 404
    assert klien.get("/admin/auth/group/").status_code == 404

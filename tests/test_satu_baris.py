"""Single-line settings refuse a line break: the office's name goes into every e-mail's subject and
sender name, where a CR or LF is a header injection and makes the mail library refuse the message
(every e-mail in the worker failed). The migration mends rows saved before the rule."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.forms.models import model_to_dict

from pst_frontoffice.admin import PengaturanKantorForm
from pst_frontoffice.models import CutiBersama, PengaturanKantor
from pst_frontoffice.teks import satu_baris

pytestmark = pytest.mark.django_db

MEDAN_KANTOR = ["nama_kantor", "kode_unit", "telepon", "format_nomor_surat", "kota_surat", "penandatangan_jabatan",
                "penandatangan_nama"]
PATAHAN = ["\n", "\r", "\r\n", "\u2028", "\x0b", "\x85"]


@pytest.mark.parametrize("medan", MEDAN_KANTOR)
@pytest.mark.parametrize("patahan", ["\n", "\r"])
def test_office_settings_refuse_a_line_break_in_a_single_line_field(kantor, medan, patahan):
    setattr(kantor, medan, getattr(kantor, medan) + patahan + "Bcc: x@example.com")

    with pytest.raises(ValidationError) as galat:
        kantor.full_clean()

    assert medan in galat.value.message_dict


def test_the_admin_form_keeps_what_was_typed_and_says_why(kantor):
    data = {k: v for k, v in model_to_dict(kantor).items() if v is not None and k != "template_surat_balasan"}
    data["nama_kantor"] = "BPS Kabupaten\r\nTanah Bumbu"

    form = PengaturanKantorForm(data, instance=kantor)

    assert not form.is_valid()
    assert form.errors["nama_kantor"] == ["Isian ini harus satu baris: hapus baris baru di dalamnya."]


def test_the_helper_refuses_every_kind_of_line_break_and_passes_one_line():
    for patahan in PATAHAN:
        with pytest.raises(ValidationError):
            satu_baris(f"BPS{patahan}Tanah Bumbu")
    satu_baris("BPS Kabupaten Tanah Bumbu — PST")


def test_a_day_off_and_a_users_name_are_one_line_too(petugas):
    petugas.nama = "Rina\nPetugas"
    with pytest.raises(ValidationError):
        petugas.full_clean()
    with pytest.raises(ValidationError):
        CutiBersama(tanggal="2026-12-24", keterangan="Cuti\nbersama").full_clean()


@pytest.mark.django_db(transaction=True)
def test_migration_mends_settings_saved_with_a_line_break():
    sebelum = [("pst_frontoffice", "0010_email_akun_dinormalisasi")]
    executor = MigrationExecutor(connection)
    executor.migrate(sebelum)
    apps = executor.loader.project_state(sebelum).apps
    try:
        Kantor = apps.get_model("pst_frontoffice", "PengaturanKantor")
        Kantor.objects.update_or_create(pk=1, defaults={"nama_kantor": "BPS Kabupaten\r\nTanah Bumbu ", "kota_surat": "Batulicin\n"})
        User = apps.get_model("pst_frontoffice", "User")
        User.objects.create(email="lama@example.com", nama="Rina\nPetugas", peran="petugas")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    kantor = PengaturanKantor.objects.get(pk=1)
    assert (kantor.nama_kantor, kantor.kota_surat) == ("BPS Kabupaten Tanah Bumbu", "Batulicin")
    assert get_user_model().objects.get(email="lama@example.com").nama == "Rina Petugas"

"""A service's detail page names the visitor at the top, shows their other services and letters,
and carries the officers' internal notes."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bukutamu.pengunjung import Keputusan
from layanan.models import CatatanInternal
from layanan.surat import beri_nomor_surat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}


def test_officer_sees_who_the_visitor_is_and_their_history_and_leaves_a_note(
    page, live_server, login_browser, petugas, buat_layanan, layar
):
    hp = "6281298765432"
    lalu = buat_layanan("permintaan-data", nama="Dewi Lestari", no_hp=hp, waktu=timezone.now() - datetime.timedelta(days=12))
    nomor = beri_nomor_surat(layanan=lalu, klasifikasi="HM.340", tujuan="Dekan FEB ULM", perihal="Data IPM", oleh=petugas)
    ini = buat_layanan(
        "permintaan-data", nama="Dewi Lestari", no_hp=hp, instansi="Universitas Lambung Mangkurat", jenis_instansi="pendidikan",
        keperluan="Data IPM kecamatan 2020–2025",
        keputusan=Keputusan.PERBARUI,  # she now comes from the university: the officer updates her record
    )
    page.set_viewport_size(LAPTOP)
    login_browser(petugas)
    page.goto(f"{live_server.url}/layanan/{ini.pk}/")

    expect(page).to_have_title(re.compile(rf"^Dewi Lestari · Permintaan Data #{ini.pk} · "))
    judul = page.get_by_role("heading", level=1)
    expect(judul).to_contain_text("Dewi Lestari")
    expect(judul).to_contain_text("Universitas Lambung Mangkurat")
    assert judul.bounding_box()["y"] < 200
    kepala = page.locator(".kepala-layanan")
    expect(kepala).to_contain_text("0812-9876-5432")
    expect(kepala).to_contain_text("Langsung")
    expect(kepala.locator(".tenggat")).to_be_visible()
    layar(page, "pengunjung-01-kepala")

    # An internal note, added in place; focus stays in the notes.
    catatan = page.get_by_label("Catatan baru")
    catatan.fill("Bu Dewi menelepon: boleh dikirim lewat email.")
    page.get_by_role("button", name="Tambah Catatan").click()
    daftar = page.locator("#daftar-catatan-internal")
    expect(daftar).to_contain_text("Bu Dewi menelepon")
    expect(daftar).to_contain_text("Rina Petugas")
    expect(page.get_by_label("Catatan baru")).to_have_value("")
    expect(page.get_by_label("Catatan baru")).to_be_focused()  # ready for the next note, in the part that changed
    assert CatatanInternal.objects.get().oleh == petugas
    page.locator("#riwayat-pengunjung").scroll_into_view_if_needed()
    layar(page, "pengunjung-02-riwayat-catatan", full_page=True)

    # The earlier service and its letter are one click away.
    riwayat = page.locator("#riwayat-pengunjung")
    expect(riwayat).to_contain_text(nomor.nomor)
    riwayat.get_by_role("link", name=f"Permintaan Data #{lalu.pk}").click()
    expect(page).to_have_url(re.compile(rf"/layanan/{lalu.pk}/$"))
    expect(page.locator("#riwayat-pengunjung")).to_contain_text(f"Permintaan Data #{ini.pk}")  # and back again

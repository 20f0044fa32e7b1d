"""Buku Tamu with the keyboard only, for a returning visitor: Nama → suggestion → the form → Simpan."""

import re

import pytest
from playwright.sync_api import expect

from bukutamu.models import Kunjungan, Pengunjung

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOKUS = "() => { const e = document.activeElement; return e ? (e.id || e.tagName) : null; }"


def tab_sampai(page, cocok, batas=25):
    """Press Tab until the focused element matches; never lands on <body> on the way."""
    for _ in range(batas):
        page.keyboard.press("Tab")
        fokus = page.evaluate(FOKUS)
        assert fokus != "BODY"
        if page.evaluate("(sel) => document.activeElement.matches(sel)", cocok):
            return
    raise AssertionError(f"{cocok} tidak tercapai dengan Tab")


def simpan_atas(page):
    return page.locator(".simpan-lekat").bounding_box()["y"]


def test_returning_visitor_with_the_keyboard_only(page, live_server, login_browser, petugas, buat_kunjungan, layar):
    buat_kunjungan(nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", no_hp="6281298765432")
    buat_kunjungan(nama="Dewi Sartika", instansi="Dinas Pendidikan", no_hp="6281311112222")
    page.set_viewport_size({"width": 1366, "height": 768})
    login_browser(petugas)
    page.goto(f"{live_server.url}/buku-tamu/")

    nama = page.get_by_role("combobox", name="Nama")
    nama.focus()
    page.keyboard.type("Dewi")
    expect(nama).to_have_attribute("aria-expanded", "true")
    opsi = page.get_by_role("listbox").get_by_role("option")
    # The suggestions shown answer the whole word typed (an answer to "De" also lists both, and the
    # one to "Dewi" would replace it, with the choice made meanwhile).
    expect(page.locator(".saran-daftar-wadah")).to_have_attribute("data-untuk", "Dewi")
    expect(opsi).to_have_count(2)
    # The suggestions drop down right under Nama.
    bawah_nama = nama.bounding_box()["y"] + nama.bounding_box()["height"]
    assert 0 <= page.locator(".saran-daftar-wadah").bounding_box()["y"] - bawah_nama < 20
    assert opsi.first.bounding_box()["y"] - bawah_nama < 100

    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    pertama = opsi.first
    expect(pertama).to_have_attribute("aria-selected", "true")
    expect(nama).to_have_attribute("aria-activedescendant", pertama.get_attribute("id"))
    expect(nama).to_be_focused()  # focus never left the field
    layar(page, "bukutamu-01-combobox")
    pilihan = pertama.text_content()
    page.keyboard.press("Enter")

    # The identity is filled in; focus goes on to Jenis Pelayanan, never to <body>.
    expect(page.get_by_text("Pengunjung lama dipilih")).to_be_visible()
    expect(page.locator("#form-buku-tamu input[name=jenis_layanan]").first).to_be_focused()
    dipilih = Pengunjung.objects.get(nama=re.search(r"Dewi \w+", pilihan).group(0))
    expect(page.get_by_role("combobox", name="Nama")).to_have_value(dipilih.nama)

    # Esc closes a list that was opened again.
    page.get_by_role("combobox", name="Nama").focus()
    page.keyboard.press("End")
    page.keyboard.type(" ")
    page.keyboard.press("Backspace")
    expect(page.get_by_role("combobox", name="Nama")).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(page.get_by_role("combobox", name="Nama")).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("listbox")).to_have_count(0)

    # On through the form with Tab and Space, to Simpan Buku Tamu, which is on screen.
    tab_sampai(page, "input[name=jenis_layanan]")
    page.keyboard.press("Space")
    tab_sampai(page, "#id_keperluan")
    page.keyboard.type("Data kemiskinan per kecamatan")
    keperluan = page.get_by_label("Keperluan").bounding_box()
    assert keperluan["y"] + keperluan["height"] <= simpan_atas(page)  # what is typed is not under the footer
    simpan = page.get_by_role("button", name="Simpan Buku Tamu")
    kotak = simpan.bounding_box()
    assert kotak["y"] + kotak["height"] <= 768  # reachable without scrolling
    layar(page, "bukutamu-02-siap-simpan")
    tab_sampai(page, "button[type=submit]")
    expect(simpan).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/layanan/saya/$"))
    expect(page.locator("#pesan")).to_contain_text(f"Buku tamu {dipilih.nama} tersimpan")
    terbaru = Kunjungan.objects.latest("pk")
    assert terbaru.pengunjung == dipilih and terbaru.keperluan == "Data kemiskinan per kecamatan"
    assert Pengunjung.objects.count() == 2  # the returning visitor, not a new one


def test_typing_before_htmx_listens_still_suggests(page, live_server, login_browser, petugas, buat_kunjungan):
    """An officer who clicks Buku Tamu and types at once, before htmx has wired up the new tab
    (its settle step; slowed here to one and a half seconds, as on a busy computer), keeps the
    focus in Nama and gets the suggestions for what was typed."""
    buat_kunjungan(nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", no_hp="6281298765432")
    login_browser(petugas)
    page.evaluate("() => { htmx.config.defaultSettleDelay = 1500; }")
    page.locator(".nav-tabs").get_by_role("link", name="Buku Tamu", exact=True).click()

    nama = page.get_by_role("combobox", name="Nama")
    nama.press_sequentially("Lest")
    # Typed while htmx was not yet listening: no request could have gone out for it.
    assert page.evaluate("() => !document.getElementById('id_nama')['htmx-internal-data']")
    saran = page.get_by_role("option", name=re.compile("Dewi Lestari"))
    expect(saran).to_be_visible()
    expect(nama).to_be_focused()
    expect(nama).to_have_value("Lest")


def test_typing_and_erasing_before_htmx_listens_opens_the_suggestions_again(
    page, live_server, login_browser, petugas, buat_kunjungan
):
    """After a visitor is chosen the identity is drawn anew, and htmx wires up the new Nama only in
    its settle step (slowed here, as on a busy computer). An officer who goes back to Nama at once
    and types a space and Backspace leaves the value as it was, yet pressed keys: the suggestions
    open, as they do once htmx listens."""
    buat_kunjungan(nama="Dewi Sartika", instansi="Dinas Pendidikan", no_hp="6281311112222")
    login_browser(petugas)
    page.goto(f"{live_server.url}/buku-tamu/")
    nama = page.get_by_role("combobox", name="Nama")
    nama.focus()
    page.keyboard.type("Dewi")
    expect(page.locator(".saran-daftar-wadah")).to_have_attribute("data-untuk", "Dewi")
    page.evaluate("() => { htmx.config.defaultSettleDelay = 2500; }")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Pengunjung lama dipilih")).to_be_visible()

    nama.focus()
    page.keyboard.press("End")
    page.keyboard.type(" ")
    page.keyboard.press("Backspace")
    # Typed while htmx was not yet listening to the new field: no request could have gone out for it.
    assert page.evaluate("() => !document.getElementById('id_nama')['htmx-internal-data']")
    expect(nama).to_have_value("Dewi Sartika")
    expect(nama).to_have_attribute("aria-expanded", "true", timeout=15_000)
    expect(page.get_by_role("option", name=re.compile("Dewi Sartika"))).to_be_visible()
    expect(nama).to_be_focused()

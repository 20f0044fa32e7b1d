"""Buku Tamu for a returning visitor whose typed data differ from the stored record: the officer
sees both side by side and chooses, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from bukutamu.models import Kunjungan, Pengunjung, RiwayatPengunjung
from tests.browser.test_aksesibilitas import pelanggaran

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def field(page, label):
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def test_officer_compares_and_updates_a_returning_visitor(page, live_server, login_browser, petugas, buat_kunjungan, layar):
    buat_kunjungan(nama="Dewi Lestari", instansi="Universitas Lambung Mangkurat", jenis_instansi="pendidikan",
                   no_hp="6281298765432", email="dewi@ulm.ac.id")
    page.set_viewport_size({"width": 1366, "height": 768})
    login_browser(petugas)
    page.goto(f"{live_server.url}/buku-tamu/")

    # Typed without choosing a suggestion: the phone finds her, the e-mail and agency differ.
    field(page, "Nama").fill("Dewi Lestari")
    field(page, "Instansi").fill("Bappeda Kabupaten Tanah Bumbu")
    field(page, "No. HP").fill("0812 9876 5432")
    field(page, "Email").fill("dewi@bappeda.go.id")
    field(page, "Jenis Instansi").select_option(label="Instansi pemerintah")
    field(page, "Konsultasi").check()
    field(page, "Keperluan").fill("Data PDRB kecamatan")
    page.get_by_role("button", name="Simpan Buku Tamu").click()

    panel = page.locator("#bandingkan-identitas")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    expect(panel.get_by_role("columnheader", name="Data tersimpan")).to_be_visible()
    expect(panel.get_by_role("columnheader", name="Yang diketik")).to_be_visible()
    expect(panel.locator("tr[data-isian=email]")).to_contain_text("dewi@ulm.ac.id")
    expect(panel.locator("tr[data-isian=email]")).to_contain_text("dewi@bappeda.go.id")
    expect(panel.locator("tr.table-warning")).to_have_count(3)  # agency, kind of agency, e-mail
    expect(field(page, "Keperluan")).to_have_value("Data PDRB kecamatan")  # nothing typed is lost
    assert Kunjungan.objects.count() == 1
    panel.scroll_into_view_if_needed()
    layar(page, "identitas-01-bandingkan")
    assert pelanggaran(page) == []

    # Simpan without a choice asks for one; then the officer updates the record.
    page.get_by_role("button", name="Simpan Buku Tamu").click()
    expect(page.get_by_text("Pilih salah satu tindakan")).to_be_visible()
    page.get_by_label("Perbarui data pengunjung ini").check()
    page.get_by_role("button", name="Simpan Buku Tamu").click()

    expect(page).to_have_url(re.compile(r"/layanan/saya/$"))
    expect(page.locator("#pesan")).to_contain_text("Data pengunjung diperbarui")
    assert Pengunjung.objects.get().email == "dewi@bappeda.go.id"
    riwayat = RiwayatPengunjung.objects.get()
    assert riwayat.oleh == petugas and riwayat.perubahan["email"] == ["dewi@ulm.ac.id", "dewi@bappeda.go.id"]
    assert Kunjungan.objects.earliest("pk").email == "dewi@ulm.ac.id"  # the first visit keeps its own


def test_simpan_buku_tamu_pressed_twice_sends_once_and_saves_one_visit(page, live_server, login_browser, petugas, jenis):
    """The first answer is held back (as on a slow server) while Simpan is pressed again."""
    login_browser(petugas)
    page.goto(f"{live_server.url}/buku-tamu/")
    field(page, "Nama").fill("Budi Santoso")
    field(page, "Konsultasi").check()
    field(page, "Keperluan").fill("Data inflasi bulanan")
    field(page, "No. HP").fill("0813 1111 2222")
    # Every submit event, and whether the page stopped it (app.js marks the form as being sent);
    # kept in sessionStorage, which the next page of this tab still reads.
    page.evaluate("""() => {
        sessionStorage.setItem('kirim', '[]');
        document.addEventListener('submit', (e) => {
            sessionStorage.setItem('kirim', JSON.stringify([...JSON.parse(sessionStorage.getItem('kirim')), e.defaultPrevented]));
        });
    }""")
    dikirim, ditahan = [], []
    page.on("request", lambda r: dikirim.append(r.url) if r.method == "POST" else None)
    page.route(re.compile(r"/buku-tamu/$"), lambda route: ditahan.append(route) if route.request.method == "POST" else route.continue_())

    # Enter in No. HP sends the form (its Simpan Buku Tamu); pressed again while the first is held.
    with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/buku-tamu/")):
        page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert len(ditahan) == 1
    ditahan[0].continue_()

    expect(page).to_have_url(re.compile(r"/layanan/saya/$"))
    expect(page.locator("#pesan")).to_contain_text("Buku tamu Budi Santoso tersimpan")
    assert page.evaluate("() => JSON.parse(sessionStorage.getItem('kirim'))") == [False, True]
    assert len(dikirim) == 1
    assert Kunjungan.objects.count() == 1


def test_officer_checks_an_online_request_whose_identity_differs(page, live_server, login_browser, petugas, buat_kunjungan, layar):
    buat_kunjungan(nama="Dewi Lestari", no_hp="6281298765432", email="dewi@ulm.ac.id")
    online = buat_kunjungan(nama="Dewi Lestari", no_hp="6281298765432", email="dewi@ulm.ac.id", sarana="online",
                            kanal_online="mandiri")
    # As an online self-registration that differed from the stored record leaves it: not confirmed.
    Kunjungan.objects.filter(pk=online.pk).update(kontak_dikonfirmasi=False, email="dewi.baru@contoh.id")
    page.set_viewport_size({"width": 1366, "height": 768})
    login_browser(petugas)

    page.goto(f"{live_server.url}/layanan/{online.layanan.get().pk}/")
    # The header names who came as the visit recorded it, and says its contact is not confirmed yet.
    kepala = page.locator(".kepala-layanan")
    expect(kepala.locator("#nama-pengunjung")).to_have_text("Dewi Lestari")
    expect(kepala).to_contain_text("dewi.baru@contoh.id")
    expect(kepala.locator("#kontak-belum-dikonfirmasi")).to_be_visible()
    layar(page, "identitas-03-kepala-detail")
    page.locator("#kontak-belum-dikonfirmasi").get_by_role("link", name="Periksa Identitas").click()
    expect(page.get_by_role("heading", name="Periksa Identitas")).to_be_visible()
    expect(page.locator("tr[data-isian=email]")).to_contain_text("dewi.baru@contoh.id")
    layar(page, "identitas-02-periksa", full_page=True)
    assert pelanggaran(page) == []

    page.get_by_label("Pakai data tersimpan").check()
    page.get_by_role("button", name="Konfirmasi Identitas").click()

    expect(page.locator("#identitas-dikonfirmasi")).to_contain_text("dewi@ulm.ac.id")
    online.refresh_from_db()
    assert online.kontak_dikonfirmasi and online.email == "dewi@ulm.ac.id"

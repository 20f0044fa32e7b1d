"""The live server of the browser tests answers as gunicorn does in the office: requests at the same
moment, while the test itself writes, each on its own database connection (tests/conftest.py makes
the SQLite test database a file). On Django's in-memory default they shared one connection, and CI
saw a page fail with "bad parameter or other API misuse" while a visitor search was still answered."""

import pytest

from layanan.models import Layanan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HALAMAN = ["/layanan/saya/", "/layanan/", "/buku-tamu/", "/dashboard/", "/cari/?q=budi", "/pemberitahuan/"]


def test_officer_pages_answered_together_while_services_are_saved(page, live_server, login_browser, petugas, buat_layanan):
    buat_layanan(nama="Budi Santoso")
    login_browser(petugas)
    page.evaluate(
        "(halaman) => { window.jawaban = Promise.all(Array.from({length: 42}, (_, i) =>"
        " fetch(halaman[i % halaman.length]).then((r) => r.text().then(() => r.status)))); }",
        HALAMAN,
    )
    # The test's own writes and reads while the pages are being answered.
    for _ in range(30):
        buat_layanan()
        list(Layanan.objects.all()[:20])

    assert page.evaluate("() => window.jawaban") == [200] * 42
    assert Layanan.objects.count() == 31

import os
import time

import pytest

from tests.conftest import KATA_SANDI, chromium_path

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    if chromium_path():
        return
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if browser_items and os.environ.get("CI"):
        # In CI the browser tests must run: a missing browser fails the run, never skips.
        raise pytest.UsageError("Chromium tidak ditemukan; pengujian browser wajib jalan di CI.")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason="Chromium tidak ditemukan (pasang paket 'chromium')"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "id-ID", "viewport": {"width": 1366, "height": 900}}


def pantau_permintaan(konteks):
    """The requests of a browser context that are under way, kept current by the browser's events."""
    terbuka = set()
    konteks.on("request", lambda permintaan: terbuka.add(permintaan))
    konteks.on("requestfinished", lambda permintaan: terbuka.discard(permintaan))
    konteks.on("requestfailed", lambda permintaan: terbuka.discard(permintaan))
    konteks.tertutup = False

    def tutup(_konteks):
        konteks.tertutup = True
        terbuka.clear()

    konteks.on("close", tutup)
    return terbuka


def tenangkan(konteks, terbuka):
    """Refuse the context's new requests, then wait until those under way have been answered.

    A page left open keeps talking to the live server: the bell loads its counts after every page
    (and every minute). Closing the browser does not stop the server's thread that is answering, so
    a request still under way when the test database is flushed holds the flush up, or writes its
    rows (a session, a login record) after it, and the next test starts on them. (Before the SQLite
    test database was a file, tests/conftest.py, such a request failed the flush outright: "database
    table is locked"; under a loaded CPU it happened.)
    """
    if konteks.tertutup:
        return
    konteks.route("**/*", lambda route: route.abort())
    batas = time.monotonic() + 30  # a safety net only: every wait ends on the browser's own events
    while terbuka and not konteks.tertutup and time.monotonic() < batas:
        konteks.cookies()  # a round trip to the browser, which delivers its request events


@pytest.fixture
def page(page, live_server):
    """The test's browser page, quiet (see tenangkan) before the test database is emptied."""
    terbuka = pantau_permintaan(page.context)
    yield page
    tenangkan(page.context, terbuka)


@pytest.fixture
def konteks_baru(browser, browser_context_args, live_server):
    """Another browser beside the officer's (a visitor's phone, the kiosk tablet, the TV, a browser
    without JavaScript): konteks_baru(**args) → a new context with the suite's defaults overridden
    by args. Each is made quiet (see tenangkan) and closed after the test."""
    dibuka = []

    def buka(**args):
        konteks = browser.new_context(**{**browser_context_args, **args})
        dibuka.append((konteks, pantau_permintaan(konteks)))
        return konteks

    yield buka
    for konteks, terbuka in dibuka:
        tenangkan(konteks, terbuka)
        konteks.close()


# window.print replaced by a counter: a test asks how often a page printed (the kiosk's ticket,
# the visitor's receipt) without a print dialog stopping the headless browser.
CATAT_CETAK = "window.__dicetak = 0; window.print = function () { window.__dicetak += 1; };"


@pytest.fixture
def halaman_tamu(konteks_baru):
    """An anonymous browser (a visitor's phone, the kiosk tablet, the TV): halaman_tamu(**args) → a
    page in a new context (see konteks_baru) whose print calls are counted in window.__dicetak."""

    def buka(**args):
        konteks = konteks_baru(**args)
        konteks.add_init_script(CATAT_CETAK)
        return konteks.new_page()

    return buka


# The page has loaded and no HTMX request, swap or settle is under way. The state "networkidle"
# only guessed at: it waits for 500 ms without traffic, which a debounced trigger that has not fired
# yet, or a machine too busy to send the next request in time, both pass while work is still due.
HTMX_TENANG = (
    "() => document.readyState === 'complete'"
    " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
)


def tunggu_tenang(page):
    page.wait_for_function(HTMX_TENANG)
    return page


@pytest.fixture
def login_browser(page, live_server):
    def login(user, password=KATA_SANDI):
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Kata sandi").fill(password)
        page.get_by_role("button", name="Login").click()
        page.wait_for_url(lambda url: "/login/" not in url)
        return tunggu_tenang(page)

    return login


@pytest.fixture
def layar(request):
    """Where screenshots go, to be looked at by a person (not compared)."""
    folder = os.environ.get("SCREENSHOT_DIR", "screenshots")
    os.makedirs(folder, exist_ok=True)

    def simpan(page, nama, **kwargs):
        path = os.path.join(folder, f"{nama}.png")
        page.screenshot(path=path, **kwargs)
        return path

    return simpan


@pytest.fixture
def htmx_siap():
    """Wait until htmx has wired up the element (after a swap it does so in its settle step).

    A person cannot change a select within those few milliseconds; a test can, and then the
    change event finds no listener yet.
    """

    def tunggu(page, selector):
        page.wait_for_function(
            "(sel) => { const e = document.querySelector(sel);"
            " return !!(e && e['htmx-internal-data'] && e['htmx-internal-data'].initHash); }",
            arg=selector,
        )

    return tunggu

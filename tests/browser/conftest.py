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


@pytest.fixture
def page(page, live_server):
    """The test's browser page, quiet before the live server's database is emptied after the test.

    A page left open keeps talking to the server: the bell loads its counts after every page (and
    every minute). A request the server answers while the test database is flushed fails the flush
    on SQLite ("database table is locked"), and the next test starts on the rows left over; under a
    loaded CPU it happened. Needing live_server, this fixture is torn down before the database is:
    it refuses every new request of the page's context, then waits for those under way to end.
    """
    konteks = page.context
    terbuka = set()
    konteks.on("request", lambda permintaan: terbuka.add(permintaan))
    konteks.on("requestfinished", lambda permintaan: terbuka.discard(permintaan))
    konteks.on("requestfailed", lambda permintaan: terbuka.discard(permintaan))
    yield page
    konteks.route("**/*", lambda route: route.abort())
    batas = time.monotonic() + 30
    while terbuka and time.monotonic() < batas and not page.is_closed():
        page.evaluate("0")  # a round trip to the browser, which delivers its request events


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

"""Date fields in an English browser: written 03/11/2026, with an Indonesian calendar, Enter sends the
form, and a typo stays as typed beside its error (the browser's own date field would show 11/03/2026
and "mm/dd/yyyy" here)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_range_is_picked_in_an_indonesian_calendar_and_typed_day_first(page, live_server, login_browser, pimpinan, layar):
    login_browser(pimpinan)
    # A link's ISO dates are shown day first.
    page.goto(f"{live_server.url}/laporan/?periode=rentang&dari=2026-11-02&sampai=2026-11-06")
    dari, sampai = page.get_by_label("Dari", exact=True), page.get_by_label("Sampai", exact=True)
    expect(dari).to_have_value("02/11/2026")
    expect(dari).to_have_attribute("placeholder", "hh/bb/tttt")
    expect(dari).to_have_class(re.compile(r"\bflatpickr-input\b"))  # the calendar is on (app.js)

    dari.click()
    kalender = page.locator(".flatpickr-calendar.open")
    expect(kalender.locator(".flatpickr-monthDropdown-months")).to_have_value("10")  # November, from 0
    expect(kalender.locator(".flatpickr-monthDropdown-months option:checked")).to_have_text("November")
    expect(kalender.locator(".flatpickr-weekday").first).to_have_text("Sen")
    # Its opening animation has ended before the screenshot (the calendar fades in).
    page.wait_for_function("() => document.querySelector('.flatpickr-calendar.open').getAnimations().length === 0")
    layar(page, "isian-tanggal-kalender")
    kalender.get_by_label("Selasa, 3 November 2026").click()
    expect(dari).to_have_value("03/11/2026")

    # A typo is kept as typed (not emptied, not turned into another date) and the form names it.
    sampai.fill("31/13/2026")
    sampai.press("Tab")
    expect(sampai).to_have_value("31/13/2026")
    sampai.press("Enter")
    expect(page.locator("#id_sampai_error")).to_be_visible()
    expect(page.get_by_label("Sampai", exact=True)).to_have_value("31/13/2026")

    # Typed day first, with Enter as in any field: the report is that range.
    sampai = page.get_by_label("Sampai", exact=True)
    sampai.fill("6/11/2026")
    sampai.press("Enter")
    expect(page.get_by_text("3 November 2026 – 6 November 2026")).to_be_visible()
    expect(page.get_by_label("Sampai", exact=True)).to_have_value("06/11/2026")

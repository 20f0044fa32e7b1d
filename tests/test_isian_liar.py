"""No input gives an error page: every URL, for every role, with hostile values everywhere.

The walk takes each URL of the resolver (with the valid arguments of tests/test_url_akses.py),
replaces each path argument with hostile text, sends hostile values in every GET parameter the
app reads and in every field of every form the page shows (GET forms as a query, POST forms to
their action, HTMX `hx-post`/`hx-get` included), and asserts that nothing answers 500.

Coverage: every URL must either be a page some role opens (its forms are found in the HTML) or
be the target of a form found on one, or be listed in `MEDAN_POST` with its field names. A new
URL that is none of these fails `test_every_url_is_covered_by_the_walk`.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from tests.test_url_akses import AKSES, PERAN, data, semua_nama_url  # noqa: F401 (fixture)

NILAI_LIAR = (
    "0001-01-01",
    "9999-12-31",
    "2026-13-45",
    "abc",
    "99999999999999999999999999",
    "-99999999999999999999",
    "9999-12",
    "x" * 10_000,
    "a\x00b",
    "\u202eRTL\u202c",
    "\u200b\u200d",
)

# One field at a time gets the kinds of value that broke something once (keeps the walk short).
NILAI_SATU = ("0001-01-01", "9999-12-31", "abc", "99999999999999999999999999", "x" * 10_000, "a\x00b")
NILAI_TANGGAL = ("0001-01-01", "9999-12-31")

# GET parameters the views read directly (not through a form the page shows).
PARAMETER_GET = (
    "page", "q", "tanggal", "dari", "sampai", "tahun", "bulan", "periode", "pengunjung", "antrian",
    "status", "jenis", "petugas", "urut", "tampil", "loket", "lebar", "cetak", "kios", "t", "nama",
    "no_hp", "email", "sarana", "kanal", "tag", "next", "minggu", "hari",
)

# POST-only URLs that no page shows a form for in the walk's data, with their field names.
MEDAN_POST = {
    "logout": (),
    "antrian:buat_janji": ("jenis_layanan", "nama", "no_hp", "tanggal", "jam", "catatan"),
    "antrian:janji_hadir": (),
    "layanan:loker_kembali": (),
    "layanan:batal_nomor": ("alasan",),
    "layanan:lepas_tag": (),
    "presensi:tutup": ("jam_pulang", "waktu_pulang", "catatan"),
    "presensi:jadwal_batal": (),
    "presensi:jadwal_impor": ("berkas", "tahun", "bulan"),
    "presensi:jadwal_tambah": ("petugas", "tanggal", "shift", "mulai", "selesai"),
    "rating:tandai_skd": (),
}

# Django admin's own pages are listed by their index only; the office settings form is walked too.
HALAMAN_TAMBAHAN = ("/admin/pst_frontoffice/pengaturankantor/1/change/",)


class _Formulir(HTMLParser):
    """Forms of a page: [method, action, field names, {select: option values}]; HTMX targets too."""

    def __init__(self):
        super().__init__()
        self.formulir = []
        self._aktif = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for atribut, metode in (("hx-post", "post"), ("hx-get", "get")):
            if a.get(atribut):
                self.formulir.append([metode, a[atribut], set(), {}])
        if tag == "form" and (a.get("method") or "").lower() == "dialog":
            self._aktif = None  # closes a <dialog> in the browser; nothing reaches the server
        elif tag == "form":
            self._aktif = [(a.get("method") or "get").lower(), a.get("action") or "", set(), {}]
            self.formulir.append(self._aktif)
        elif tag in ("input", "select", "textarea", "button") and a.get("name") and self._aktif is not None:
            if a["name"] != "csrfmiddlewaretoken":
                self._aktif[2].add(a["name"])
            if tag == "select":
                self._select = self._aktif[3].setdefault(a["name"], [])
        elif tag == "option" and self._select is not None and a.get("value"):
            self._select.append(a["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._aktif = None
        elif tag == "select":
            self._select = None


def _formulir(html, url):
    p = _Formulir()
    p.feed(html)
    return [(m, urlsplit(aksi).path or url, medan, pilihan) for m, aksi, medan, pilihan in p.formulir]


def _nama(path):
    try:
        m = resolve(path)
    except Resolver404:
        return None
    return m.view_name if not m.view_name.startswith("admin:") else "admin:index"


def _jalur_liar(url, kwargs):
    """The URL with each path argument in turn replaced by each hostile value."""
    for nilai_asli in (kwargs or {}).values():
        segmen = f"/{nilai_asli}/"
        if segmen not in url:
            continue
        for liar in NILAI_LIAR:
            jalur = url.replace(segmen, "/" + re.sub(r"[/?#]", "", liar)[:2000] + "/", 1)
            if _nama(jalur):  # a value the URL's converter refuses is a plain 404 of the resolver
                yield jalur


class Penjelajah:
    """Sends the hostile requests and remembers what failed and what was covered."""

    def __init__(self):
        self.jumlah = 0
        self.gagal = []
        self.tercakup = set()
        self._terkirim = set()

    def kirim(self, klien, metode, url, isian, peran):
        self.jumlah += 1
        try:
            r = getattr(klien, metode)(url, isian)
        except Exception as e:  # noqa: BLE001 (a crash of any kind is what the walk looks for)
            self.gagal.append(f"{peran} {metode.upper()} {url[:80]} {list(isian)[:6]}: {type(e).__name__}: {e}"[:300])
            return None
        if r.status_code >= 500:
            _, e, _ = getattr(r, "exc_info", None) or (None, None, None)
            self.gagal.append(f"{peran} {metode.upper()} {url[:80]} {isian and next(iter(isian.values()))[:12]!r}: "
                              f"{r.status_code} {type(e).__name__}: {str(e)[:120]}")
        return r

    def jelajah(self, klien, peran, url, kwargs=None):
        nama = _nama(url)
        self.tercakup.add(nama)
        for jalur in _jalur_liar(url, kwargs):
            self.kirim(klien, "get", jalur, {}, peran)
        r = self.kirim(klien, "get", url, {}, peran)
        formulir = []
        if r is not None and r.status_code == 200 and "html" in r.get("Content-Type", ""):
            formulir = _formulir(r.content.decode(errors="replace"), url)
        for liar in NILAI_LIAR:
            self.kirim(klien, "get", url, {k: liar for k in PARAMETER_GET}, peran)
        for metode, aksi, medan, pilihan in formulir:
            nama_aksi = _nama(aksi)
            if nama_aksi in (None, "logout"):  # logging out here would walk the rest as a guest
                continue
            self.tercakup.add(nama_aksi)
            kunci = (peran, metode, aksi, frozenset(medan))
            if kunci in self._terkirim:  # the same form on many pages (the navbar's) is sent once
                continue
            self._terkirim.add(kunci)
            nama_medan = medan | (set(PARAMETER_GET) if metode == "get" else set())
            for liar in NILAI_LIAR:
                self.kirim(klien, metode, aksi, {k: liar for k in nama_medan}, peran)
            if metode == "get" and (metode, aksi, frozenset(medan)) not in self._terkirim:
                # Field by field once, for the first role that sees the form: the same filter code
                # runs for every role, and the walk must stay short.
                self._terkirim.add((metode, aksi, frozenset(medan)))
                # One field hostile at a time, and each choice of a list (e.g. the report period)
                # with hostile dates beside it: all-hostile at once stops at the first bad field.
                for k in medan:
                    for liar in NILAI_SATU:
                        self.kirim(klien, "get", aksi, {k: liar}, peran)
                for k, nilai in pilihan.items():
                    for v in nilai[:4]:
                        for liar in NILAI_TANGGAL:
                            self.kirim(klien, "get", aksi, {**{m: liar for m in medan}, k: v}, peran)
        if nama in MEDAN_POST:
            for liar in NILAI_LIAR:
                self.kirim(klien, "post", url, {k: liar for k in MEDAN_POST[nama]}, peran)


@pytest.fixture
def pengguna(petugas, pimpinan, admin_user):
    return {"anonim": None, "petugas": petugas, "pimpinan": pimpinan, "admin": admin_user}


@pytest.mark.django_db
def test_no_url_answers_500_to_hostile_input_for_any_role(data, pengguna, settings):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    penjelajah = Penjelajah()
    for peran in PERAN:
        for nama in sorted(AKSES):
            akses = AKSES[nama]
            kwargs = akses.kwargs(data) if akses.kwargs else None
            klien = Client(raise_request_exception=False)
            if pengguna[peran]:
                klien.force_login(pengguna[peran])
            url = reverse(nama, kwargs=kwargs)
            publik = akses.untuk(peran) == 302 and akses.ke != "login"  # e.g. a token link sent on
            if akses.untuk(peran) in (200, 404, 405) or publik or nama in MEDAN_POST:
                penjelajah.jelajah(klien, peran, url, kwargs)
            else:
                # Refused before the view reads anything: one hostile query is enough.
                penjelajah.kirim(klien, "get", url, {k: NILAI_LIAR[1] for k in PARAMETER_GET}, peran)
        if pengguna[peran] and pengguna[peran].is_staff:
            klien = Client(raise_request_exception=False)
            klien.force_login(pengguna[peran])
            for url in HALAMAN_TAMBAHAN:
                penjelajah.jelajah(klien, peran, url)

    print(f"\nURL walk: {penjelajah.jumlah} hostile requests, {len(penjelajah.gagal)} answered 500")
    assert penjelajah.jumlah > 3000
    assert not penjelajah.gagal, f"{len(penjelajah.gagal)} of {penjelajah.jumlah} gave 500:\n" + "\n".join(
        penjelajah.gagal[:400]
    )
    tidak_tercakup = [n for n in semua_nama_url() if n not in penjelajah.tercakup]
    assert not tidak_tercakup, "URL not reached by the walk (add it to MEDAN_POST): " + ", ".join(tidak_tercakup)


# The rules behind the walk, one by one.


def test_filter_dates_outside_2000_to_2100_get_an_indonesian_message():
    from pst_frontoffice.forms import FilterForm

    form = FilterForm({"dari": "1999-12-31", "sampai": "9999-12-31"})

    assert not form.is_valid()
    assert form.errors["dari"] == ["Dari tanggal harus antara tahun 2000 dan 2100."]
    assert form.errors["sampai"] == ["Sampai tanggal harus antara tahun 2000 dan 2100."]
    assert FilterForm({"dari": "2000-01-01", "sampai": "2100-12-31"}).is_valid()


@pytest.mark.django_db
def test_a_choice_of_a_row_by_a_huge_or_non_numeric_id_is_refused(petugas):
    from layanan.forms.layanan import PetugasForm

    for nilai in ("99999999999999999999999999", "-99999999999999999999", "abc", "1e3"):
        form = PetugasForm({"petugas": nilai, "pendamping": [nilai]})
        assert not form.is_valid()
        assert "petugas" in form.errors and "pendamping" in form.errors
    assert PetugasForm({"petugas": petugas.pk}).is_valid()


def test_report_period_at_the_end_of_the_calendar_does_not_overflow():
    import datetime

    from laporan.periode import Periode

    akhir = Periode.dari("tahun", datetime.date(9999, 6, 1))

    assert akhir.geser(1) == akhir
    assert Periode("rentang", datetime.date(1, 1, 1), datetime.date(1, 1, 5)).geser(-1).mulai.year == 1


@pytest.mark.django_db
@pytest.mark.parametrize("nilai", ["abc", "99999999999999999999999999", "-1", "1.5"])
def test_guest_book_with_a_bad_visitor_id_answers_404(masuk, petugas, nilai):
    r = masuk(petugas).get(reverse("bukutamu:buku_tamu"), {"pengunjung": nilai})

    assert r.status_code == 404


@pytest.mark.django_db
def test_big_page_numbers_show_a_page_not_an_error(masuk, petugas, buat_layanan):
    buat_layanan(oleh=petugas)

    r = masuk(petugas).get(reverse("layanan:semua"), {"page": "9" * 30, "q": "Pengunjung"})

    assert r.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("cara", "alamat", "data"), [
    ("get", "/lacak/a%00b/", {}),
    ("get", "/buku-tamu/daftar/", {"q": "a\x00b"}),
    ("post", "/buku-tamu/daftar/", {"nama": "a\x00b"}),
])
def test_a_nul_anywhere_gets_the_indonesian_400_page_on_every_database(client, cara, alamat, data):
    # PostgreSQL refuses NUL in any text it is given: the request stops before any query.
    r = getattr(client, cara)(alamat, data)
    assert r.status_code == 400
    assert "Permintaan tidak dapat diproses" in r.content.decode()

"""The shape of the house: which app may import which, no import cycles, small modules.

The apps are rooms with doors in one direction (CONTRIBUTING.md, "Shape"): a lower app never
imports a higher one, and nothing imports in a circle. These tests read the source, so a new
import that breaks the rule fails here before it becomes a tangle.
"""

import ast
import re
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parent.parent
APPS = ("pst_frontoffice", "sso", "bukutamu", "layanan", "pesan", "rating", "presensi", "ringkasan", "laporan", "unduhan", "provinsi", "demo")

# Which of our apps each app may import (besides itself).
BOLEH = {
    "pst_frontoffice": set(),
    "sso": {"pst_frontoffice"},
    "bukutamu": {"pst_frontoffice"},
    "presensi": {"pst_frontoffice"},
    "layanan": {"pst_frontoffice", "bukutamu"},
    "pesan": {"pst_frontoffice", "bukutamu", "layanan"},
    "rating": {"pst_frontoffice", "bukutamu", "layanan", "pesan"},
    "ringkasan": {"pst_frontoffice", "bukutamu", "layanan", "rating"},
    "laporan": {"pst_frontoffice", "bukutamu", "layanan", "pesan", "rating", "presensi", "ringkasan"},
    "unduhan": {"pst_frontoffice", "bukutamu", "layanan", "pesan", "rating", "presensi", "ringkasan", "laporan"},
    "provinsi": {"pst_frontoffice", "bukutamu", "layanan", "pesan", "rating", "presensi", "ringkasan", "laporan"},
    "demo": {"pst_frontoffice", "sso", "bukutamu", "layanan", "pesan", "rating", "presensi", "ringkasan", "laporan", "unduhan", "provinsi"},
}

# Template tag libraries and the app that owns each.
PUSTAKA_TAG = {
    "pst": "pst_frontoffice", "jam_layanan": "bukutamu", "layanan_surat": "layanan", "tenggat": "layanan",
    "daftar_layanan": "layanan",
    "rating_tags": "rating", "presensi": "presensi",
}
# The one written exception: the desk pages of layanan show rating's and presensi's inclusion tags.
PENGECUALIAN_TEMPLATE = {"layanan": {"rating", "presensi"}}


def _modul_proyek():
    """{module name: path} of every Python module of our apps (migrations included)."""
    modul = {}
    for app in APPS:
        folder = AKAR / app
        if not folder.is_dir():
            continue
        for path in folder.rglob("*.py"):
            bagian = path.relative_to(AKAR).with_suffix("").parts
            nama = ".".join(bagian[:-1] if bagian[-1] == "__init__" else bagian)
            modul[nama] = path
    return modul


MODUL = _modul_proyek()


def _paket(nama, path):
    return nama if path.name == "__init__.py" else nama.rpartition(".")[0]


def _impor(nama, path):
    """The project modules `nama` imports, anywhere in the file (inside functions too)."""
    pohon = ast.parse(path.read_text(), filename=str(path))
    hasil = set()
    for simpul in ast.walk(pohon):
        if isinstance(simpul, ast.Import):
            sasaran = [a.name for a in simpul.names]
        elif isinstance(simpul, ast.ImportFrom):
            if simpul.level:
                dasar = _paket(nama, path)
                for _ in range(simpul.level - 1):
                    dasar = dasar.rpartition(".")[0]
                dasar = f"{dasar}.{simpul.module}" if simpul.module else dasar
            else:
                dasar = simpul.module or ""
            # `from pkg import mod` imports the module pkg.mod; `from mod import name` imports mod.
            sasaran = [f"{dasar}.{a.name}" if f"{dasar}.{a.name}" in MODUL else dasar for a in simpul.names]
        else:
            continue
        for s in sasaran:
            while s and s not in MODUL:
                s = s.rpartition(".")[0]
            if s and s.split(".")[0] in APPS:
                hasil.add(s)
    return hasil


GRAF = {nama: _impor(nama, path) for nama, path in MODUL.items()}


@pytest.mark.parametrize("app", APPS)
def test_app_imports_only_the_apps_below_it(app):
    dilanggar = sorted(
        f"{modul} → {tujuan}"
        for modul, tujuan_semua in GRAF.items() if modul.split(".")[0] == app
        for tujuan in tujuan_semua if tujuan.split(".")[0] not in BOLEH[app] | {app}
    )
    assert dilanggar == []


def test_no_import_cycle_between_modules():
    # Tarjan's strongly connected components over the module graph (migrations excluded: Django
    # loads them by itself, and they only import helpers).
    graf = {m: {t for t in ts if ".migrations." not in t} for m, ts in GRAF.items() if ".migrations." not in m}
    indeks, rendah, tumpukan, di_tumpukan, siklus = {}, {}, [], set(), []

    def kunjungi(v):
        indeks[v] = rendah[v] = len(indeks)
        tumpukan.append(v)
        di_tumpukan.add(v)
        for w in graf.get(v, ()):
            if w not in indeks:
                kunjungi(w)
                rendah[v] = min(rendah[v], rendah[w])
            elif w in di_tumpukan:
                rendah[v] = min(rendah[v], indeks[w])
        if rendah[v] == indeks[v]:
            komponen = []
            while True:
                w = tumpukan.pop()
                di_tumpukan.discard(w)
                komponen.append(w)
                if w == v:
                    break
            # A package's __init__ re-exporting its own submodules is not a cycle of rules.
            if len(komponen) > 1:
                siklus.append(sorted(komponen))

    for v in sorted(graf):
        if v not in indeks:
            kunjungi(v)
    assert siklus == []


def test_the_project_package_imports_no_app():
    impor_app = sorted(
        f"{m} → {t}" for m, ts in GRAF.items() if m.startswith("pst_frontoffice") for t in ts
        if not t.startswith("pst_frontoffice")
    )
    assert impor_app == []


@pytest.mark.parametrize("app", [a for a in APPS if (AKAR / "templates" / a).is_dir()] + ["_bersama"])
def test_templates_load_only_tags_of_the_apps_below(app):
    if app == "_bersama":
        # Shared templates (base, includes, errors, accounts) stand where pst_frontoffice stands.
        berkas = [p for p in (AKAR / "templates").rglob("*.html")
                  if p.relative_to(AKAR / "templates").parts[0] not in APPS]
        pemilik = "pst_frontoffice"
    else:
        berkas = list((AKAR / "templates" / app).rglob("*.html"))
        pemilik = app
    boleh = BOLEH[pemilik] | {pemilik} | PENGECUALIAN_TEMPLATE.get(pemilik, set())
    dilanggar = []
    for path in berkas:
        teks = path.read_text()
        for baris in re.findall(r"{%\s*load\s+([^%]+)%}", teks):
            for pustaka in baris.split():
                asal = PUSTAKA_TAG.get(pustaka)
                if asal and asal not in boleh:
                    dilanggar.append(f"{path.relative_to(AKAR)} memuat {pustaka} ({asal})")
        for disertakan in re.findall(r"{%\s*(?:include|extends)\s+\"([^\"]+)\"", teks):
            asal = disertakan.split("/")[0]
            if asal in APPS and asal not in boleh:
                dilanggar.append(f"{path.relative_to(AKAR)} menyertakan {disertakan}")
    assert dilanggar == []


def test_every_tag_library_is_known_to_this_test():
    pustaka = {p.stem for app in APPS for p in (AKAR / app / "templatetags").glob("*.py") if p.stem != "__init__"}
    assert pustaka == set(PUSTAKA_TAG)


def test_modules_stay_small():
    besar = sorted(
        f"{path.relative_to(AKAR)}: {n} baris"
        for path in MODUL.values() if ".migrations" not in str(path) and "/migrations/" not in str(path)
        for n in [len(path.read_text().splitlines())] if n > 400
    )
    assert besar == []

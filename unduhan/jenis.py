"""The files the worker can make: who may ask for each, what it needs, and how it is written.

Each kind takes its input from the request that asks for it (`parameter`), checks it, and keeps
what is needed to make the same file again in the worker (plain JSON on the Unduhan row).
"""

from dataclasses import dataclass
from typing import Callable

from laporan import ekspor
from laporan.data import Laporan
from laporan.forms import PeriodeForm
from pst_frontoffice.models import PengaturanKantor, Peran

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


class ParameterSalah(ValueError):
    """The request does not say what to make; the message is for the user."""


@dataclass(frozen=True)
class JenisUnduhan:
    kode: str
    label: str
    content_type: str
    peran: tuple
    # (request data) → (parameter, title, file name); raises ParameterSalah
    parameter: Callable
    # (parameter, path, kemajuan) → writes the file at path
    tulis: Callable


def _periode(data):
    form = PeriodeForm(data)
    if not form.is_valid():
        galat = [e for daftar in form.errors.values() for e in daftar]
        raise ParameterSalah("Periode laporan tidak sah: " + " ".join(galat))
    return form.periode_terpilih()


def _dari_query(parameter):
    return PeriodeForm(parameter).periode_terpilih()


def _parameter_laporan(awalan, ekstensi):
    def baca(data):
        periode = _periode(data)
        return (periode.query(), f"{awalan}{periode.judul} — {periode.label}",
                f"{'silastik-' if awalan else ''}{periode.nama_berkas()}.{ekstensi}")

    return baca


def _tulis_laporan_xlsx(parameter, jalur, kemajuan):
    ekspor.tulis_xlsx(Laporan(_dari_query(parameter), kantor=PengaturanKantor.get()), jalur, kemajuan=kemajuan)


def _tulis_silastik_csv(parameter, jalur, kemajuan):
    with open(jalur, "w", encoding="utf-8", newline="") as berkas:
        berkas.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM.
        ekspor.tulis_csv_silastik(_dari_query(parameter), berkas, kemajuan=kemajuan)


def _tulis_silastik_xlsx(parameter, jalur, kemajuan):
    ekspor.tulis_xlsx_silastik(_dari_query(parameter), jalur, kemajuan=kemajuan)


PIMPINAN = (Peran.PIMPINAN, Peran.ADMIN)
JENIS = {j.kode: j for j in (
    JenisUnduhan("laporan_xlsx", "Excel laporan", XLSX, PIMPINAN, _parameter_laporan("", "xlsx"), _tulis_laporan_xlsx),
    JenisUnduhan("silastik_csv", "CSV Silastik", CSV, PIMPINAN, _parameter_laporan("Silastik: ", "csv"), _tulis_silastik_csv),
    JenisUnduhan("silastik_xlsx", "Excel Silastik", XLSX, PIMPINAN, _parameter_laporan("Silastik: ", "xlsx"),
                 _tulis_silastik_xlsx),
)}

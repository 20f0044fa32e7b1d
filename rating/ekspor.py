"""The IKM page as rows for the shared .xlsx writer (pst_frontoffice.excel.buku_excel)."""

from pst_frontoffice.skm import UNSUR

from . import ikm

KOLOM_IKM = ["Bagian", "Kelompok", "Responden", *[f"U{u.nomor} {u.nama}" for u in UNSUR], "IKM", "Mutu", "%"]


def _angka(nilai):
    return float(nilai) if nilai is not None else None


def baris_ikm(*, dari, sampai):
    """Overall, per kind of service and per officer (NRR per element, IKM, grade), then the profile tables."""
    periode = {"dari": dari, "sampai": sampai}
    keseluruhan = ikm.hitung_ikm(**periode)
    kelompok = [("Keseluruhan", [keseluruhan]), ("Per jenis layanan", ikm.hitung_ikm_per("jenis", **periode)),
                ("Per petugas", ikm.hitung_ikm_per("petugas", **periode))]
    for bagian, daftar in kelompok:
        for h in daftar:
            yield [bagian, h.label, h.responden, *[_angka(n) for n in h.nrr], _angka(h.ikm), h.mutu or "", None]
    for tabel in ikm.tabel_profil(**periode):
        for b in tabel["baris"]:
            yield [f"Profil: {tabel['judul']}", b["nama"], b["jumlah"], *[None] * len(UNSUR), None, "", b["persen"]]
    populasi = ikm.layanan_periode(**periode)
    yield ["Sampel minimum (Krejcie–Morgan)", f"{populasi} layanan pada periode", ikm.sampel_minimum(populasi),
           *[None] * len(UNSUR), None, "", None]

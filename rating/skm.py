"""The SKM questionnaire (PermenPAN-RB No. 14 Tahun 2017): 9 elements, each answered 1–4.

Kept as data so the visitor form, the index and the reports read the same words.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Unsur:
    nomor: int
    nama: str
    pertanyaan: str
    pilihan: tuple  # the words for levels 1, 2, 3, 4

    @property
    def field(self):
        return f"u{self.nomor}"


UNSUR = (
    Unsur(1, "Persyaratan", "Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
          ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Unsur(2, "Sistem, Mekanisme, dan Prosedur", "Bagaimana kemudahan prosedur pelayanan di unit ini?",
          ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    Unsur(3, "Waktu Penyelesaian", "Bagaimana kecepatan waktu dalam memberikan pelayanan?",
          ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    Unsur(4, "Biaya/Tarif", "Bagaimana kewajaran biaya/tarif dalam pelayanan?",
          ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    Unsur(5, "Produk Spesifikasi Jenis Pelayanan",
          "Bagaimana kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
          ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Unsur(6, "Kompetensi Pelaksana", "Bagaimana kompetensi/kemampuan petugas dalam pelayanan?",
          ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")),
    Unsur(7, "Perilaku Pelaksana", "Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
          ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah")),
    Unsur(8, "Penanganan Pengaduan, Saran dan Masukan", "Bagaimana penanganan pengaduan pengguna layanan?",
          ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik")),
    Unsur(9, "Sarana dan Prasarana", "Bagaimana kualitas sarana dan prasarana?",
          ("Buruk", "Cukup", "Baik", "Sangat baik")),
)

FIELD_UNSUR = tuple(u.field for u in UNSUR)

# Grades from secondary copies of the regulation (DOMAIN.md): the lowest IKM of each grade.
MUTU = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
    (Decimal("25.00"), "D", "Tidak Baik"),
)


def mutu_untuk(ikm):
    """(grade, meaning) for an IKM already rounded to two decimals; (None, None) without data."""
    if ikm is None:
        return None, None
    for batas, huruf, arti in MUTU:
        if ikm >= batas:
            return huruf, arti
    return MUTU[-1][1], MUTU[-1][2]

"""The SKM questionnaire (PermenPAN-RB No. 14 Tahun 2017): 9 elements, each answered 1–4.

The one list of the elements: the visitor's rating form, the index, the reports and the complaints
register (which files a complaint under an element) all read these words.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Unsur:
    nomor: int
    kode: str  # a constant's name for code, e.g. UnsurSKM.WAKTU
    nama: str
    pertanyaan: str
    pilihan: tuple  # the words for levels 1, 2, 3, 4

    @property
    def field(self):
        return f"u{self.nomor}"


UNSUR = (
    Unsur(1, "PERSYARATAN", "Persyaratan", "Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
          ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Unsur(2, "PROSEDUR", "Sistem, Mekanisme, dan Prosedur", "Bagaimana kemudahan prosedur pelayanan di unit ini?",
          ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    Unsur(3, "WAKTU", "Waktu Penyelesaian", "Bagaimana kecepatan waktu dalam memberikan pelayanan?",
          ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    Unsur(4, "BIAYA", "Biaya/Tarif", "Bagaimana kewajaran biaya/tarif dalam pelayanan?",
          ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    Unsur(5, "PRODUK", "Produk Spesifikasi Jenis Pelayanan",
          "Bagaimana kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
          ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Unsur(6, "KOMPETENSI", "Kompetensi Pelaksana", "Bagaimana kompetensi/kemampuan petugas dalam pelayanan?",
          ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")),
    Unsur(7, "PERILAKU", "Perilaku Pelaksana", "Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
          ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah")),
    Unsur(8, "PENGADUAN", "Penanganan Pengaduan, Saran dan Masukan", "Bagaimana penanganan pengaduan pengguna layanan?",
          ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik")),
    Unsur(9, "SARANA", "Sarana dan Prasarana", "Bagaimana kualitas sarana dan prasarana?",
          ("Buruk", "Cukup", "Baik", "Sangat baik")),
)

FIELD_UNSUR = tuple(u.field for u in UNSUR)

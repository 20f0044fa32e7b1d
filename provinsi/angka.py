"""An office's report figures (or the province's total) from summed daily counts, as the office's own report computes them.

The counts are ringkasan's daily figures (`ringkasan.hitung`) summed over the period, with each
kind of service named by its code ({"<ukuran>|<kunci>": nilai}). Every table follows
`laporan.data.Laporan` figure by figure — the same statuses, standards, IKM (`rating.ikm` from the
summed answers), sample, SKD and complaints — without the lists behind the figures and without
the officers' measures, which stay on the office's server; tests/test_provinsi_angka.py keeps the two
equal on random data. The province total is computed from the summed raw counts of every office
(the IKM from the summed answers, never an average of averages); the two figures that depend on an
office's own settings (the queue's waiting standard, which kinds are data requests) are summed
from each office's own result.
"""

from collections import Counter, defaultdict

from bukutamu.bawaan import KODE_PENGADUAN
from bukutamu.models import Sarana
from laporan.data import persen
from layanan.models import STATUS_TERBUKA, Kanal, Status
from pst_frontoffice.skm import FIELD_UNSUR
from rating import ikm
from ringkasan.hitung import STATUS_DITUTUP_OTOMATIS

PERIODE_PENGUNJUNG = {"hari": "hari", "minggu": "minggu", "bulan": "bulan", "tahun": "tahun"}
STANDAR_HARI_KERJA = "hari_kerja"
STANDAR_KONSULTASI_LANGSUNG = "konsultasi_langsung"


def _bagi(kunci):
    depan, _, belakang = kunci.partition("|")
    return depan, belakang


def jumlahkan(daftar):
    """The sum of several {"<ukuran>|<kunci>": nilai}."""
    total = Counter()
    for angka in daftar:
        total.update(angka)
    return total


class AngkaKantor:
    """The tables of one office's report for a period, from its summed counts."""

    def __init__(self, jumlah, *, jenis, standar, periode, bagian=None):
        self.jumlah = jumlah
        self.jenis = jenis or {}  # kode → {"nama", "permintaan_data", "aktif"}
        self.standar = standar or {}
        self.periode = periode
        self.bagian = bagian  # the offices of a total
        per = defaultdict(dict)
        for k, n in jumlah.items():
            ukuran, _, kunci = k.partition("|")
            per[ukuran][kunci] = n
        self._per = per

    @classmethod
    def total(cls, bagian, *, periode):
        """The province: every office's counts summed; kinds named as the first office that has them names them."""
        jenis = {}
        for b in bagian:
            for kode, info in b.jenis.items():
                jenis.setdefault(kode, info)
        return cls(jumlahkan(b.jumlah for b in bagian), jenis=jenis, standar=None, periode=periode, bagian=bagian)

    def per_kunci(self, ukuran):
        return self._per.get(ukuran, {})

    def nama_jenis(self, kode):
        return (self.jenis.get(kode) or {}).get("nama") or kode

    def _layanan_per(self, *, jenis=None):
        hasil = {}
        for kunci, n in self.per_kunci("layanan").items():
            j, status = _bagi(kunci)
            if jenis is None or j in jenis:
                hasil[(j, status)] = hasil.get((j, status), 0) + n
        return hasil

    def ringkasan(self):
        per_status = {}
        for (_, status), n in self._layanan_per().items():
            per_status[status] = per_status.get(status, 0) + n
        jumlah = sum(per_status.values())
        selesai, otomatis = per_status.get(Status.SELESAI, 0), per_status.get(STATUS_DITUTUP_OTOMATIS, 0)
        dibatalkan = per_status.get(Status.DIBATALKAN, 0)
        kunci = PERIODE_PENGUNJUNG.get(self.periode.jenis)
        return {
            "kunjungan": self.jumlah["kunjungan|"],
            # Different people add up only over a day, week, month or year (first visit of it); not over a free range.
            "pengunjung": self.jumlah[f"pengunjung|{kunci}"] if kunci else None,
            "layanan": jumlah,
            "selesai": selesai,
            "ditutup_otomatis": otomatis,
            "dibatalkan": dibatalkan,
            "terbuka": sum(per_status.get(s, 0) for s in STATUS_TERBUKA),
            "terlambat_terbuka": self.jumlah["kepatuhan|semua|terlambat_terbuka"],
            "tingkat_penyelesaian": persen(selesai + otomatis, jumlah - dibatalkan),
        }

    def per_jenis(self):
        jumlah, selesai = {}, {}
        for (j, status), n in self._layanan_per().items():
            jumlah[j] = jumlah.get(j, 0) + n
            if status == Status.SELESAI:
                selesai[j] = selesai.get(j, 0) + n
        kode = [k for k, info in self.jenis.items() if k in jumlah or info.get("aktif")]
        kode += [k for k in jumlah if k not in self.jenis]
        hasil = []
        for k in kode:
            n, s = jumlah.get(k, 0), selesai.get(k, 0)
            hasil.append({"kode": k, "nama": self.nama_jenis(k), "jumlah": n, "selesai": s, "persen_selesai": persen(s, n)})
        return hasil

    def per_sarana(self):
        baris = {}
        for kunci, n in self.per_kunci("layanan_sarana").items():
            sarana, _ = _bagi(kunci)
            baris[sarana] = baris.get(sarana, 0) + n
        return [{"kode": s.value, "nama": s.label, "jumlah": baris.get(s.value, 0)} for s in Sarana]

    def per_status(self):
        baris = {}
        for (_, status), n in self._layanan_per().items():
            baris[status] = baris.get(status, 0) + n
        urutan = [(s.value, s.label) for s in Status] + [(STATUS_DITUTUP_OTOMATIS, "Ditutup otomatis")]
        return [{"kode": kode, "nama": nama, "jumlah": baris.get(kode, 0)} for kode, nama in urutan]

    def _kepatuhan(self, standar):
        return {a: self.jumlah[f"kepatuhan|{standar}|{a}"] for a in ("jatuh_tempo", "memenuhi", "terlambat", "terlambat_terbuka")}

    def antrian_tepat(self):
        """(called numbers, called within the office's waiting standard)."""
        if self.bagian is not None:
            hasil = [b.antrian_tepat() for b in self.bagian]
            return sum(d for d, _ in hasil), sum(t for _, t in hasil)
        batas = self.standar.get("batas_tunggu_menit", 10)
        tepat = sum(n for m, n in self.per_kunci("antrian_tunggu").items() if int(m) <= batas)
        return self.jumlah["antrian|dipanggil"], tepat

    def standar_waktu(self):
        s = self.standar
        if s:
            nama = [
                f"Konsultasi langsung selesai ≤ {s['batas_konsultasi_langsung_jam']} jam",
                f"Layanan online dan permintaan data dijawab atau selesai ≤ {s['batas_online_hari_kerja']} hari kerja",
                f"Nomor antrian dipanggil ≤ {s['batas_tunggu_menit']} menit setelah diambil",
            ]
        else:
            nama = [
                "Konsultasi langsung selesai dalam standar kantor",
                "Layanan online dan permintaan data dijawab atau selesai dalam standar kantor",
                "Nomor antrian dipanggil dalam standar kantor",
            ]
        hasil = []
        for teks, standar in zip(nama, (STANDAR_KONSULTASI_LANGSUNG, STANDAR_HARI_KERJA)):
            h = self._kepatuhan(standar)
            hasil.append(self._baris_standar(teks, standar, h))
        dipanggil, tepat = self.antrian_tepat()
        hasil.append(self._baris_standar(nama[2], "antrian", {"jatuh_tempo": dipanggil, "memenuhi": tepat, "terlambat": dipanggil - tepat}))
        return hasil

    @staticmethod
    def _baris_standar(nama, standar, h):
        return {
            "nama": nama, "standar": standar, "jumlah": h["jatuh_tempo"], "tepat": h["memenuhi"], "terlambat": h["terlambat"],
            "persen": persen(h["memenuhi"], h["jatuh_tempo"]), "terlambat_terbuka": h.get("terlambat_terbuka"),
        }

    def kepatuhan(self):
        """Every service whose due time fell in the period: due, met, and the share met."""
        h = self._kepatuhan("semua")
        return {**h, "persen": persen(h["memenuhi"], h["jatuh_tempo"])}

    def antrian(self):
        hasil = {a: self.jumlah[f"antrian|{a}"] for a in ("diambil", "dipanggil", "dilewati")}
        total = self.jumlah["antrian_tunggu_total|"]
        hasil["rerata_tunggu_menit"] = round(total / hasil["dipanggil"] / 60_000_000, 1) if hasil["dipanggil"] else None
        return hasil

    def kepuasan(self):
        responden = self.per_kunci("skm_responden")
        jawaban = {_bagi(k): n for k, n in self.per_kunci("skm_jumlah").items()}

        def baris(daftar):
            return {"responden": sum(responden[j] for j in daftar),
                    **{f"jumlah_{f}": sum(jawaban.get((j, f), 0) for j in daftar) for f in FIELD_UNSUR}}

        keseluruhan = ikm.hasil_dari_jumlah(baris(list(responden)), label="Keseluruhan")
        per_jenis = sorted((ikm.hasil_dari_jumlah(baris([j]), label=self.nama_jenis(j), kunci=j) for j in responden), key=lambda h: h.label)
        profil = ikm.tabel_profil_dari({_bagi(k): n for k, n in self.per_kunci("skm_profil").items()})
        populasi = sum(n for (_, status), n in self._layanan_per().items() if status != Status.DIBATALKAN)
        cukup, teks = ikm.teks_sampel(keseluruhan.responden, populasi)
        return {
            "keseluruhan": keseluruhan, "per_jenis": per_jenis, "profil": profil, "populasi": populasi,
            "sampel_minimum": ikm.sampel_minimum(populasi), "sampel_cukup": cukup, "teks_sampel": teks,
        }

    def skd(self):
        if self.bagian is not None:
            hasil = Counter()
            for b in self.bagian:
                hasil.update({k: v for k, v in b.skd().items() if k != "persen_diisi"})
            hasil = {k: hasil[k] for k in ("permintaan_data", "tautan_dibuat", "dibuka", "diisi")}
            hasil["persen_diisi"] = persen(hasil["diisi"], hasil["permintaan_data"])
            return hasil
        data = {k for k, info in self.jenis.items() if info.get("permintaan_data")}
        hasil = {
            "permintaan_data": sum(n for (_, status), n in self._layanan_per(jenis=data).items() if status != Status.DIBATALKAN),
            "tautan_dibuat": 0, "dibuka": 0, "diisi": 0,
        }
        nama = {"dibuat": "tautan_dibuat", "dibuka": "dibuka", "diisi": "diisi"}
        for kunci, n in self.per_kunci("skd").items():
            j, angka = _bagi(kunci)
            if j in data:
                hasil[nama[angka]] += n
        hasil["persen_diisi"] = persen(hasil["diisi"], hasil["permintaan_data"])
        return hasil

    def pengaduan(self):
        per_kanal = self.per_kunci("pengaduan")
        dijawab = self.jumlah["pengaduan_dijawab|"]
        total = self.jumlah["pengaduan_jawab_total|"]
        return {
            "jumlah": sum(per_kanal.values()),
            "dijawab": dijawab,
            "selesai": self.jumlah["pengaduan_selesai|"],
            "rerata_jawab_jam": round(total / dijawab / 3_600_000_000, 1) if dijawab else None,
            "per_kanal": [{"kode": k.value, "nama": k.label, "jumlah": per_kanal[k.value]} for k in Kanal if per_kanal.get(k.value)],
            "layanan_pengaduan": sum(self._layanan_per(jenis={KODE_PENGADUAN}).values()),
        }

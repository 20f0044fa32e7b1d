"""The satisfaction index (IKM) of SKM answers, as PermenPAN-RB 14/2017 computes it.

Per element the NRR is the mean answer; IKM = (Σ NRR × 1/9) × 25, from 25 to 100, graded A–D
(`skm.MUTU`). `hitung_ikm` is the one computation the Pimpinan page and the reports share.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, Sum

from bukutamu.models import JenisLayanan
from layanan.models import Layanan, Status
from pst_frontoffice.kalender import rentang_hari
from pst_frontoffice.skm import FIELD_UNSUR, UNSUR

from .models import PROFIL, Penilaian
from .skm import mutu_untuk

DUA_DESIMAL = Decimal("0.01")


@dataclass
class HasilIKM:
    responden: int
    nrr: list = field(default_factory=list)  # one Decimal (3 places) per element, None without data
    ikm: Decimal | None = None
    mutu: str | None = None
    arti_mutu: str | None = None
    label: str = ""
    kunci: object = None  # the group's key (kind of service or officer id) for per-group results

    @property
    def per_unsur(self):
        return list(zip(UNSUR, self.nrr))


def hasil_dari_jumlah(baris, label="", kunci=None):
    """HasilIKM from respondents and the sum of answers per element (`responden`, `jumlah_u1`…)."""
    n = baris["responden"]
    if not n:
        return HasilIKM(responden=0, nrr=[None] * len(FIELD_UNSUR), label=label, kunci=kunci)
    nrr_tepat = [Decimal(baris[f"jumlah_{f}"]) / n for f in FIELD_UNSUR]
    # (Σ NRR × 1/9) × 25 as one exact fraction, rounded once: no intermediate rounding can move
    # an index that lies on a half (x,xx5) to the other side.
    jumlah = sum(baris[f"jumlah_{f}"] for f in FIELD_UNSUR)
    ikm = (Decimal(25 * jumlah) / (len(FIELD_UNSUR) * n)).quantize(DUA_DESIMAL, ROUND_HALF_UP)
    mutu, arti = mutu_untuk(ikm)
    return HasilIKM(
        responden=n, nrr=[x.quantize(Decimal("0.001"), ROUND_HALF_UP) for x in nrr_tepat],
        ikm=ikm, mutu=mutu, arti_mutu=arti, label=label, kunci=kunci,
    )


def saring(queryset=None, *, dari=None, sampai=None, jenis=None, petugas=None):
    """Filled ratings, by the date they were filled (office days), kind of service and officer."""
    qs = (queryset if queryset is not None else Penilaian.objects.all()).terisi()
    if dari or sampai:
        awal, akhir = rentang_hari(dari or sampai, sampai or dari)
        if dari:
            qs = qs.filter(diisi_pada__gte=awal)
        if sampai:
            qs = qs.filter(diisi_pada__lt=akhir)
    if jenis is not None:
        qs = qs.filter(layanan__jenis=jenis)
    if petugas is not None:
        qs = qs.filter(layanan__petugas=petugas)
    return qs


_AGREGAT = {"responden": Count("pk"), **{f"jumlah_{f}": Sum(f) for f in FIELD_UNSUR}}


def hitung_ikm(queryset=None, *, dari=None, sampai=None, jenis=None, petugas=None):
    """Respondents, NRR per element, IKM and grade of the filled ratings matching the filters.

    `queryset` (of Penilaian) narrows further, e.g. `Penilaian.objects.filter(layanan__kunjungan__sarana="online")`.
    """
    qs = saring(queryset, dari=dari, sampai=sampai, jenis=jenis, petugas=petugas)
    return hasil_dari_jumlah(qs.aggregate(**_AGREGAT), label="Keseluruhan")


def hitung_ikm_per(kelompok, queryset=None, **filter_):
    """One HasilIKM per kind of service (`kelompok="jenis"`) or per handling officer ("petugas")."""
    kolom = {"jenis": ("layanan__jenis", "layanan__jenis__nama"), "petugas": ("layanan__petugas", "layanan__petugas__nama")}
    kunci, nama = kolom[kelompok]
    baris = (
        saring(queryset, **filter_).order_by().values(kunci, nama).annotate(**_AGREGAT).order_by(nama)
    )
    return [hasil_dari_jumlah(b, label=b[nama], kunci=b[kunci]) for b in baris]


@dataclass
class IkmHalaman:
    """Everything the IKM page and its file show for one filter, from two grouped queries."""

    keseluruhan: HasilIKM
    per_jenis: list
    per_petugas: list
    sebaran: list
    profil: list


def _tambah(ke, kunci, angka):
    # Rows as tuples added position by position: some 120 groups of 46 figures are summed three
    # ways, and one dict lookup per figure cost ~3 ms of the IKM page.
    lama = ke.get(kunci)
    ke[kunci] = angka if lama is None else [a + b for a, b in zip(lama, angka)]


def hitung_ikm_halaman(queryset=None, **filter_):
    """`hitung_ikm`, `hitung_ikm_per` by kind and by officer, `sebaran_jawaban` and `tabel_profil`, at once.

    The filled ratings are grouped once by (kind, officer) with the sums and answer counts, and the
    three tables are added up from those rows: the same figures as the separate functions (which
    stay the reference, tests/test_rating_ikm.py), for one scan of the period's ratings instead of
    four, plus one for the profile answers.
    """
    qs = saring(queryset, **filter_).order_by()
    jawaban = {f"{f}_{n}": Count("pk", filter=Q(**{f: n})) for f in FIELD_UNSUR for n in range(1, 5)}
    nama_angka = [*_AGREGAT, *jawaban]
    baris = qs.values(j=F("layanan__jenis_id"), p=F("layanan__petugas_id")).annotate(**_AGREGAT, **jawaban)
    semua, per_j, per_p = {}, {}, {}
    for b in baris.values_list("j", "p", *nama_angka):
        angka = [n or 0 for n in b[2:]]
        _tambah(semua, None, angka)
        _tambah(per_j, b[0], angka)
        _tambah(per_p, b[1], angka)
    semua = dict(zip(nama_angka, semua.get(None) or [0] * len(nama_angka)))
    per_j = {j: dict(zip(nama_angka, angka)) for j, angka in per_j.items()}
    per_p = {p: dict(zip(nama_angka, angka)) for p, angka in per_p.items()}
    # Ordered by name in the database, as hitung_ikm_per's ORDER BY (its collation, not Python's);
    # a service always has a kind and an officer (both PROTECT), so every group has its name.
    nama_jenis = JenisLayanan.objects.filter(pk__in=per_j).order_by("nama").values_list("pk", "nama")
    nama_petugas = get_user_model().objects.filter(pk__in=per_p).order_by("nama").values_list("pk", "nama")
    profil = {}
    kolom = [k for k, _, _ in PROFIL]
    for b in qs.values(*kolom).annotate(n=Count("pk")):
        for k in kolom:
            profil[(k, b[k])] = profil.get((k, b[k]), 0) + b["n"]
    return IkmHalaman(
        keseluruhan=hasil_dari_jumlah(semua, label="Keseluruhan"),
        per_jenis=[hasil_dari_jumlah(per_j[j], label=nama, kunci=j) for j, nama in nama_jenis],
        per_petugas=[hasil_dari_jumlah(per_p[p], label=nama, kunci=p) for p, nama in nama_petugas],
        sebaran=[(u, [semua[f"{u.field}_{n}"] for n in range(1, 5)]) for u in UNSUR],
        profil=tabel_profil_dari(profil),
    )


def sebaran_jawaban(queryset=None, **filter_):
    """Per element: how many respondents answered 1, 2, 3 and 4 (one query), for the charts."""
    agregat = {f"{f}_{n}": Count("pk", filter=Q(**{f: n})) for f in FIELD_UNSUR for n in range(1, 5)}
    hitung = saring(queryset, **filter_).aggregate(**agregat)
    return [(u, [hitung[f"{u.field}_{n}"] for n in range(1, 5)]) for u in UNSUR]


def sampel_minimum(populasi):
    """Minimum respondents for `populasi` people served (Krejcie–Morgan, as PermenPAN-RB 14/2017 uses).

    n = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)), X² = 3.841, P = 0.5, d = 0.05, rounded as the
    published table is (N = 100 → 80, N = 1,000 → 278).
    """
    if populasi <= 0:
        return 0
    x2, p, d = Decimal("3.841"), Decimal("0.5"), Decimal("0.05")
    n = x2 * populasi * p * (1 - p) / (d * d * (populasi - 1) + x2 * p * (1 - p))
    return int(n.quantize(Decimal("1"), ROUND_HALF_UP))


def layanan_periode(*, dari, sampai):
    """How many people were served in the period: the population the sample is measured against."""
    return dilayani(dari=dari, sampai=sampai).count()


def dilayani(*, dari, sampai):
    """The services recorded in the period and not cancelled."""
    awal, akhir = rentang_hari(dari, sampai)
    return Layanan.objects.filter(dibuat__gte=awal, dibuat__lt=akhir).exclude(status=Status.DIBATALKAN)


def tabel_profil(queryset=None, **filter_):
    """Per profile question: respondents per answer (and 'Tidak diisi'), with the share in percent."""
    qs = saring(queryset, **filter_).order_by()
    hitung = {}
    for kolom, _, _ in PROFIL:
        hitung.update({(kolom, nilai): n for nilai, n in qs.values_list(kolom).annotate(n=Count("pk"))})
    return tabel_profil_dari(hitung)


def tabel_profil_dari(jumlah):
    """The profile tables from counts {(question field, answer value): respondents} ("" = not answered)."""
    hasil = []
    for kolom, judul, pilihan in PROFIL:
        hitung = {nilai: n for (k, nilai), n in jumlah.items() if k == kolom}
        total = sum(hitung.values())
        baris = [(p.value, p.label, hitung.get(p.value, 0)) for p in pilihan] + [("", "Tidak diisi", hitung.get("", 0))]
        hasil.append({
            "kolom": kolom, "judul": judul,
            "baris": [
                {"nilai": nilai, "nama": nama, "jumlah": n, "persen": round(100 * n / total, 1) if total else None}
                for nilai, nama, n in baris
            ],
        })
    return hasil


def teks_sampel(responden, populasi):
    """What the pages and files say about the sample: (enough?, sentence); (True, "") without services."""
    minimum = sampel_minimum(populasi)
    if responden < minimum:
        return False, (
            f"Responden belum mencukupi: {responden} responden, sedangkan sampel minimum untuk {populasi} layanan "
            f"pada periode ini adalah {minimum} (tabel Krejcie–Morgan, sebagaimana PermenPAN-RB No. 14 Tahun 2017). "
            "Hasil IKM belum mewakili seluruh pengguna layanan."
        )
    if populasi:
        return True, f"Responden memenuhi sampel minimum {minimum} untuk {populasi} layanan pada periode ini (Krejcie–Morgan)."
    return True, ""

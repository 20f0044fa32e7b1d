"""The SKM grades (PermenPAN-RB No. 14 Tahun 2017); the 9 elements are in pst_frontoffice.skm."""

from decimal import Decimal

# Grades as published in copies of the regulation's annex: the lowest IKM of each grade.
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

"""Chart images for the Word report, drawn with Pillow (the screen uses Chart.js from static/)."""

import io

from PIL import Image, ImageDraw, ImageFont

BIRU = (11, 79, 138)
ABU = (120, 120, 120)
GARIS = (225, 225, 225)


def _font(ukuran):
    return ImageFont.load_default(size=ukuran)


def grafik_batang(judul, label, nilai, *, lebar=1200, tinggi=520):
    """A vertical bar chart as PNG bytes; labels are thinned out when there are many."""
    img = Image.new("RGB", (lebar, tinggi), "white")
    d = ImageDraw.Draw(img)
    d.text((20, 12), judul, fill=(0, 0, 0), font=_font(26))
    kiri, atas, kanan, bawah = 70, 70, lebar - 20, tinggi - 70
    maks = max(nilai or [0]) or 1
    langkah_sumbu = max(1, -(-maks // 5))
    for i in range(0, maks + langkah_sumbu, langkah_sumbu):
        y = bawah - (bawah - atas) * i / (maks if maks else 1)
        if y < atas - 1:
            break
        d.line((kiri, y, kanan, y), fill=GARIS)
        d.text((10, y - 9), str(i), fill=ABU, font=_font(16))
    n = max(len(nilai), 1)
    lebar_batang = (kanan - kiri) / n
    tiap = max(1, n // 12)
    for i, (lab, v) in enumerate(zip(label, nilai)):
        x0 = kiri + i * lebar_batang + lebar_batang * 0.15
        x1 = kiri + (i + 1) * lebar_batang - lebar_batang * 0.15
        y0 = bawah - (bawah - atas) * v / maks
        d.rectangle((x0, y0, x1, bawah), fill=BIRU)
        if v and n <= 31:
            d.text(((x0 + x1) / 2, y0 - 20), str(v), fill=(0, 0, 0), font=_font(15), anchor="ma")
        if i % tiap == 0:
            d.text(((x0 + x1) / 2, bawah + 10), str(lab), fill=ABU, font=_font(15), anchor="ma")
    d.line((kiri, bawah, kanan, bawah), fill=ABU, width=2)
    keluaran = io.BytesIO()
    img.save(keluaran, format="PNG", optimize=True)
    return keluaran.getvalue()

"""The words of a visitor message per channel: WhatsApp keeps its markup; e-mail gets plain text and a
simple HTML part. Lines left without a value ("Nomor surat balasan: -") are dropped from both."""

import html
import re

# WhatsApp's formatting (FAQ "How to format your messages"): *bold*, _italic_, ~strikethrough~,
# ```monospace```. Only a marked word group counts: the markers touch its first and last character
# and are not inside a word, so snake_case names and links with underscores stay as written.
_MONO = re.compile(r"```(.+?)```", re.S)
_TANDA = [re.compile(rf"(?<![\w{t}]){t}(?=\S)([^{t}\n]+?)(?<=\S){t}(?![\w{t}])") for t in (r"\*", "_", "~")]
# A line whose value is only a dash, the placeholder templates write when there is nothing to say.
_BARIS_KOSONG = re.compile(r"^[^\n:]{1,80}:[ \t]*-[ \t]*$\n?", re.M)
_TAUTAN = re.compile(r"https?://[^\s<>\"']+")


def rapikan(teks):
    """Drop lines without a value and runs of blank lines, the same for every channel."""
    teks = _BARIS_KOSONG.sub("", teks)
    teks = re.sub(r"[ \t]+\n", "\n", teks)
    return re.sub(r"\n{3,}", "\n\n", teks).strip()


def tanpa_markah_wa(teks):
    teks = _MONO.sub(r"\1", teks)
    for pola in _TANDA:
        teks = pola.sub(r"\1", teks)
    return teks


def dengan_lacak(teks, url_lacak):
    """Every message to a visitor ends with the link to their status page (once)."""
    if not url_lacak or url_lacak in teks:
        return teks
    return f"{teks}\n\nLacak layanan Anda: {url_lacak}"


def teks_email(teks):
    return rapikan(tanpa_markah_wa(teks))


def _paragraf(blok):
    bagian, awal = [], 0
    for m in _TAUTAN.finditer(blok):
        bagian.append(html.escape(blok[awal:m.start()]))
        url = m.group(0).rstrip(".,;)")
        bagian.append(f'<a href="{html.escape(url)}">{html.escape(url)}</a>{html.escape(m.group(0)[len(url):])}')
        awal = m.end()
    bagian.append(html.escape(blok[awal:]))
    return "<p>" + "".join(bagian).replace("\n", "<br>\n") + "</p>"


def html_email(teks, *, nama_kantor):
    """The HTML part: the office's name on top, the plain text's paragraphs with their links clickable."""
    isi = "\n".join(_paragraf(b) for b in re.split(r"\n\s*\n", teks.strip()) if b.strip())
    nama = html.escape(f"PST {nama_kantor}")
    return (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        f"<title>{nama}</title></head>\n<body>\n<h1>{nama}</h1>\n{isi}\n"
        f"<hr>\n<p><small>Pesan ini dikirim otomatis oleh Pelayanan Statistik Terpadu (PST) {html.escape(nama_kantor)}.</small></p>\n"
        "</body></html>\n"
    )

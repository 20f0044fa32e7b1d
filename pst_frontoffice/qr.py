"""QR codes as inline SVG: printed on tickets and posters, shown on the officer's screen."""

import re

import qrcode
import qrcode.image.svg
from django.utils.html import escape


def qr_svg(data, label="Kode QR"):
    """An inline SVG QR code of `data`: error correction M, 4-module quiet zone, sized by CSS."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=4)
    qr.add_data(data)
    qr.make(fit=True)
    # SvgPathFillImage = SvgPathImage on a white background: the quiet zone stays white on any theme.
    svg = qr.make_image(image_factory=qrcode.image.svg.SvgPathFillImage).to_string(encoding="unicode")
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    # Drop the fixed mm size: the viewBox lets CSS (.qr-kode) size it for a monitor a metre away.
    svg = re.sub(r'^<svg width="[^"]*" height="[^"]*"', '<svg class="qr-kode" shape-rendering="crispEdges" role="img"', svg)
    svg = svg.replace(' id="qr-path"', "")  # two codes on one page must not share an id
    return svg.replace("<svg ", f'<svg aria-label="{escape(label)}" ', 1)

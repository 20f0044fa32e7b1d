"""Reading our QR codes back in tests, as a phone camera would.

OpenCV's default detector misses about 3 % of perfectly drawn codes (its finder-pattern search
trips on some module layouts, so a random token sometimes fails). A phone simply tries again from
another distance; here each image is tried with both of OpenCV's detectors, at full and half size
and with a wider white margin. A code none of them reads is a real failure.
"""

import cv2
import numpy as np


def dekode_qr(gambar):
    """The text of the QR code in a greyscale image, or '' when none can be read."""
    varian = (
        gambar,
        cv2.resize(gambar, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA),
        cv2.copyMakeBorder(gambar, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255),
    )
    for detektor in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
        for citra in varian:
            teks, _, _ = detektor.detectAndDecode(citra)
            if teks:
                return teks
    return ""


def dekode_png(png):
    """The text of the QR code in a PNG screenshot."""
    return dekode_qr(cv2.imdecode(np.frombuffer(png, dtype=np.uint8), cv2.IMREAD_GRAYSCALE))

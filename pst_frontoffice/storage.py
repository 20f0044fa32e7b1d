"""Static files in production: hashed names (cached forever) and compression, by whitenoise."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _mentah(pola):
    return pola[0] if isinstance(pola, tuple) else pola


class StatikProduksi(CompressedManifestStaticFilesStorage):
    """Like whitenoise's storage, but a vendored minified file naming a source map we do not ship
    (e.g. chart.umd.min.js.map) does not stop collectstatic: source-map comments are left as they are."""

    patterns = tuple(
        (ext, tuple(p for p in daftar if "sourceMappingURL" not in _mentah(p)))
        for ext, daftar in CompressedManifestStaticFilesStorage.patterns
    )

"""Models of the presensi app."""

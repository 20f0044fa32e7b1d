"""Making a file in the worker, and removing files after a while."""

import logging
import secrets
import shutil
import tempfile
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from pst_frontoffice.models import PengaturanKantor

from .jenis import JENIS
from .models import TERHENTI_SETELAH, Unduhan

logger = logging.getLogger(__name__)
Status = Unduhan.Status


def _angka(n):
    return f"{n:,}".replace(",", ".")


def buat_berkas(*, unduhan_id):
    """Make the file of a waiting Unduhan (run by the worker). Progress goes to the row as it goes."""
    sekarang = timezone.now()
    if not Unduhan.objects.filter(pk=unduhan_id, status=Status.MENUNGGU).update(
        status=Status.DIBUAT, diperbarui=sekarang, keterangan="Menyiapkan data laporan."
    ):
        return None  # taken already, or no longer wanted
    unduhan = Unduhan.objects.get(pk=unduhan_id)
    jenis = JENIS[unduhan.jenis]

    def kemajuan(selesai, total):
        persen = 100 * selesai // total if total else 100
        unduhan.catat_kemajuan(kemajuan=min(persen, 99), keterangan=f"Menulis baris {_angka(selesai)} dari {_angka(total)}.")

    folder = Path(tempfile.mkdtemp(prefix="pst-unduhan-"))
    try:
        jalur = folder / unduhan.nama_berkas
        # Dates in the files read in the office's zone, as on the report page.
        with timezone.override(PengaturanKantor.get().tzinfo):
            jenis.tulis(unduhan.parameter, jalur, kemajuan)
        unduhan.catat_kemajuan(kemajuan=99, keterangan="Menyimpan berkas.")
        with jalur.open("rb") as isi:
            nama = default_storage.save(f"unduhan/{secrets.token_hex(12)}/{unduhan.nama_berkas}", File(isi))
        unduhan.catat_kemajuan(status=Status.SIAP, kemajuan=100, keterangan="Siap diunduh.", berkas=nama,
                               ukuran=jalur.stat().st_size, selesai=timezone.now())
    except Exception:
        logger.exception("Unduhan %s gagal dibuat", unduhan_id)
        unduhan.catat_kemajuan(status=Status.GAGAL, keterangan=(
            "Berkas gagal dibuat. Coba lagi; bila terulang, hubungi Admin (log worker menyimpan rinciannya)."
        ))
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return unduhan


def bersihkan(*, sekarang=None):
    """Remove files kept longer than UNDUHAN_SIMPAN_JAM (the row stays, as Sudah dihapus), and mark
    as failed a file whose making stopped (the worker died in the middle). Returns how many files went."""
    sekarang = sekarang or timezone.now()
    lama = Unduhan.objects.filter(status=Status.SIAP, selesai__lt=sekarang - timedelta(hours=settings.UNDUHAN_SIMPAN_JAM))
    dihapus = 0
    for unduhan in lama:
        with suppress(OSError):
            default_storage.delete(unduhan.berkas)
        unduhan.catat_kemajuan(status=Status.DIHAPUS, berkas="", keterangan=(
            f"Dihapus otomatis {settings.UNDUHAN_SIMPAN_JAM} jam setelah dibuat. Buat lagi dari halaman laporan."
        ))
        dihapus += 1
    Unduhan.objects.filter(status=Status.DIBUAT, diperbarui__lt=sekarang - TERHENTI_SETELAH).update(
        status=Status.GAGAL, diperbarui=sekarang,
        keterangan="Pembuatan berkas terhenti (worker berhenti di tengah jalan). Buat lagi.",
    )
    return dihapus

"""Rules of data requests that span tables: saving what was asked for, and telling the visitor."""

from django.db import transaction

from pst_frontoffice.models import TEMPLATE_WA_PENGUNJUNG_BAWAAN
from pst_frontoffice.whatsapp import pesan_wa

from .models import Status


def simpan_rincian(*, form, formset, oleh):
    """Save the request's details and its items together, with one history entry.

    An item ticked Hapus is marked removed, never deleted: the history names it and it can be put back.
    """
    with transaction.atomic():
        permintaan = form.save()
        for item in formset.save(commit=False):
            item.save()
        dihapus = [i for i in formset.deleted_objects if i.pk]
        for item in dihapus:
            item.hapus(oleh=oleh)
        uraian = "; ".join(i.uraian for i in permintaan.item.all()) or "tanpa item"
        catatan = f"Rincian permintaan data diperbarui: {uraian}."
        if dihapus:
            catatan += " Item dihapus: " + "; ".join(i.uraian for i in dihapus) + "."
        permintaan.layanan.catat_riwayat(catatan, oleh=oleh)
    return permintaan


KETERANGAN_WA = {
    Status.SIAP_DIAMBIL: "Data sudah siap dan dapat diambil di kantor pada jam layanan.",
    Status.SELESAI: "Data telah kami sampaikan. Mohon luangkan waktu mengisi survei kepuasan layanan.",
}


def teks_wa_pengunjung(layanan, *, kantor, nomor=None, url_lacak=""):
    """The message telling the visitor their data request is ready or done (editable by an Admin).

    The status page link is added after the Admin's wording, so an edited template keeps it.
    """
    teks = pesan_wa(
        kantor.template_wa_pengunjung, cadangan=TEMPLATE_WA_PENGUNJUNG_BAWAAN,
        nama=layanan.kunjungan.nama, kantor=kantor.nama_kantor, status=layanan.get_status_display(),
        keterangan=KETERANGAN_WA.get(layanan.status, ""), nomor_surat=nomor.nomor if nomor else "-",
        jenis=layanan.jenis.nama, nomor=f"#{layanan.pk}",
    )
    return f"{teks}\n\nLacak layanan: {url_lacak}" if url_lacak else teks

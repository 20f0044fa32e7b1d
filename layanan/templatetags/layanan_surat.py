"""The reply-letter panel on a data request's detail page, with its own data
(so the shared detail view stays untouched)."""

from django import template
from django.urls import reverse

from pst_frontoffice.whatsapp import tautan_wa

from ..forms.permintaan import TagForm
from ..forms.surat import BatalNomorForm, NomorSuratForm, UnggahBerkasForm
from ..models import BerkasSurat, KlasifikasiSurat, PermintaanData, Tag
from ..permintaan import teks_wa_pengunjung
from ..surat import tanggal_indonesia

register = template.Library()


@register.simple_tag(takes_context=True)
def panel_surat(context, layanan):
    """Everything the _surat.html partial shows, or None for a service that is not a data request."""
    if not layanan.jenis.adalah_permintaan_data:
        return None
    request = context["request"]
    kantor = context.get("kantor") or request.kantor
    permintaan = PermintaanData.objects.filter(layanan=layanan).prefetch_related("item", "tags").first()
    nomor = list(layanan.nomor_surat.select_related("dibuat_oleh", "dibatalkan_oleh").order_by("-tahun", "-urut"))
    aktif = next((n for n in nomor if not n.dibatalkan), None)
    berkas = list(BerkasSurat.objects.filter(layanan=layanan).select_related("diunggah_oleh"))
    kunjungan = layanan.kunjungan  # who came, as the visit recorded them
    instansi = kunjungan.instansi
    konteks = {
        "permintaan": permintaan,
        "item": list(permintaan.item.all()) if permintaan else [],
        "tags": list(permintaan.tags.all()) if permintaan else [],
        "nomor_aktif": aktif,
        "nomor_batal": [n for n in nomor if n.dibatalkan],
        "berkas_aktif": next((b for b in berkas if b.aktif), None),
        "berkas_lama": [b for b in berkas if not b.aktif],
        "boleh_ubah": layanan.boleh_diubah_oleh(request.user),
        "tanggal_aktif": tanggal_indonesia(aktif.tanggal) if aktif else "",
    }
    if konteks["boleh_ubah"]:
        galat = context.get("surat_galat") or {}  # forms the officer sent that failed, kept as typed
        form_nomor = galat.get("form_nomor")
        if form_nomor is None:
            klasifikasi = list(KlasifikasiSurat.objects.all())  # read once: the suggestion and the choices
            form_nomor = NomorSuratForm(initial={
                "klasifikasi": KlasifikasiSurat.saran_untuk(kunjungan.jenis_instansi, klasifikasi),
                "tujuan": f"Pimpinan {instansi}" if instansi else kunjungan.nama,
                "perihal": "Penyampaian Data",
            }, klasifikasi=klasifikasi)
        konteks.update(
            form_nomor=form_nomor,
            form_batal=galat.get("form_batal") or BatalNomorForm(),
            form_berkas=galat.get("form_berkas") or UnggahBerkasForm(),
            form_tag=galat.get("form_tag") or TagForm(),
            semua_tag=list(Tag.objects.values_list("nama", flat=True)[:300]),
        )
        if aktif and not konteks["berkas_aktif"]:
            # The guide's next step once the number is given: upload the signed letter. Once it is
            # uploaded the focus goes to the file itself (the link marked in _surat.html).
            konteks["form_berkas"].fields["berkas"].widget.attrs["data-fokus"] = "surat"
    no_hp = layanan.kontak.no_hp
    if layanan.status in ("siap_diambil", "selesai") and no_hp:
        url_lacak = request.build_absolute_uri(reverse("layanan:lacak", args=[layanan.token_lacak]))
        teks = teks_wa_pengunjung(layanan, kantor=kantor, nomor=aktif, url_lacak=url_lacak)
        konteks.update(teks_wa=teks, tautan_wa_pengunjung=tautan_wa(teks, no_hp), no_hp_pengunjung=no_hp)
    return konteks

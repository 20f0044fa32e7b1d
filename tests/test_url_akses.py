"""Every URL of the app with the answer each role gets to a GET.

The test walks the URL resolver; a URL without an entry in AKSES fails with a message saying so.
To add a URL: one line in AKSES, keyed by its name ("app:name"), with the status for
anonymous, Petugas, Pimpinan and Admin (302 for anonymous means "sent to the login page";
405 = GET refused on a POST-only view). If the URL takes arguments, give `kwargs`, a function of
the `data` fixture below (add the object your URL needs to that fixture).
"""

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Callable

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PERAN = ("anonim", "petugas", "pimpinan", "admin")


@dataclass(frozen=True)
class Akses:
    anonim: int
    petugas: int
    pimpinan: int
    admin: int
    kwargs: Callable | None = None
    # Where an anonymous 302 must lead (public pages may redirect elsewhere than the login).
    ke: str = "login"

    def untuk(self, peran):
        return getattr(self, peran)


def _pk_layanan(d):
    return {"pk": d.layanan.pk}


def _pk_pengaduan(d):
    return {"pk": d.pengaduan.pk}


def _pk_tiket(d):
    return {"pk": d.tiket.pk}


def _pk_tidak_ada(d):
    # POST-only views answer GET with 405 before looking anything up.
    return {"pk": 999999}


def _pk_peminjaman(d):
    return {"pk": d.peminjaman.pk}


def _token_rating(d):
    return {"token": d.penilaian.token}


def _token_skd(d):
    return {"token": d.skd.token}


AKSES = {
    # name: Akses(anonymous, Petugas, Pimpinan, Admin)
    "layanan:beranda": Akses(200, 302, 302, 302),  # public home page for visitors
    "sehat": Akses(200, 200, 200, 200),
    "login": Akses(200, 302, 302, 302),
    "logout": Akses(405, 405, 405, 405),
    "ganti_kata_sandi": Akses(302, 200, 200, 200),
    "password_change_done": Akses(302, 200, 200, 200),
    "bukutamu:buku_tamu": Akses(302, 200, 403, 200),
    "bukutamu:cari_pengunjung": Akses(302, 200, 403, 200),
    "bukutamu:periksa_identitas": Akses(302, 200, 403, 200, kwargs=lambda d: {"pk": d.layanan.kunjungan_id}),
    "layanan:dashboard": Akses(302, 200, 403, 200),
    "layanan:semua": Akses(302, 200, 200, 200),
    "layanan:saya": Akses(302, 200, 403, 200),
    "layanan:tugaskan": Akses(302, 405, 403, 405),
    "layanan:cari": Akses(302, 200, 200, 200),
    "layanan:pemberitahuan": Akses(302, 200, 403, 200),
    "layanan:detail": Akses(302, 200, 200, 200, kwargs=_pk_layanan),
    "layanan:update_status": Akses(302, 405, 403, 405, kwargs=_pk_layanan),
    "layanan:urungkan_status": Akses(302, 405, 403, 405, kwargs=lambda d: {"pk": d.layanan.pk, "riwayat_pk": 999999}),
    # GET: the Petugas form, for the handler (the data's officer) and Admin.
    "layanan:atur_petugas": Akses(302, 200, 403, 200, kwargs=_pk_layanan),
    "layanan:catat_tanggapan": Akses(302, 405, 403, 405, kwargs=_pk_layanan),
    "layanan:tambah_catatan": Akses(302, 405, 403, 405, kwargs=_pk_layanan),
    "laporan:index": Akses(302, 403, 200, 200),
    "laporan:rincian": Akses(302, 403, 200, 200),
    "laporan:unduh_docx": Akses(302, 403, 200, 200),
    # Files made by the worker: asked for by POST; seen only by whoever asked (here the Petugas) and
    # Admin, anyone else gets 404; the file itself only once it is ready (this one still waits).
    "unduhan:buat": Akses(302, 405, 405, 405),
    "unduhan:lihat": Akses(302, 200, 404, 200, kwargs=lambda d: {"pk": d.unduhan.pk}),
    "unduhan:unduh": Akses(302, 404, 404, 404, kwargs=lambda d: {"pk": d.unduhan.pk}),
    # Queue: kiosk, ticket and display are public; the desk's queue is for officers.
    "antrian:kios": Akses(200, 200, 200, 200),
    "antrian:buat_janji": Akses(405, 405, 405, 405),
    "antrian:janji_tercatat": Akses(404, 404, 404, 404),  # without its signed ?t= link: friendly 404
    "antrian:tiket": Akses(200, 200, 200, 200, kwargs=_pk_tiket),
    "antrian:layar": Akses(200, 200, 200, 200),
    "antrian:petugas": Akses(302, 200, 403, 200),
    "antrian:panggil": Akses(302, 405, 403, 405),
    "antrian:panggil_ulang": Akses(302, 405, 403, 405, kwargs=_pk_tiket),
    "antrian:lewati": Akses(302, 405, 403, 405, kwargs=_pk_tiket),
    "antrian:ambil_di_meja": Akses(302, 405, 403, 405),
    "antrian:janji_meja": Akses(302, 405, 403, 405),
    "antrian:janji_hadir": Akses(302, 405, 403, 405, kwargs=_pk_tidak_ada),
    # Self-registration on the visitor's phone is public; the entrance poster and the desk's list are not.
    "bukutamu:daftar": Akses(200, 200, 200, 200),
    "bukutamu:daftar_janji": Akses(404, 404, 404, 404),  # without its signed ?t= link: friendly 404
    "bukutamu:daftar_terkirim": Akses(404, 404, 404, 404),
    "bukutamu:daftar_poster": Akses(302, 200, 403, 200),
    "layanan:belum_ditugaskan": Akses(302, 200, 403, 200),
    "layanan:ambil": Akses(302, 405, 403, 405, kwargs=_pk_tidak_ada),
    "layanan:bagikan_surat": Akses(302, 405, 403, 405, kwargs=lambda d: {"berkas_pk": 999999}),
    # Lacak layanan: public behind an unguessable token; no letter marked for the visitor here (404).
    "layanan:lacak": Akses(200, 200, 200, 200, kwargs=lambda d: {"token": d.layanan.token_lacak}),
    "layanan:lacak_surat": Akses(404, 404, 404, 404, kwargs=lambda d: {"token": d.layanan.token_lacak}),
    "layanan:lacak_antrian": Akses(200, 200, 200, 200, kwargs=lambda d: {"token": d.tiket.token}),
    # Lockers and complaints.
    "layanan:loker": Akses(302, 200, 403, 200),
    "layanan:kembalikan_item": Akses(302, 405, 403, 405, kwargs=lambda d: {"pk": d.layanan.pk, "item_pk": 999999}),
    "layanan:loker_detail": Akses(302, 200, 403, 200, kwargs=_pk_peminjaman),
    "layanan:loker_belum_kembali": Akses(302, 200, 403, 200),
    "layanan:loker_kembali": Akses(302, 405, 403, 405, kwargs=_pk_tidak_ada),
    "layanan:pengaduan": Akses(302, 200, 200, 200),
    "layanan:pengaduan_baru": Akses(302, 200, 403, 200),
    "layanan:pengaduan_detail": Akses(302, 200, 200, 200, kwargs=_pk_pengaduan),
    "layanan:pengaduan_tindak_lanjut": Akses(302, 405, 405, 405, kwargs=_pk_pengaduan),
    "pesan:outbox": Akses(302, 403, 403, 200),
    "pesan:outbox_kirim_ulang": Akses(302, 403, 403, 405, kwargs=_pk_tidak_ada),
    "pesan:pengaturan_gateway": Akses(302, 403, 403, 200),
    "pesan:gateway_percobaan": Akses(302, 403, 403, 405),
    "pesan:kirim_grup": Akses(302, 405, 403, 405, kwargs=_pk_layanan),
    "pesan:templat": Akses(302, 403, 403, 200),
    "pesan:templat_simpan": Akses(302, 403, 403, 405, kwargs=lambda d: {"peristiwa": "rating"}),
    "pesan:templat_uji": Akses(302, 403, 403, 405, kwargs=lambda d: {"peristiwa": "rating"}),
    "pesan:masuk": Akses(302, 200, 403, 200),
    "pesan:masuk_ditangani": Akses(302, 405, 403, 405, kwargs=_pk_tidak_ada),
    # The providers' webhooks are public; without Meta's verify token the handshake is refused.
    "pesan:webhook_whatsapp": Akses(403, 403, 403, 403),
    "pesan:webhook_fonnte": Akses(405, 405, 405, 405, kwargs=lambda d: {"rahasia": "tebakan"}),
    # Rating: the visitor's token pages are public; the panel and IKM are not.
    "rating:panel": Akses(302, 200, 403, 200, kwargs=_pk_layanan),
    "rating:buat_tautan": Akses(302, 405, 403, 405, kwargs=_pk_layanan),
    "rating:tandai_skd": Akses(302, 405, 403, 405, kwargs=_pk_layanan),
    "rating:ikm": Akses(302, 403, 200, 200),
    "rating:unduh_ikm": Akses(302, 403, 200, 200),
    "rating:isi": Akses(200, 200, 200, 200, kwargs=_token_rating),
    "rating:terima_kasih": Akses(302, 302, 302, 302, kwargs=_token_rating, ke="/r/"),  # not filled yet: to the form
    "rating:skd": Akses(302, 302, 302, 302, kwargs=_token_skd, ke="s.bps.go.id"),  # counted, then to BPS's survey
    "rating:skd_selesai": Akses(200, 200, 200, 200, kwargs=_token_skd),
    # Data requests fulfilled: letters, files, tags, register and search.
    "layanan:generate_nomor": Akses(302, 405, 403, 405, kwargs=_pk_layanan),
    "layanan:draf_surat": Akses(302, 200, 200, 200, kwargs=_pk_layanan),
    "layanan:unggah_berkas": Akses(302, 405, 403, 405, kwargs=_pk_layanan),
    "layanan:tambah_tag": Akses(302, 405, 403, 405, kwargs=_pk_layanan),
    "layanan:lepas_tag": Akses(302, 405, 403, 405, kwargs=lambda d: {"pk": d.layanan.pk, "tag_pk": 999999}),
    "layanan:rincian_permintaan": Akses(302, 200, 403, 200, kwargs=_pk_layanan),
    "layanan:batal_nomor": Akses(302, 405, 403, 405, kwargs=lambda d: {"nomor_pk": 999999}),
    # No stored file here: staff reach the lookup (404); tests/test_surat_views.py downloads a real one.
    "layanan:unduh_berkas": Akses(302, 404, 404, 404, kwargs=lambda d: {"berkas_pk": 999999}),
    "layanan:register_surat": Akses(302, 200, 200, 200),
    "layanan:register_surat_excel": Akses(302, 200, 200, 200),
    "layanan:cari_permintaan": Akses(302, 200, 200, 200),
    "layanan:template_surat_bawaan": Akses(302, 403, 403, 200),
    # Django admin: only its index is listed; its own pages check is_staff (Admin role only).
    "presensi:absen_masuk": Akses(302, 405, 403, 405),
    "presensi:absen_pulang": Akses(302, 405, 403, 405),
    "presensi:terlupa": Akses(302, 403, 403, 200),
    "presensi:tutup": Akses(302, 403, 403, 405, kwargs=_pk_tidak_ada),
    "presensi:jadwal": Akses(302, 200, 200, 200),
    "presensi:jadwal_tambah": Akses(302, 403, 403, 405),
    "presensi:jadwal_batal": Akses(302, 403, 403, 405, kwargs=_pk_tidak_ada),
    "presensi:jadwal_impor": Akses(302, 403, 403, 405),
    "presensi:jadwal_templat": Akses(302, 403, 403, 200),
    "presensi:jadwal_ekspor": Akses(302, 200, 200, 200),
    "presensi:rekap": Akses(302, 403, 200, 200),
    "presensi:rekap_ekspor": Akses(302, 403, 200, 200),
    # Masuk dengan SSO BPS: not configured in this walk, so its return pages are 404 (tests/test_sso*.py
    # configure a real provider); the button and Keluar are POST-only.
    "sso:masuk": Akses(405, 405, 405, 405),
    "sso:kembali": Akses(404, 404, 404, 404),
    "sso:keluar": Akses(405, 405, 405, 405),
    "sso:keluar_selesai": Akses(404, 404, 404, 404),
    "sso:permintaan": Akses(302, 403, 403, 200),
    "sso:setujui": Akses(302, 403, 403, 405, kwargs=_pk_tidak_ada),
    "sso:abaikan": Akses(302, 403, 403, 405, kwargs=_pk_tidak_ada),
    "admin:index": Akses(302, 302, 302, 200),
    # Province roll-up: the receiving endpoint is POST-only and signed; on an office it is a 404.
    "provinsi:terima": Akses(405, 405, 405, 405),
    # The province's pages exist only on a province instance (tests/test_provinsi_halaman.py): 404 here.
    "provinsi:index": Akses(302, 403, 404, 404),
    "provinsi:rinci": Akses(302, 403, 404, 404, kwargs=lambda d: {"kode": "6310"}),
    "provinsi:unduh_xlsx": Akses(302, 403, 404, 404),
    "provinsi:unduh_docx": Akses(302, 403, 404, 404),
    "provinsi:kantor": Akses(302, 403, 403, 404),
    "provinsi:kantor_kunci": Akses(302, 403, 403, 404, kwargs=lambda d: {"kode": "6310"}),
    "provinsi:kantor_aktif": Akses(302, 403, 403, 404, kwargs=lambda d: {"kode": "6310"}),
    "provinsi:penolakan": Akses(302, 403, 403, 404),
    "provinsi:kiriman": Akses(302, 403, 403, 200),
    "provinsi:kiriman_kunci": Akses(302, 403, 403, 405),
    "provinsi:kiriman_kirim": Akses(302, 403, 403, 405),
    "provinsi:kiriman_ulang": Akses(302, 403, 403, 405),
}


def _nama_url(patterns, namespace=""):
    """Names of every URL in the resolver, "namespace:name"; admin internals except its index."""
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            if ns == "admin":
                yield "admin:index"
                continue
            yield from _nama_url(p.url_patterns, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name}" if p.name else f"{namespace}<tanpa nama: {p.pattern}>"


def semua_nama_url():
    return sorted(set(_nama_url(get_resolver().url_patterns)))


def test_every_url_has_an_expected_answer_per_role():
    tanpa_entri = [n for n in semua_nama_url() if n not in AKSES]
    assert not tanpa_entri, (
        "URL tanpa entri di tests/test_url_akses.py::AKSES (tambahkan satu baris: "
        "Akses(anonim, petugas, pimpinan, admin[, kwargs=…])): " + ", ".join(tanpa_entri)
    )


def test_no_entry_is_left_for_a_url_that_no_longer_exists():
    hilang = sorted(set(AKSES) - set(semua_nama_url()))
    assert not hilang, "Entri AKSES untuk URL yang tidak ada lagi (hapus): " + ", ".join(hilang)


@pytest.fixture
def data(buat_layanan, petugas, jenis, kantor):
    """One object of each kind a URL may need, owned by the `petugas` user."""
    from bukutamu import antrian
    from layanan.models import Kanal, Loker, PeminjamanLoker
    from layanan.pengaduan import catat_pengaduan
    from rating import services as rating
    from unduhan.models import Unduhan

    layanan = buat_layanan("permintaan-data", oleh=petugas)
    return SimpleNamespace(
        layanan=layanan,
        pengaduan=catat_pengaduan(isi="Antrian terlalu lama", kanal=Kanal.KOTAK_SARAN, oleh=petugas),
        tiket=antrian.ambil_nomor(jenis_layanan=jenis["konsultasi"]),
        penilaian=rating.pastikan_penilaian(layanan, oleh=petugas),
        skd=rating.pastikan_skd(layanan, oleh=petugas),
        unduhan=Unduhan.objects.create(pemilik=petugas, jenis="laporan_xlsx", parameter={"periode": "minggu"},
                                       judul="Laporan Mingguan", nama_berkas="laporan.xlsx"),
        peminjaman=PeminjamanLoker.pinjamkan(
            loker=Loker.objects.create(nomor="U1"), jenis_kartu="ktp", nomor_kartu="6310012345678901",
            nama_pengunjung="Sari", oleh=petugas,
        ),
    )


@pytest.fixture
def klien_peran(client, request, petugas, pimpinan, admin_user):
    def klien(peran):
        user = {"anonim": None, "petugas": petugas, "pimpinan": pimpinan, "admin": admin_user}[peran]
        if user:
            client.force_login(user)
        return client

    return klien


@pytest.mark.django_db
@pytest.mark.parametrize("peran", PERAN)
@pytest.mark.parametrize("nama", sorted(AKSES))
def test_each_role_gets_the_expected_answer(klien_peran, data, nama, peran):
    akses = AKSES[nama]
    url = reverse(nama, kwargs=akses.kwargs(data) if akses.kwargs else None)

    response = klien_peran(peran).get(url)

    harapan = akses.untuk(peran)
    assert response.status_code == harapan, f"GET {url} sebagai {peran}: {response.status_code}, harapan {harapan}"
    if peran == "anonim" and harapan == 302:
        assert akses.ke in response["Location"], f"{url} mengarahkan tamu ke {response['Location']}, bukan {akses.ke}"
    if harapan == 403:
        assert "Akses ditolak" in response.content.decode()

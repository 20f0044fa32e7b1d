import pytest
from django.urls import reverse

from bukutamu.models import Kunjungan, Pengunjung
from bukutamu.kunjungan import cari_pengunjung
from layanan.models import Layanan, Status

from .conftest import kunci

URL = reverse("bukutamu:buku_tamu")


def isian(jenis, *kode, **lain):
    data = {
        "nama": "Siti Nurhaliza", "instansi": "Bappeda Tanah Bumbu", "jenis_instansi": "pemerintah",
        "no_hp": "0812-3456-7890", "email": "Siti@Example.org", "keperluan": "Data penduduk per kecamatan",
        "sarana": "langsung", "kanal_online": "", "nomor_surat_permintaan": "",
        "jenis_layanan": [jenis[k].pk for k in (kode or ("konsultasi",))], **kunci("buku_tamu"),
    }
    data.update(lain)
    return data


@pytest.mark.django_db
def test_cari_pengunjung_finds_by_name_part_phone_typed_locally_and_email():
    p = Pengunjung.objects.create(nama="Dewi Lestari", instansi="Unlam", jenis_instansi="pendidikan", no_hp="6281298765432", email="dewi@unlam.ac.id")

    assert list(cari_pengunjung("lest")) == [p]
    assert list(cari_pengunjung("0812987")) == [p]
    assert list(cari_pengunjung("dewi@unl")) == [p]
    assert list(cari_pengunjung("d")) == []


@pytest.mark.django_db
def test_buku_tamu_saves_one_visit_and_one_service_per_jenis(masuk, petugas, jenis):
    client = masuk(petugas)

    response = client.post(URL, isian(jenis, "konsultasi", "permintaan-data", nomor_surat_permintaan="005/BPD/XI/2026"))

    assert response.status_code == 302
    assert response["Location"] == reverse("layanan:saya")
    kunjungan = Kunjungan.objects.get()
    assert kunjungan.pengunjung.no_hp == "6281234567890"
    assert kunjungan.pengunjung.email == "siti@example.org"
    assert kunjungan.nomor_surat_permintaan == "005/BPD/XI/2026"
    assert kunjungan.dicatat_oleh == petugas
    layanan = Layanan.objects.filter(kunjungan=kunjungan)
    assert sorted(layanan.values_list("jenis__kode", flat=True)) == ["konsultasi", "permintaan-data"]
    assert all(l.petugas == petugas and l.status == Status.DITERIMA for l in layanan)
    assert all(l.riwayat.filter(jenis="dibuat").exists() for l in layanan)


@pytest.mark.django_db
def test_buku_tamu_second_visit_reuses_the_visitor(masuk, petugas, jenis):
    client = masuk(petugas)
    client.post(URL, isian(jenis))

    # The same person, found by phone; the blank e-mail takes the stored one.
    client.post(URL, isian(jenis, email="", no_hp="+62 812 3456 7890"))

    assert Pengunjung.objects.count() == 1
    assert Kunjungan.objects.count() == 2
    assert Kunjungan.objects.latest("pk").email == "siti@example.org"


@pytest.mark.django_db
def test_buku_tamu_errors_are_in_indonesian_and_keep_what_was_typed(masuk, petugas, jenis):
    client = masuk(petugas)

    response = client.post(URL, isian(jenis, no_hp="08abc", email="bukan-email", jenis_layanan=[], keperluan="Butuh data IPM"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "No. HP hanya boleh berisi angka" in html
    assert "Alamat email tidak valid." in html
    assert "Pilih minimal satu Jenis Pelayanan." in html
    assert 'value="Siti Nurhaliza"' in html
    assert "Butuh data IPM" in html
    assert Kunjungan.objects.count() == 0


@pytest.mark.django_db
def test_buku_tamu_needs_a_phone_or_an_email(masuk, petugas, jenis):
    response = masuk(petugas).post(URL, isian(jenis, no_hp="", email=""))
    assert "Isi No. HP atau Email" in response.content.decode()
    assert Kunjungan.objects.count() == 0


@pytest.mark.django_db
def test_buku_tamu_online_asks_for_the_channel(masuk, petugas, jenis):
    client = masuk(petugas)
    response = client.post(URL, isian(jenis, sarana="online"))
    assert "Pilih kanal layanan online." in response.content.decode()

    client.post(URL, isian(jenis, sarana="online", kanal_online="whatsapp"))
    assert Kunjungan.objects.get().sarana_lengkap == "Online (WhatsApp)"


@pytest.mark.django_db
def test_request_letter_number_is_kept_only_for_data_requests(masuk, petugas, jenis):
    masuk(petugas).post(URL, isian(jenis, "konsultasi", nomor_surat_permintaan="001/X/2026"))
    assert Kunjungan.objects.get().nomor_surat_permintaan == ""


@pytest.mark.django_db
def test_buku_tamu_form_shows_the_guide_labels(masuk, petugas, jenis):
    html = masuk(petugas).get(URL).content.decode()
    for label in ("Buku Tamu", "Nama", "Instansi", "No. HP", "Email", "Jenis Pelayanan", "Konsultasi",
                  "Permintaan Data", "Pengaduan", "Rekomendasi Statistik", "Perpustakaan",
                  "Penjualan Produk Statistik", "Sarana Kunjungan", "Langsung", "Online", "Simpan Buku Tamu"):
        assert label in html, label


@pytest.mark.django_db
def test_choosing_a_suggestion_fills_the_identity_fields(masuk, petugas, jenis):
    p = Pengunjung.objects.create(nama="Dewi Lestari", instansi="Unlam", jenis_instansi="pendidikan", no_hp="6281298765432", email="dewi@unlam.ac.id")
    client = masuk(petugas)

    saran = client.get(reverse("bukutamu:cari_pengunjung"), {"nama": "Lest"}, headers={"HX-Request": "true"})
    identitas = client.get(URL, {"pengunjung": p.pk}, headers={"HX-Request": "true", "HX-Target": "identitas"})

    assert f"?pengunjung={p.pk}" in saran.content.decode()
    html = identitas.content.decode()
    assert html.lstrip().startswith('<fieldset id="identitas"')
    assert 'value="Dewi Lestari"' in html and 'value="081298765432"' in html and 'value="dewi@unlam.ac.id"' in html

"""Duty roster: month view, planning, Excel template / import / export."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from presensi.bawaan import pastikan_shift_bawaan
from presensi.jadwal import ImporDitolak, impor_jadwal
from presensi.models import JadwalPiket, Shift


@pytest.fixture
def shift(db):
    pastikan_shift_bawaan(Shift)
    return {s.nama: s for s in Shift.objects.all()}


def berkas_excel(*baris, kepala=("Tanggal", "Shift", "Email Petugas", "Nama Petugas"), nama="jadwal.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.append(list(kepala))
    for b in baris:
        ws.append(list(b))
    isi = io.BytesIO()
    wb.save(isi)
    return SimpleUploadedFile(nama, isi.getvalue())


@pytest.mark.django_db
def test_default_shifts_come_from_the_data_migration():
    assert [(s.nama, s.label_jam()) for s in Shift.objects.all()] == [
        ("Pagi", "07.30–12.00"), ("Siang", "12.00–14.30"), ("Sore", "14.30–16.00"),
    ]


@pytest.mark.django_db
def test_import_of_a_good_file_creates_the_roster(shift, petugas, petugas2, admin_user):
    berkas = berkas_excel(
        (datetime.datetime(2026, 12, 1), "Pagi", "rina@example.com"),
        ("2026-12-01", "siang", "AHMAD@example.com"),
        ("02/12/2026", "Sore", "rina@example.com", "Rina"),
    )

    dibuat, dilewati = impor_jadwal(berkas, oleh=admin_user)

    assert (dibuat, dilewati) == (3, 0)
    assert set(JadwalPiket.objects.values_list("tanggal", "shift__nama", "petugas__email")) == {
        (datetime.date(2026, 12, 1), "Pagi", "rina@example.com"),
        (datetime.date(2026, 12, 1), "Siang", "ahmad@example.com"),
        (datetime.date(2026, 12, 2), "Sore", "rina@example.com"),
    }
    assert JadwalPiket.objects.filter(dibuat_oleh=admin_user).count() == 3


@pytest.mark.django_db
def test_import_with_one_bad_row_imports_nothing_and_names_the_row(shift, petugas, admin_user):
    berkas = berkas_excel(
        ("2026-12-01", "Pagi", "rina@example.com"),
        ("2026-12-02", "Pagi", "rina@example.com"),
        ("2026-12-03", "Pagi", "siapa@example.com"),
        ("2026-12-04", "Pagi", "rina@example.com"),
    )

    with pytest.raises(ImporDitolak) as e:
        impor_jadwal(berkas, oleh=admin_user)

    assert e.value.kesalahan == ["Baris 4: email petugas tidak dikenal (siapa@example.com)."]
    assert not JadwalPiket.objects.exists()


@pytest.mark.django_db
def test_import_reports_every_bad_row_with_its_reasons(shift, petugas, admin_user):
    berkas = berkas_excel(
        ("besok", "Malam", "rina@example.com"),
        ("2026-12-02", "Pagi", "rina@example.com"),
        ("2026-12-02", "Pagi", "rina@example.com"),
    )

    with pytest.raises(ImporDitolak) as e:
        impor_jadwal(berkas, oleh=admin_user)

    assert e.value.kesalahan[0].startswith("Baris 2: tanggal “besok” tidak dikenali")
    assert "shift “Malam” tidak dikenal (pilihan: Pagi, Siang, Sore)" in e.value.kesalahan[0]
    assert e.value.kesalahan[1] == "Baris 4: sama dengan baris 3."


@pytest.mark.django_db
def test_import_refuses_a_file_that_is_not_excel(shift, admin_user):
    with pytest.raises(ImporDitolak) as e:
        impor_jadwal(SimpleUploadedFile("jadwal.xlsx", b"Tanggal,Shift,Email\n"), oleh=admin_user)

    assert "bukan file Excel" in e.value.kesalahan[0]


def test_import_refuses_a_zip_bomb_before_unpacking(shift, admin_user):
    import zipfile

    from presensi.jadwal import BATAS_ISI_XLSX

    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b" " * (BATAS_ISI_XLSX + 1))
    assert len(isi.getvalue()) < 100_000  # small on disk, over the limit once unpacked

    with pytest.raises(ImporDitolak) as e:
        impor_jadwal(SimpleUploadedFile("jadwal.xlsx", isi.getvalue()), oleh=admin_user)

    assert "terlalu besar atau rusak" in e.value.kesalahan[0]


@pytest.mark.django_db
def test_import_skips_rows_already_on_the_roster(shift, petugas, admin_user):
    JadwalPiket.objects.create(tanggal=datetime.date(2026, 12, 1), shift=shift["Pagi"], petugas=petugas)

    hasil = impor_jadwal(
        berkas_excel(("2026-12-01", "Pagi", "rina@example.com"), ("2026-12-01", "Sore", "rina@example.com")),
        oleh=admin_user,
    )

    assert hasil == (1, 1)


@pytest.mark.django_db
def test_admin_imports_through_the_page_and_sees_row_errors(masuk, admin_user, petugas, shift):
    client = masuk(admin_user)
    url = reverse("presensi:jadwal_impor") + "?bulan=2026-12"

    buruk = client.post(url, {"berkas": berkas_excel(("2026-12-01", "Pagi", "rina@example.com"),
                                                     ("2026-12-01", "Pagi", "x@example.com"))})
    baik = client.post(url, {"berkas": berkas_excel(("2026-12-01", "Pagi", "rina@example.com"))}, follow=True)

    assert buruk.status_code == 400
    assert "Baris 3: email petugas tidak dikenal (x@example.com)." in buruk.content.decode()
    assert "Impor selesai: 1 jadwal ditambahkan." in baik.content.decode()
    assert JadwalPiket.objects.count() == 1


@pytest.mark.django_db
def test_template_and_export_round_trip(masuk, admin_user, petugas, shift):
    JadwalPiket.objects.create(tanggal=datetime.date(2026, 12, 1), shift=shift["Siang"], petugas=petugas)
    client = masuk(admin_user)

    templat = load_workbook(io.BytesIO(client.get(reverse("presensi:jadwal_templat"), {"bulan": "2026-12"}).content))
    ekspor = client.get(reverse("presensi:jadwal_ekspor"), {"bulan": "2026-12"})

    assert [c.value for c in templat.worksheets[0][1]] == ["Tanggal", "Shift", "Email Petugas", "Nama Petugas"]
    assert "Petunjuk" in templat.sheetnames
    baris = list(load_workbook(io.BytesIO(ekspor.content)).active.iter_rows(min_row=2, values_only=True))
    assert baris == [(datetime.datetime(2026, 12, 1), "Siang", "rina@example.com", "Rina Petugas")]
    # The export is a valid import file: importing it again adds nothing.
    assert impor_jadwal(SimpleUploadedFile("x.xlsx", ekspor.content), oleh=admin_user) == (0, 1)


@pytest.mark.django_db
def test_admin_plans_and_cancels_a_duty_in_the_month_view(masuk, admin_user, petugas, shift):
    client = masuk(admin_user)

    response = client.post(reverse("presensi:jadwal_tambah"),
                           {"tanggal": "2026-12-03", "shift": shift["Pagi"].pk, "petugas": petugas.pk})
    dobel = client.post(reverse("presensi:jadwal_tambah"),
                        {"tanggal": "2026-12-03", "shift": shift["Pagi"].pk, "petugas": petugas.pk})

    assert response["Location"] == reverse("presensi:jadwal") + "?bulan=2026-12"
    assert dobel.status_code == 400 and "sudah terjadwal" in dobel.content.decode()
    jadwal = JadwalPiket.objects.get()
    assert "Rina Petugas" in client.get(reverse("presensi:jadwal"), {"bulan": "2026-12"}).content.decode()

    client.post(reverse("presensi:jadwal_batal", args=[jadwal.pk]))

    jadwal.refresh_from_db()
    assert jadwal.dibatalkan_oleh == admin_user  # kept, not deleted
    assert not JadwalPiket.objects.berlaku().exists()


@pytest.mark.django_db
def test_month_view_form_errors_keep_what_was_typed(masuk, admin_user, shift):
    response = masuk(admin_user).post(reverse("presensi:jadwal_tambah"), {"tanggal": "03/12/2026", "shift": shift["Sore"].pk})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Petugas wajib diisi." in html
    assert 'value="03/12/2026"' in html


@pytest.mark.django_db
def test_officer_reads_the_roster_but_cannot_change_it(masuk, petugas, shift):
    client = masuk(petugas)

    html = client.get(reverse("presensi:jadwal")).content.decode()

    assert "Jadwal Piket" in html and "Tambah Jadwal" not in html
    assert client.post(reverse("presensi:jadwal_tambah"), {}).status_code == 403
    assert client.post(reverse("presensi:jadwal_impor"), {}).status_code == 403
    assert client.get(reverse("presensi:jadwal_templat")).status_code == 403


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_from_the_roster(client):
    assert client.get(reverse("presensi:jadwal"))["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("jumlah", [1, 5])
def test_month_view_query_count_does_not_grow(masuk, admin_user, buat_user, shift, jumlah, django_assert_num_queries):
    for i in range(jumlah):
        p = buat_user(f"p{i}@example.com")
        for s in shift.values():
            JadwalPiket.objects.create(tanggal=datetime.date(2026, 12, 1 + i), shift=s, petugas=p)
    client = masuk(admin_user)

    with django_assert_num_queries(8):  # 7 + the Admin's failed-messages badge in the navbar
        assert client.get(reverse("presensi:jadwal"), {"bulan": "2026-12"}).status_code == 200


@pytest.mark.django_db
def test_export_keeps_a_formula_like_name_as_text(masuk, admin_user, buat_user, shift):
    jahil = buat_user("jahil@example.com", nama="=HYPERLINK(\"http://x\")")
    JadwalPiket.objects.create(tanggal=datetime.date(2026, 12, 1), shift=shift["Pagi"], petugas=jahil)

    ekspor = masuk(admin_user).get(reverse("presensi:jadwal_ekspor"), {"bulan": "2026-12"})

    sel = load_workbook(io.BytesIO(ekspor.content)).active["D2"]
    assert sel.data_type == "s" and sel.value.startswith("=HYPERLINK")


@pytest.mark.django_db
def test_a_shift_must_end_after_it_starts(shift):
    from django.core.exceptions import ValidationError

    sore = shift["Sore"]
    sore.jam_selesai_jumat = datetime.time(14, 0)

    with pytest.raises(ValidationError, match="Jam selesai \\(Jumat\\) harus setelah jam mulai"):
        sore.full_clean()


@pytest.mark.django_db
def test_demo_roster_fills_this_month_once_and_never_in_production(petugas, petugas2, shift, settings):
    from django.core.management import CommandError, call_command

    call_command("jadwal_demo")
    jumlah = JadwalPiket.objects.count()
    call_command("jadwal_demo")

    assert jumlah > 0 and JadwalPiket.objects.count() == jumlah
    assert set(JadwalPiket.objects.values_list("petugas__email", flat=True)) == {petugas.email, petugas2.email}
    settings.DEMO_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("jadwal_demo")

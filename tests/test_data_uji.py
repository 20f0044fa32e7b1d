import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, F

from bukutamu.models import Kunjungan, Pengunjung
from layanan.models import Layanan, RiwayatLayanan, Status
from demo.management.commands.buat_data_uji import DOMAIN_UJI, KATA_SANDI_UJI

from .conftest import kunci

pytestmark = pytest.mark.django_db


def _buat(**kwargs):
    call_command("buat_data_uji", stdout=open("/dev/null", "w"), **kwargs)


def test_buat_data_uji_makes_the_asked_number_of_services():
    _buat(layanan=300, petugas=4)

    assert Layanan.objects.count() == 300
    assert Pengunjung.objects.count() == 300
    assert 200 < Kunjungan.objects.count() < 300
    # Every service has its creation in the history and its jenis on the visit.
    assert RiwayatLayanan.objects.filter(jenis=RiwayatLayanan.Jenis.DIBUAT).count() == 300
    assert not Layanan.objects.exclude(kunjungan__jenis_layanan=F("jenis")).exists()
    # The copy of the visit's channel is written too (COPY skips Python defaults: a "" would pass unseen).
    assert not Layanan.objects.exclude(sarana=F("kunjungan__sarana")).exists()
    assert set(Layanan.objects.values_list("sarana", flat=True)) == {"langsung", "online"}
    statuses = dict(Layanan.objects.values_list("status").annotate(n=Count("id")))
    assert statuses[Status.SELESAI] > 200
    assert Layanan.objects.filter(status=Status.SELESAI, selesai_pada__isnull=True).count() == 0
    # Due times as the app sets them: walk-in hours and working days both.
    layanan = list(Layanan.objects.select_related("kunjungan", "jenis"))
    assert [l.tenggat for l in layanan] == [l.hitung_tenggat() for l in layanan]
    assert len({l.tenggat - l.dibuat for l in layanan}) > 2


def test_a_large_load_leaves_every_index_and_reference_as_it_was():
    """On PostgreSQL a large load drops the secondary indexes, writes without foreign-key triggers,
    and builds the indexes again (here forced from the first row); the result must be the same
    tables: every index back, every reference pointing at a row that exists."""
    tabel = [m._meta.db_table for m in (Pengunjung, Kunjungan, Layanan, RiwayatLayanan)]

    def indeks():
        with connection.cursor() as cursor:
            return {t: {n for n, c in connection.introspection.get_constraints(cursor, t).items() if c["index"]}
                    for t in tabel}

    sebelum = indeks()
    _buat(layanan=120, petugas=3, ambang_muat_cepat=0)

    assert indeks() == sebelum
    assert Layanan.objects.count() == 120
    assert not Layanan.objects.exclude(kunjungan__in=Kunjungan.objects.all()).exists()
    assert not Kunjungan.objects.exclude(pengunjung__in=Pengunjung.objects.all()).exists()
    assert not RiwayatLayanan.objects.exclude(layanan__in=Layanan.objects.all()).exists()
    # The trigram search still finds the visitors (its GIN index on PostgreSQL was built again).
    nama = Pengunjung.objects.first().nama
    assert Pengunjung.objects.filter(nama__icontains=nama.split()[0][:3]).exists()


def test_buat_data_uji_is_deterministic_for_a_seed():
    _buat(layanan=50, petugas=2, seed=3)
    pertama = list(Pengunjung.objects.order_by("pk").values_list("nama", "no_hp", "email"))
    status_pertama = list(Layanan.objects.order_by("pk").values_list("status", "jenis__kode"))
    _buat(layanan=50, petugas=2, seed=3)

    kedua = list(Pengunjung.objects.order_by("pk").values_list("nama", "no_hp", "email"))[50:]
    # Keys differ (appended after the first set), so compare without them.
    assert [n for n, _, _ in pertama] == [n for n, _, _ in kedua]
    assert status_pertama == list(Layanan.objects.order_by("pk").values_list("status", "jenis__kode"))[50:]


def test_buat_data_uji_accounts_can_log_in_and_the_app_keeps_working(client, jenis):
    _buat(layanan=20, petugas=3)
    assert client.login(email=f"petugas03@{DOMAIN_UJI}", password=KATA_SANDI_UJI)

    response = client.post("/buku-tamu/", {
        **kunci("buku_tamu"), "nama": "Tamu Baru", "instansi": "Bappeda", "jenis_instansi": "pemerintah", "no_hp": "081299990000",
        "email": "", "jenis_layanan": [jenis["konsultasi"].pk], "keperluan": "Data", "sarana": "langsung",
    })

    assert response.status_code == 302
    # New rows get keys after the generated ones (sequences moved past them).
    assert Layanan.objects.count() == 21
    assert Layanan.objects.order_by("-pk").first().kunjungan.pengunjung.nama == "Tamu Baru"


def test_buat_data_uji_refuses_production(settings):
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="produksi"):
        _buat(layanan=5)

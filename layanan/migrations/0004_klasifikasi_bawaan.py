from django.db import migrations

BAWAAN = {
    "pemerintah": "HM.310",
    "organisasi": "HM.320",
    "perusahaan": "HM.330",
    "pendidikan": "HM.340",
    "perorangan": "VS.620",
    "lainnya": "VS.620",
}


def isi(apps, schema_editor):
    KlasifikasiSurat = apps.get_model("layanan", "KlasifikasiSurat")
    for jenis, kode in BAWAAN.items():
        KlasifikasiSurat.objects.get_or_create(jenis_instansi=jenis, defaults={"kode": kode})


class Migration(migrations.Migration):
    dependencies = [("layanan", "0003_surat_permintaan_data")]
    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]

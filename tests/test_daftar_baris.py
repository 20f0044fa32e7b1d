"""A service list's row is built in Python (layanan.templatetags.daftar_layanan: sel_layanan and
sel_layanan_akhir). Its markup must be what the row's template gave, with the same escaping:
the reference row below is that template, rendered with the same services side by side."""

import datetime

import pytest
from django.template import Context, Template
from django.test.html import parse_html
from django.utils import timezone

from bukutamu.bawaan import KODE_PERMINTAAN_DATA
from layanan.models import Layanan, Status

BARIS_TEMPLATE = Template(
    """{% load pst rating_tags tenggat %}{% for l in daftar %}<tr>
      {% if pilih %}<td class="kolom-pilih"><input class="form-check-input" type="checkbox" name="layanan" value="{{ l.pk }}" form="form-tugaskan" aria-label="Pilih layanan #{{ l.pk }} {{ l.kunjungan.nama }}"></td>{% endif %}
      <td class="text-body-secondary">#{{ l.pk }}</td>
      <td class="sel-pengunjung"><div class="text-truncate"><a class="fw-semibold tautan-baris" href="{% url 'layanan:detail' l.pk %}">{{ l.kunjungan.nama }}</a>{% if l.kunjungan.instansi %}<span class="text-body-secondary small"> · {{ l.kunjungan.instansi }}</span>{% endif %}</div></td>
      <td>{{ l.jenis.nama }}</td>
      <td>{% status_badge l.status l.get_status_display l.status_singkat %}</td>
      <td>{% tenggat_badge l %}</td>
      {% if tampil_petugas %}<td><div class="text-truncate sel-petugas">{{ l.petugas.nama }}</div></td>{% endif %}
      <td>{% status_rating l %} {% status_skd l %}</td>
      {% if not tanpa_masuk %}<td class="small text-body-secondary"><span title="{% waktu l.dibuat %}">{% waktu_singkat l.dibuat %}</span></td>{% endif %}
      <td class="text-end">{% if l.terbuka and l.petugas_id == user.pk %}<a class="btn btn-sm btn-outline-primary py-0" href="{% url 'layanan:detail' l.pk %}#update" aria-label="Update layanan #{{ l.pk }}">Update</a>{% endif %}</td>
    </tr>{% endfor %}"""
)
BARIS_PYTHON = Template(
    "{% load rating_tags daftar_layanan %}{% for l in daftar %}"
    "<tr>{% sel_layanan l %}<td>{% status_rating l %} {% status_skd l %}</td>{% sel_layanan_akhir l %}</tr>{% endfor %}"
)
LIAR = "<script>alert('x')</script> \"Kutip\" & Co"


@pytest.fixture
def aneka_layanan(buat_layanan, petugas2, time_machine):
    """Services in every state a row draws: close to due (amber), late (red), closed, waiting on
    the visitor, another officer's, from last year; a visitor's name and instansi with markup and quotes."""
    time_machine.move_to(datetime.datetime(2026, 11, 25, 10, 0, tzinfo=datetime.UTC), tick=False)
    sekarang = timezone.now()
    baris = [
        buat_layanan(nama=LIAR, instansi=LIAR),
        buat_layanan(instansi=""),
        buat_layanan(KODE_PERMINTAAN_DATA, nama="O'Brien & \"Sons\""),
        buat_layanan(oleh=petugas2),
        buat_layanan(),
        buat_layanan(waktu=sekarang - datetime.timedelta(days=400)),
    ]
    Layanan.objects.filter(pk=baris[1].pk).update(
        dibuat=sekarang - datetime.timedelta(days=3), tenggat=sekarang + datetime.timedelta(minutes=30)
    )
    Layanan.objects.filter(pk=baris[2].pk).update(tenggat=sekarang - datetime.timedelta(days=2))
    Layanan.objects.filter(pk=baris[3].pk).update(status=Status.MENUNGGU)
    Layanan.objects.filter(pk=baris[4].pk).update(status=Status.SELESAI)
    return list(Layanan.objects.untuk_daftar().filter(pk__in=[b.pk for b in baris]).order_by("pk"))


@pytest.mark.parametrize(
    "pilihan",
    [{}, {"pilih": True, "tampil_petugas": True}, {"tanpa_masuk": True}, {"pilih": True, "tampil_petugas": True, "tanpa_masuk": True}],
    ids=["biasa", "semua_layanan", "tanpa_masuk", "semua_kolom"],
)
def test_baris_daftar_sama_dengan_template(rf, aneka_layanan, kantor, petugas, pilihan):
    konteks = {"daftar": aneka_layanan, "user": petugas, "kantor": kantor, **pilihan}
    with timezone.override(kantor.tzinfo):
        harap = BARIS_TEMPLATE.render(Context(konteks))
        hasil = BARIS_PYTHON.render(Context(konteks))
    assert parse_html(hasil) == parse_html(harap)
    assert "Update</a>" in hasil and "tenggat-terlambat" in hasil and "tenggat-mendekati" in hasil
    # The one label too wide for a one-line row: its start is shown, the whole is the tooltip and is read out.
    assert ('title="Menunggu tanggapan pengunjung"><i class="bi bi-hourglass-split" aria-hidden="true"></i> Menunggu'
            '<span class="visually-hidden"> tanggapan pengunjung</span></span>') in hasil


def test_baris_daftar_meloloskan_markup_pengunjung(aneka_layanan, kantor, petugas):
    """A visitor's name and instansi with markup and quotes are text: never a tag or a broken attribute."""
    konteks = {"daftar": aneka_layanan, "user": petugas, "kantor": kantor, "pilih": True, "tampil_petugas": True}
    with timezone.override(kantor.tzinfo):
        hasil = BARIS_PYTHON.render(Context(konteks))
    assert "<script>" not in hasil
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &quot;Kutip&quot; &amp; Co" in hasil
    assert "O&#x27;Brien &amp; &quot;Sons&quot;" in hasil
    # The checkbox's label attribute holds the name whole (its quotes escaped).
    assert f'aria-label="Pilih layanan #{aneka_layanan[0].pk} &lt;script&gt;' in hasil

"""{% jalur %} keeps reversed arg-less URLs per process: it must still follow the script prefix a
request is served under (an office behind /pst/ on a shared host), and name what {% url %} names."""

from django.template import Context, Template
from django.urls import set_script_prefix

from layanan.templatetags.daftar_layanan import awalan_url

JALUR = Template("{% load pst %}{% jalur 'layanan:semua' %}|{% jalur 'logout' as keluar %}{{ keluar }}")
URL = Template("{% url 'layanan:semua' %}|{% url 'logout' %}")


def test_jalur_sama_dengan_url_dan_mengikuti_awalan_skrip():
    try:
        for awalan in ("/", "/pst/", "/kantor-lain/pst/", "/"):
            set_script_prefix(awalan)
            assert JALUR.render(Context()) == URL.render(Context())
            assert JALUR.render(Context()).startswith(f"{awalan}layanan/")
            assert awalan_url("layanan:detail") == f"{awalan}layanan/"
    finally:
        set_script_prefix("/")

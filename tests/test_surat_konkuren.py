"""Two officers pressing Generate Nomor Surat Balasan at the same moment never share a number."""

import threading

import pytest
from django.db import connections

from layanan.models import NomorSurat
from layanan.surat import beri_nomor_surat

JUMLAH = 50


@pytest.mark.django_db(transaction=True)
def test_50_concurrent_generations_give_50_distinct_consecutive_numbers(buat_layanan, petugas, petugas2):
    daftar = [buat_layanan("permintaan-data") for _ in range(JUMLAH)]
    mulai = threading.Barrier(JUMLAH)
    galat = []

    def tekan(layanan, oleh):
        try:
            mulai.wait(timeout=30)
            beri_nomor_surat(layanan=layanan, klasifikasi="HM.310", tujuan="Yth", perihal="Data", oleh=oleh)
        except Exception as e:  # noqa: BLE001 — collected and asserted below
            galat.append(e)
        finally:
            connections.close_all()

    utas = [
        threading.Thread(target=tekan, args=(layanan, petugas if i % 2 else petugas2))
        for i, layanan in enumerate(daftar)
    ]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=120)

    assert galat == []
    urut = sorted(NomorSurat.objects.values_list("urut", flat=True))
    assert urut == list(range(1, JUMLAH + 1))
    assert NomorSurat.objects.values("nomor").distinct().count() == JUMLAH

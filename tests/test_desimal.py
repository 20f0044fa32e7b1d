"""The `desimal` filter writes exactly what Django's `floatformat:N` writes, at a fraction of the cost."""

import random
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.template.defaultfilters import floatformat

from pst_frontoffice.templatetags.pst import desimal

# Halves that round up (floatformat rounds the value as written, not its binary double), values
# whose binary double lies just below the half, zero from a negative side, whole numbers, text.
TEPI = [0, 4, 1, 3.125, 2.675, 1.005, 0.125, 99.995, 3.0, 0.0, -0.001, -2.5, 1e-7, 123456.789,
        Decimal("3.125"), Decimal("2.50"), "2.5", "3", float("nan"), float("inf")]


@pytest.mark.parametrize("tempat", [1, 2, 3])
@pytest.mark.parametrize("nilai", TEPI, ids=repr)
def test_same_text_as_floatformat_at_the_edges(nilai, tempat):
    assert desimal(nilai, tempat) == floatformat(nilai, tempat)


def test_same_text_as_floatformat_for_random_ikm_and_report_values():
    acak = random.Random(20261207)
    for _ in range(20_000):
        nilai = acak.choice([
            acak.random() * 4,  # an NRR
            acak.randint(0, 4000) / 1000,
            acak.randint(0, 400) / 8,  # exact halves of a quarter
            acak.random() * 100,  # an IKM
            acak.randint(0, 10**6) / 100,
        ])
        tempat = acak.choice([1, 2, 3])
        assert desimal(nilai, tempat) == floatformat(nilai, tempat), (nilai, tempat)


def test_nothing_to_write_is_empty_as_in_floatformat():
    for nilai in (None, "", "bukan angka"):
        assert desimal(nilai) == floatformat(nilai, 2) == ""


def test_in_a_template_with_the_indonesian_decimal_comma():
    teks = Template("{% load pst %}{{ a|desimal }} · {{ b|desimal:3 }} · {{ c|desimal:1 }}").render(
        Context({"a": 3.125, "b": 2.0, "c": 87.55})
    )
    assert teks == "3,13 · 2,000 · 87,6"

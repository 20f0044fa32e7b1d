"""Pagination for lists that grow without bound (every service of every year)."""

import math

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

BATAS_HITUNG = 1000
# A page number beyond this is read as the last reachable page (an offset the database can take).
HALAMAN_MAKS = 1_000_000


def ambil_baris(qs, awal, akhir, isi=None):
    """Rows awal..akhir of `qs` in its order, in two steps: their ids, then the rows from `isi`.

    The first query filters, orders and limits on the ids alone, so PostgreSQL sorts before it
    joins the visitor, jenis and officer; sorting the joined rows made the dashboard's five most
    urgent services take 15–30 ms at a million services. The second reads just those rows from
    `isi`, an unfiltered queryset with the same joins (by default `qs` itself, whose filters
    would be evaluated again: a co-handler subquery costs its full price even for five ids).
    """
    ids = list(qs.prefetch_related(None).values_list("pk", flat=True)[awal:akhir])
    if not ids:
        return []
    per_pk = {obj.pk: obj for obj in (qs if isi is None else isi).filter(pk__in=ids).order_by()}
    return [per_pk[pk] for pk in ids if pk in per_pk]


class HalamanTanpaHitung(Page):
    """A page whose paginator does not know the total: the next page exists when a row more did."""

    def __init__(self, object_list, number, paginator, ada_berikutnya):
        super().__init__(object_list, number, paginator)
        self.ada_berikutnya = ada_berikutnya

    def has_next(self):
        return self.ada_berikutnya

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def start_index(self):
        return (self.number - 1) * self.paginator.per_page + 1 if self.object_list else 0

    def end_index(self):
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)


class PaginatorBerbatas(Paginator):
    """Counts at most `batas` rows ("lebih dari 1.000"), or nothing at all (`hitung=False`).

    The lists page with Sebelumnya/Berikutnya only, so an exact total buys little, while an exact
    COUNT of a text filter joined over three tables took 2.8 s at a million services. Counting
    stops at batas + 1 matching rows (unordered, so PostgreSQL stops early); beyond the first
    `batas` rows the officer narrows the filter (the page says so). A text search does not count
    at all: a common name matches one visit in thirty, so even a capped count reads tens of
    thousands of rows; its page reads one row more than it shows to know whether there is a next.
    """

    def __init__(self, object_list, per_page, batas=None, hitung=True, isi=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.batas = batas or BATAS_HITUNG
        self.hitung = hitung
        self.isi = isi  # where the page's rows are read from, see ambil_baris

    @cached_property
    def count(self):
        return self.object_list.order_by()[: self.batas + 1].count()

    @property
    def terpotong(self):
        return self.hitung and self.count > self.batas

    @cached_property
    def num_pages(self):
        if self.terpotong:
            return math.ceil(self.batas / self.per_page)
        return super().num_pages

    @property
    def batas_teks(self):
        return f"{self.batas:,}".replace(",", ".")

    def get_page(self, number):
        if self.hitung:
            return super().get_page(number)
        try:
            number = min(max(1, int(number)), HALAMAN_MAKS)
        except (TypeError, ValueError):
            number = 1
        awal = (number - 1) * self.per_page
        baris = ambil_baris(self.object_list, awal, awal + self.per_page + 1, self.isi)
        if not baris and number > 1:
            return self.get_page(1)
        return HalamanTanpaHitung(baris[: self.per_page], number, self, len(baris) > self.per_page)

    def page(self, number):
        if not self.hitung:
            return self.get_page(number)
        number = self.validate_number(number)
        awal = (number - 1) * self.per_page
        baris = ambil_baris(self.object_list, awal, min(awal + self.per_page, self.count), self.isi)
        return self._get_page(baris, number, self)

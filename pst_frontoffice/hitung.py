"""Counting several querysets in one round trip to the database."""

from django.db import connections


def hitung_sekaligus(**daftar):
    """{name: COUNT(*) of its queryset}, all in one query.

    A page of figures (the dashboard's five) asked them one query each: five round trips, each
    with its own compilation, execution and result. Here each queryset is compiled as Django would
    count it (its rows, or its values() when it has them, e.g. a DISTINCT of visitors) and becomes
    a scalar subquery of one SELECT; the database counts each as it would alone.
    """
    if not daftar:
        return {}
    bagian, params, db = [], [], None
    for qs in daftar.values():
        qs = qs.order_by()
        if qs._fields is None:  # not a values() queryset: count its rows by primary key
            qs = qs.values("pk")
        db = db or qs.db
        sql, p = qs.query.sql_with_params()
        bagian.append(f"(SELECT COUNT(*) FROM ({sql}) AS hitung)")
        params.extend(p)
    with connections[db].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(bagian)}", params)
        baris = cursor.fetchone()
    return dict(zip(daftar, baris))

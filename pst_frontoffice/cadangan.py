"""Backup and restore: one archive holding a consistent database snapshot and the uploaded files.

The snapshot is Django's own JSON (dumpdata with natural keys for content types and permissions),
so it restores on SQLite and PostgreSQL alike into an installation that has only been migrated.
"""

import datetime
import io
import itertools
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from .hari_libur import tanpa_usulan

FORMAT_VERSI = 1
NAMA_DATA = "data"
NAMA_MANIFEST = "manifest.json"
FOLDER_MEDIA = "media"
# Rebuilt by migrate itself; dumping them would clash with the rows migrate makes. Sessions are
# throwaway logins. Django admin's history (admin.logentry) is kept: it says who changed what.
TIDAK_DICADANGKAN = ["contenttypes", "auth.permission", "sessions"]
RUSAK = (
    "Arsip {arsip} terpotong atau rusak: {bagian} tidak dapat dibaca. Tidak ada data yang diubah. "
    "Salin ulang arsipnya (mis. unduhan atau salinan yang belum selesai) atau pakai cadangan lain."
)


class CadanganError(Exception):
    """A backup or restore that cannot go on; the message is for the operator."""


def _kunci_alami(model):
    """Whether the model's rows are written with natural keys (they point at content types or permissions)."""
    relasi = [f for f in (*model._meta.concrete_fields, *model._meta.many_to_many) if f.is_relation]
    return any(f.related_model in (ContentType, Permission) for f in relasi)


def _model_dicadangkan():
    kecuali_app = {x for x in TIDAK_DICADANGKAN if "." not in x}
    kecuali_model = {x for x in TIDAK_DICADANGKAN if "." in x}
    dipilih = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in kecuali_app or label in kecuali_model:
            continue
        if not model._meta.managed or model._meta.proxy:
            continue
        dipilih.append(model)
    # Rows written with natural keys name their user by email too (admin history), so the loader
    # must meet the users first: those tables go last, the user table itself excepted.
    user = get_user_model()
    return sorted(dipilih, key=lambda m: _kunci_alami(m) and m is not user)


def jumlah_per_model():
    return {m._meta.label_lower: m._base_manager.count() for m in _model_dicadangkan()}


def _migrasi_terpasang():
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    return sorted(f"{app}.{nama}" for app, nama in loader.applied_migrations)


def _snapshot(tujuan):
    """Dump every table in one read transaction, so rows written meanwhile never half-appear."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        jumlah = jumlah_per_model()
        tujuan.mkdir()
        for urutan, model in enumerate(_model_dicadangkan()):
            if not jumlah[model._meta.label_lower]:
                continue
            _tulis_model(model, tujuan / f"{urutan:03d}-{model._meta.label_lower.replace('.', '_')}.json")
        migrasi = _migrasi_terpasang()
    return jumlah, migrasi


def _tulis_model(model, tujuan):
    """One model's rows as Django JSON, streamed; M2M prefetched per chunk (no query per row)."""
    relasi = [f for f in (*model._meta.concrete_fields, *model._meta.many_to_many) if f.is_relation]
    # Natural keys only where a row points at content types or permissions, whose keys differ
    # between installations; other foreign keys stay plain ids (no lookup per row).
    alami = _kunci_alami(model)
    m2m = [f.name for f in relasi if f.many_to_many and f.remote_field.through._meta.auto_created]
    # The base manager: every row, also those a default manager hides (removed data items).
    qs = model._base_manager.order_by("pk").prefetch_related(*m2m)
    with open(tujuan, "w", encoding="utf-8") as f:
        f.write("[")
        pertama = True
        for potongan in itertools.batched(qs.iterator(chunk_size=2000), 2000):
            for obj in serializers.serialize("python", potongan, use_natural_foreign_keys=alami):
                f.write(("" if pertama else ",\n") + json.dumps(obj, cls=_EncoderUtuh, ensure_ascii=False))
                pertama = False
        f.write("]")


class _EncoderUtuh(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            return o.isoformat()
        return super().default(o)


def buat_cadangan(folder):
    """Write pst-cadangan-<time>.tar.gz into folder; returns its path and the manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    saat = timezone.now()
    nama = f"pst-cadangan-{timezone.localtime(saat):%Y%m%d-%H%M%S}.tar.gz"
    arsip = folder / nama
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / NAMA_DATA
        jumlah, migrasi = _snapshot(data)
        media = Path(settings.MEDIA_ROOT)
        berkas_media = sorted(p for p in media.rglob("*") if p.is_file()) if media.is_dir() else []
        manifest = {
            "format": FORMAT_VERSI,
            "aplikasi": "PST Front Office",
            "dibuat": saat.isoformat(),
            "django": django.get_version(),
            "basis_data": connection.vendor,
            "migrasi": migrasi,
            "jumlah": jumlah,
            "berkas_media": len(berkas_media),
        }
        # Written under a temporary name first: a half-written archive never carries the real name.
        sementara = folder / f".{nama}.sebagian"
        try:
            with tarfile.open(sementara, "w:gz") as tar:
                isi = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                info = tarfile.TarInfo(NAMA_MANIFEST)
                info.size, info.mtime = len(isi), int(saat.timestamp())
                tar.addfile(info, io.BytesIO(isi))
                for p in sorted(data.iterdir()):
                    tar.add(p, arcname=f"{NAMA_DATA}/{p.name}")
                for p in berkas_media:
                    tar.add(p, arcname=f"{FOLDER_MEDIA}/{p.relative_to(media).as_posix()}")
            os.replace(sementara, arsip)
        finally:
            sementara.unlink(missing_ok=True)
    return arsip, manifest


def baca_manifest(arsip):
    try:
        with tarfile.open(arsip, "r:gz") as tar:
            f = tar.extractfile(NAMA_MANIFEST)
            manifest = json.load(f)
    except FileNotFoundError as e:
        raise CadanganError(f"Berkas {arsip} tidak ditemukan.") from e
    except (OSError, EOFError, KeyError, zlib.error, tarfile.TarError, json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CadanganError(
            f"Berkas {arsip} bukan arsip cadangan PST Front Office yang utuh (terpotong atau rusak, atau berkas lain). "
            "Tidak ada data yang diubah."
        ) from e
    if not isinstance(manifest, dict):
        raise CadanganError(f"Berkas {arsip} bukan arsip cadangan PST Front Office yang utuh: manifesnya tidak dikenal.")
    if manifest.get("format") != FORMAT_VERSI:
        raise CadanganError(f"Format cadangan {manifest.get('format')} tidak dikenal (versi ini membaca format {FORMAT_VERSI}).")
    if not isinstance(manifest.get("migrasi"), list) or not isinstance(manifest.get("jumlah"), dict):
        raise CadanganError(f"Berkas {arsip} bukan arsip cadangan PST Front Office yang utuh: manifesnya tidak lengkap.")
    return manifest


def data_terisi():
    """Tables holding rows, once someone has used the installation; {} for an empty one.

    Migrations fill in master data (kinds of service, service hours, lockers…) but never create a
    user, and nothing is recorded without one: so "no user" is what empty means.
    """
    if not get_user_model().objects.exists():
        return {}
    return {label: n for label, n in jumlah_per_model().items() if n}


def pulihkan(arsip, *, paksa=False, stdout=None):
    """Bring the archive back: migrate, then replace all data and put the files in MEDIA_ROOT."""
    manifest = baca_manifest(arsip)
    call_command("migrate", interactive=False, verbosity=0)
    dikenal = set(_migrasi_kode())
    tidak_dikenal = [m for m in manifest["migrasi"] if m not in dikenal]
    if tidak_dikenal:
        raise CadanganError(
            "Cadangan berasal dari versi aplikasi yang lebih baru (migrasi tidak dikenal: "
            + ", ".join(tidak_dikenal[:5]) + "). Pasang versi aplikasi yang sama, lalu ulangi."
        )
    terisi = data_terisi()
    if terisi and not paksa:
        contoh = ", ".join(f"{k} ({v})" for k, v in list(terisi.items())[:4])
        raise CadanganError(
            f"Basis data tidak kosong: {contoh}. Pemulihan menimpa semua data; "
            "ulangi dengan --paksa bila memang itu yang dimaksud."
        )
    with tempfile.TemporaryDirectory() as tmp:
        # The whole archive is unpacked and read before anything is flushed: a truncated copy
        # stops here with the data untouched.
        try:
            with tarfile.open(arsip, "r:gz") as tar:
                anggota = [
                    m for m in tar.getmembers()
                    if m.isfile() and m.name.startswith((NAMA_DATA + "/", FOLDER_MEDIA + "/"))
                ]
                tar.extractall(tmp, members=anggota, filter="data")
        except (OSError, EOFError, zlib.error, tarfile.TarError) as e:
            raise CadanganError(RUSAK.format(arsip=arsip, bagian="isi arsip")) from e
        berkas_data = sorted(str(p) for p in (Path(tmp) / NAMA_DATA).glob("*.json"))
        _periksa_json(arsip, berkas_data)
        try:
            with transaction.atomic(), tanpa_usulan():
                call_command("flush", interactive=False, verbosity=0)
                if berkas_data:
                    call_command("loaddata", *berkas_data, verbosity=0)
        except (DeserializationError, IntegrityError) as e:
            raise CadanganError(RUSAK.format(arsip=arsip, bagian="data di dalamnya")) from e
        _salin_media(Path(tmp) / FOLDER_MEDIA, Path(settings.MEDIA_ROOT))
    hasil = jumlah_per_model()
    selisih = {k: (v, hasil.get(k)) for k, v in manifest["jumlah"].items() if hasil.get(k) != v}
    if selisih:
        raise CadanganError(f"Jumlah baris setelah pemulihan tidak sama dengan cadangan: {selisih}.")
    return manifest


def _periksa_json(arsip, berkas_data):
    """Every data file parses as JSON, checked before the database is touched."""
    for berkas in berkas_data:
        try:
            with open(berkas, encoding="utf-8") as f:
                json.load(f)
        except (ValueError, UnicodeDecodeError) as e:
            raise CadanganError(RUSAK.format(arsip=arsip, bagian=f"data/{Path(berkas).name}")) from e


def _salin_media(sumber, tujuan):
    if not sumber.is_dir():
        return
    for p in sumber.rglob("*"):
        if p.is_file():
            target = tujuan / p.relative_to(sumber)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(p, target)


def _migrasi_kode():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return [f"{app}.{nama}" for app, nama in loader.disk_migrations]

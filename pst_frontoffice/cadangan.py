"""Backup and restore: one archive holding a consistent database snapshot and the uploaded files.

The snapshot is Django's own JSON (dumpdata with natural keys for content types and permissions),
so it restores on SQLite and PostgreSQL alike into an installation that has only been migrated.
An archive is a file someone hands the operator and it holds password hashes: restore checks all
of it before writing anything, and backups are readable by their owner only.
"""

import datetime
import io
import itertools
import json
import os
import re
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
DIUBAH = (
    "Arsip {arsip} bukan cadangan utuh dari aplikasi ini ({alasan}): isinya telah diubah atau rusak. "
    "Tidak ada data yang diubah. Pakai cadangan lain."
)
BERSARANG = (
    "Arsip {arsip} tidak dapat dibaca: {bagian} berisi JSON yang bersarang terlalu dalam (bukan buatan "
    "manage.py backup). Tidak ada data yang diubah. Pakai cadangan lain."
)
# What an archive from `buat_cadangan` holds: the manifest, one JSON file per table, the uploads.
NAMA_BERKAS_DATA = re.compile(r"^\d{3}-[a-z0-9_]+\.json$")


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
    # Backups hold password hashes and every visitor's contact: the owner alone reads them.
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
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
            with os.fdopen(os.open(sementara, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as berkas, \
                    tarfile.open(fileobj=berkas, mode="w:gz") as tar:
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
    except RecursionError as e:
        raise CadanganError(BERSARANG.format(arsip=arsip, bagian=NAMA_MANIFEST)) from e
    except (OSError, EOFError, KeyError, zlib.error, tarfile.TarError, json.JSONDecodeError, UnicodeDecodeError) as e:
        raise CadanganError(
            f"Berkas {arsip} bukan arsip cadangan PST Front Office yang utuh (terpotong atau rusak, atau berkas lain). "
            "Tidak ada data yang diubah."
        ) from e
    if not isinstance(manifest, dict):
        raise CadanganError(f"Berkas {arsip} bukan arsip cadangan PST Front Office yang utuh: manifesnya tidak dikenal.")
    if manifest.get("format") != FORMAT_VERSI:
        raise CadanganError(f"Format cadangan {manifest.get('format')} tidak dikenal (versi ini membaca format {FORMAT_VERSI}).")
    jumlah, migrasi, media = manifest.get("jumlah"), manifest.get("migrasi"), manifest.get("berkas_media", 0)
    if (
        not isinstance(migrasi, list) or not all(isinstance(m, str) for m in migrasi)
        or not isinstance(jumlah, dict) or not all(isinstance(n, int) and n >= 0 for n in jumlah.values())
        or not isinstance(media, int) or media < 0
    ):
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
    """Bring the archive back: migrate, then replace all data and put the files in MEDIA_ROOT.

    Everything in the archive is checked before the database is touched (its layout, its size, each
    data file's rows against the manifest's counts), and the data are replaced in one transaction
    that is checked again before it commits: a damaged or altered archive changes nothing.
    """
    manifest = baca_manifest(arsip)
    with tempfile.TemporaryDirectory() as tmp:
        berkas_data = _buka_arsip(arsip, manifest, Path(tmp))
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
        try:
            with transaction.atomic(), tanpa_usulan():
                call_command("flush", interactive=False, verbosity=0)
                if berkas_data:
                    call_command("loaddata", *berkas_data, verbosity=0)
                _periksa_jumlah(arsip, manifest["jumlah"], jumlah_per_model())
        except (DeserializationError, IntegrityError) as e:
            raise CadanganError(RUSAK.format(arsip=arsip, bagian="data di dalamnya")) from e
        # Files last, once the data are in: a refused archive leaves MEDIA_ROOT as it was.
        _salin_media(Path(tmp) / FOLDER_MEDIA, Path(settings.MEDIA_ROOT))
    return manifest


def _periksa_jumlah(arsip, jumlah_manifest, jumlah_data):
    """Rows per table as the manifest says; a table the backup never holds has none."""
    label = set(jumlah_manifest) | set(jumlah_data)
    selisih = sorted(k for k in label if jumlah_manifest.get(k, 0) != jumlah_data.get(k, 0))
    if selisih:
        rincian = ", ".join(f"{k} {jumlah_data.get(k, 0)} baris, manifes {jumlah_manifest.get(k, 0)}" for k in selisih[:5])
        raise CadanganError(DIUBAH.format(arsip=arsip, alasan=f"isinya tidak sama dengan manifesnya ({rincian})"))


def _buka_arsip(arsip, manifest, tujuan):
    """Check the archive's layout and size, unpack it into `tujuan`, check every data file's rows
    against the manifest; returns the data files. Nothing outside `tujuan` is written."""
    batas = settings.CADANGAN_MAKS_BAIT
    try:
        with tarfile.open(arsip, "r:gz") as tar:
            anggota = tar.getmembers()
            # Read to the end, where gzip checks its checksum: a damaged stream may otherwise pass
            # for an archive that simply ends early.
            while tar.fileobj.read(1 << 20):
                pass
            _periksa_susunan(arsip, anggota, manifest)
            total = sum(m.size for m in anggota)
            if total > batas:
                raise CadanganError(
                    f"Arsip {arsip} terlalu besar untuk dipulihkan: isinya {_mb(total)} MB, batasnya {_mb(batas)} MB "
                    "(CADANGAN_MAKS_GB). Tidak ada data yang diubah."
                )
            if shutil.disk_usage(tujuan).free < total:
                raise CadanganError(
                    f"Ruang disk sementara ({tujuan.parent}) tidak cukup untuk membuka arsip {arsip} "
                    f"({_mb(total)} MB). Tidak ada data yang diubah."
                )
            tar.extractall(tujuan, members=[m for m in anggota if m.name != NAMA_MANIFEST], filter="data")
    except (OSError, EOFError, zlib.error, tarfile.TarError) as e:
        raise CadanganError(RUSAK.format(arsip=arsip, bagian="isi arsip")) from e
    berkas_data = sorted(str(p) for p in (tujuan / NAMA_DATA).glob("*.json"))
    _periksa_jumlah(arsip, manifest["jumlah"], _baca_jumlah_data(arsip, berkas_data))
    return berkas_data


def _mb(bait):
    return f"{bait // 1_000_000:,}".replace(",", ".")


def _periksa_susunan(arsip, anggota, manifest):
    """Only what `buat_cadangan` writes: regular files, the manifest, data/NNN-table.json, media/…"""
    media = 0
    for m in anggota:
        bagian = m.name.split("/")
        if not m.isfile():
            alasan = f"{m.name} bukan berkas biasa"
        elif m.name == NAMA_MANIFEST:
            continue
        elif bagian[0] == NAMA_DATA and len(bagian) == 2 and NAMA_BERKAS_DATA.match(bagian[1]):
            continue
        elif bagian[0] == FOLDER_MEDIA and len(bagian) > 1 and all(b not in ("", ".", "..") for b in bagian[1:]):
            media += 1
            continue
        else:
            alasan = f"{m.name} tidak termasuk isi cadangan"
        raise CadanganError(DIUBAH.format(arsip=arsip, alasan=alasan))
    if media != manifest.get("berkas_media", 0):
        raise CadanganError(DIUBAH.format(
            arsip=arsip, alasan=f"berisi {media} berkas unggahan, manifesnya {manifest.get('berkas_media', 0)}"
        ))


def _baca_jumlah_data(arsip, berkas_data):
    """Rows per table in the data files, each parsed and checked before the database is touched."""
    dicadangkan = {m._meta.label_lower for m in _model_dicadangkan()}
    jumlah = {}
    for berkas in berkas_data:
        bagian = f"{NAMA_DATA}/{Path(berkas).name}"
        try:
            with open(berkas, encoding="utf-8") as f:
                baris = json.load(f)
        except RecursionError as e:
            raise CadanganError(BERSARANG.format(arsip=arsip, bagian=bagian)) from e
        except (ValueError, UnicodeDecodeError) as e:
            raise CadanganError(RUSAK.format(arsip=arsip, bagian=bagian)) from e
        if not isinstance(baris, list) or not all(
            isinstance(b, dict) and isinstance(b.get("model"), str) and isinstance(b.get("fields"), dict) for b in baris
        ):
            raise CadanganError(DIUBAH.format(arsip=arsip, alasan=f"{bagian} tidak berisi baris data"))
        for b in baris:
            if b["model"] not in dicadangkan:
                raise CadanganError(DIUBAH.format(arsip=arsip, alasan=f"{bagian} berisi tabel {b['model']}, yang tidak dicadangkan"))
            jumlah[b["model"]] = jumlah.get(b["model"], 0) + 1
    return jumlah


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

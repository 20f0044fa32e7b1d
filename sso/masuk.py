"""Who an SSO BPS identity is here: finding the account, keeping the attempts of strangers, approving them.

The office decides who gets in and with which role; SSO BPS only vouches for who the person is.
An identity signs in as the account it is linked to (AkunSso), else as the account with the same
NIP (the claim named by SSO_KLAIM_NIP), else as the account with the same e-mail address when
SSO BPS says that address is verified (`email_verified`). Matching by NIP or e-mail links the
identity to the account for next time. An identity that matches no account is not let in: it
waits in the Admin's list (PermintaanMasukSso) until approved with a role.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from pst_frontoffice.aktivitas import catat
from pst_frontoffice.models import LogAktivitas, Peran
from pst_frontoffice.teks import normalisasi_email

from .models import AkunSso, PermintaanMasukSso

# Claims about the protocol, not the person: left out of what the Admin's list keeps.
_KLAIM_PROTOKOL = {
    "iss", "aud", "exp", "iat", "nbf", "nonce", "at_hash", "c_hash", "azp", "auth_time", "sid", "jti", "acr", "amr",
}


@dataclass(frozen=True)
class Cocok:
    pengguna: object
    cara: str  # an AkunSso.Cara, or "tautan" for an identity linked before
    perlu_tautan: bool


@dataclass(frozen=True)
class Penolakan:
    alasan: str  # for the activity log
    pesan: str  # for the person, on the login page


def _teks(klaim, nama, batas):
    nilai = klaim.get(nama) if nama else None
    return str(nilai).strip()[:batas] if nilai not in (None, "") else ""


def identitas(klaim):
    """How an SSO identity is named in the activity log."""
    email, sub = _teks(klaim, "email", 254), _teks(klaim, "sub", 255)
    return f"{email} (sub {sub})" if email else f"sub {sub}"


def cari_akun(*, issuer, klaim, klaim_nip):
    """The account this SSO identity signs in as (Cocok), or why it may not (Penolakan)."""
    User = get_user_model()
    sub = _teks(klaim, "sub", 255)
    akun_sso = AkunSso.objects.select_related("pengguna").filter(issuer=issuer, sub=sub).first()
    if akun_sso is not None:
        return _boleh(Cocok(akun_sso.pengguna, "tautan", perlu_tautan=False))
    nip = _teks(klaim, klaim_nip, 30)
    if nip and (user := User._default_manager.filter(nip=nip).first()):
        return _boleh(_cocok_baru(user, AkunSso.Cara.NIP, issuer=issuer))
    email = normalisasi_email(_teks(klaim, "email", 254))
    if email and klaim.get("email_verified") is not True:
        # An unverified address proves nothing about who typed it at SSO BPS: matching by it would
        # let anyone who registers someone's address there into that person's account.
        return Penolakan(
            "email di SSO BPS belum terverifikasi (email_verified bukan true)",
            "Email akun SSO BPS Anda belum terverifikasi. Verifikasi dulu di SSO BPS, lalu coba lagi, "
            "atau masuk dengan email dan kata sandi.",
        )
    if email and (user := User._default_manager.filter(email=email).first()):
        return _boleh(_cocok_baru(user, AkunSso.Cara.EMAIL, issuer=issuer))
    catat_permintaan(issuer=issuer, klaim=klaim, klaim_nip=klaim_nip)
    return Penolakan(
        "belum punya akun di aplikasi ini; masuk daftar persetujuan Admin",
        "Akun SSO BPS Anda belum terdaftar di aplikasi ini. Permintaan Anda sudah diteruskan ke Admin; "
        "setelah disetujui, silakan masuk lagi.",
    )


def _cocok_baru(user, cara, *, issuer):
    tautan = AkunSso.objects.filter(pengguna=user).first()
    if tautan is not None and tautan.issuer == issuer:
        return Penolakan(
            f"akun {user.email} sudah tertaut ke identitas SSO lain (sub {tautan.sub})",
            "Akun di aplikasi ini sudah tertaut ke akun SSO BPS lain. Hubungi Admin.",
        )
    return Cocok(user, cara, perlu_tautan=True)


def _boleh(hasil):
    if isinstance(hasil, Cocok) and not hasil.pengguna.is_active:
        return Penolakan(f"akun {hasil.pengguna.email} dinonaktifkan", "Akun ini dinonaktifkan. Hubungi administrator.")
    return hasil


@transaction.atomic
def tandai_masuk(*, cocok, issuer, sub):
    """Links the identity to the account when it was matched by NIP or e-mail, and notes the login."""
    sekarang = timezone.now()
    if cocok.perlu_tautan:
        # A link to another issuer (the realm moved) follows the account to the new identity.
        AkunSso.objects.update_or_create(
            pengguna=cocok.pengguna, defaults={"issuer": issuer, "sub": sub, "cara": cocok.cara, "terakhir_masuk": sekarang},
        )
    else:
        AkunSso.objects.filter(pengguna=cocok.pengguna).update(terakhir_masuk=sekarang)


def _data_klaim(klaim, klaim_nip):
    return {
        "email": normalisasi_email(_teks(klaim, "email", 254)),
        "email_terverifikasi": klaim.get("email_verified") is True,
        "nama": _teks(klaim, "name", 150),
        "nama_pengguna": _teks(klaim, "preferred_username", 150),
        "nip": _teks(klaim, klaim_nip, 30),
        "klaim": {k: v for k, v in klaim.items() if k not in _KLAIM_PROTOKOL},
        "terakhir": timezone.now(),
    }


@transaction.atomic
def catat_permintaan(*, issuer, klaim, klaim_nip):
    """Puts the identity on the Admin's list, or brings its row up to date with this attempt."""
    sub = _teks(klaim, "sub", 255)
    data = _data_klaim(klaim, klaim_nip)
    permintaan, dibuat = PermintaanMasukSso.objects.select_for_update().get_or_create(issuer=issuer, sub=sub, defaults=data)
    if not dibuat:
        # An approved identity back here lost its account link (an Admin removed it): it waits again.
        PermintaanMasukSso.objects.filter(pk=permintaan.pk).update(
            **data, jumlah=F("jumlah") + 1, status=PermintaanMasukSso.Status.MENUNGGU,
        )
    return permintaan


def akun_pilihan():
    """Active accounts an approval may link to: those with no SSO identity yet."""
    return get_user_model()._default_manager.filter(is_active=True, akun_sso__isnull=True).order_by("nama")


@transaction.atomic
def setujui(*, permintaan, peran, oleh, akun=None):
    """Lets the identity in with `peran`: into `akun`, else the account with its e-mail address, else a
    new account made from its claims (no password: it signs in with SSO BPS). Returns the account."""
    User = get_user_model()
    permintaan = PermintaanMasukSso.objects.select_for_update().get(pk=permintaan.pk)
    if permintaan.status != PermintaanMasukSso.Status.MENUNGGU:
        raise ValidationError("Permintaan ini sudah diputuskan.")
    if akun is None and permintaan.email:
        akun = User._default_manager.filter(email=permintaan.email).first()
    if akun is None:
        if not permintaan.email:
            raise ValidationError("Permintaan ini tanpa email: pilih akun yang akan ditautkan.")
        akun = User._default_manager.create_user(
            email=permintaan.email, password=None, peran=peran,
            nama=permintaan.nama or permintaan.nama_pengguna or permintaan.email, nip=_nip_bebas(permintaan.nip),
        )
        cara = "akun baru"
    else:
        if AkunSso.objects.filter(pengguna=akun).exists():
            raise ValidationError(f"Akun {akun} sudah tertaut ke akun SSO BPS lain.")
        akun.peran = peran
        if not akun.nip:
            akun.nip = _nip_bebas(permintaan.nip)
        akun.save()
        cara = f"ditautkan ke akun {akun.email}"
    AkunSso.objects.create(pengguna=akun, issuer=permintaan.issuer, sub=permintaan.sub, cara=AkunSso.Cara.PERSETUJUAN)
    PermintaanMasukSso.objects.filter(pk=permintaan.pk).update(
        status=PermintaanMasukSso.Status.DISETUJUI, peran=peran, pengguna=akun, diputuskan_oleh=oleh,
        diputuskan_pada=timezone.now(),
    )
    catat(oleh, LogAktivitas.Aksi.SSO_DISETUJUI, akun, f"{identitas(permintaan.klaim)}: {cara}, peran {Peran(peran).label}")
    return akun


def _nip_bebas(nip):
    """The claimed NIP, unless another account already holds it (the Admin sorts that out by hand)."""
    return nip if nip and not get_user_model()._default_manager.filter(nip=nip).exists() else ""


@transaction.atomic
def abaikan(*, permintaan, oleh):
    """Takes the identity off the list; a later attempt puts it back."""
    jumlah = PermintaanMasukSso.objects.filter(pk=permintaan.pk, status=PermintaanMasukSso.Status.MENUNGGU).update(
        status=PermintaanMasukSso.Status.DIABAIKAN, diputuskan_oleh=oleh, diputuskan_pada=timezone.now(),
    )
    if jumlah:
        catat(oleh, LogAktivitas.Aksi.SSO_DIABAIKAN, permintaan, identitas(permintaan.klaim))
    return bool(jumlah)

"""SSO BPS as this app talks to it: Authlib's OpenID Connect client, and whether the server answers.

The protocol is Authlib's (authlib.integrations.django_client): discovery from
`<issuer>/.well-known/openid-configuration`, the Authorization Code flow with PKCE (S256), `state`
and `nonce` kept in the session, the code exchanged for tokens, and the ID token checked for its
signature against the provider's JWKS (fetched again once when a token names a key it has not
seen, which is how a key rotation arrives), issuer, audience, expiry and nonce. This module only
configures it, bounds every call by SSO_BATAS_WAKTU_DETIK, and turns its errors into the two
kinds the views tell apart: the server could not be reached, or it answered and we refuse.

The discovery document is kept for METADATA_DETIK per process; the button on the login page
fetches it afresh, which is also how a click learns within seconds that the server is down. The
login page itself never calls the server.
"""

import logging
import threading
import time
from dataclasses import dataclass

import requests
from authlib.integrations.base_client import MismatchingStateError, OAuthError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.core.cache import cache
from joserfc.errors import BadSignatureError, ClaimError, ExpiredTokenError, InvalidKeyIdError, JoseError

# The session key of the ID token of an SSO login, sent back as id_token_hint at logout.
KUNCI_ID_TOKEN = "sso_id_token"
METADATA_DETIK = 300
# After a failed call the server counts as down this long: further clicks answer at once instead
# of each waiting for the timeout again, and the login page says so without asking the server.
GANGGUAN_DETIK = 30
KUNCI_GANGGUAN = "sso:gangguan"
# The clocks of this server and the SSO server may differ a little.
SELISIH_JAM_DETIK = 60

log = logging.getLogger(__name__)
_klien = {}
_kunci_klien = threading.Lock()


class SsoTidakTerjangkau(Exception):
    """The SSO server did not answer in time, or not with a usable document."""


@dataclass
class SsoDitolak(Exception):
    """The SSO server answered, and the answer is refused (`alasan` goes to the activity log)."""

    alasan: str
    dibatalkan: bool = False


def aktif():
    return bool(settings.SSO_ISSUER and settings.SSO_CLIENT_ID and settings.SSO_CLIENT_SECRET)


def gangguan():
    """Whether a recent call found the server down (a cache read, no network)."""
    return bool(cache.get(KUNCI_GANGGUAN))


def _konfigurasi():
    return (settings.SSO_ISSUER, settings.SSO_CLIENT_ID, settings.SSO_CLIENT_SECRET, settings.SSO_BATAS_WAKTU_DETIK)


def _buat_klien(issuer, client_id, client_secret, batas_waktu):
    return OAuth().register(
        "sso_bps",
        client_id=client_id,
        client_secret=client_secret,
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email profile", "code_challenge_method": "S256", "default_timeout": batas_waktu},
    )


def klien(*, segarkan=False):
    """Authlib's client with the provider's metadata loaded; SsoTidakTerjangkau when it cannot be.

    segarkan: fetch the discovery document now even if one is kept (the login button does).
    """
    konfigurasi = _konfigurasi()
    with _kunci_klien:
        ada = _klien.get(konfigurasi)
    if ada and not segarkan and time.monotonic() - ada[1] < METADATA_DETIK:
        return ada[0]
    if gangguan():
        raise SsoTidakTerjangkau("baru saja tidak terjangkau")
    baru = _buat_klien(*konfigurasi)
    try:
        metadata = baru.load_server_metadata()
    except (requests.RequestException, ValueError) as e:
        cache.set(KUNCI_GANGGUAN, True, GANGGUAN_DETIK)
        raise SsoTidakTerjangkau(str(e)) from e
    # OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was asked for.
    if metadata.get("issuer") != konfigurasi[0] or not metadata.get("authorization_endpoint"):
        log.error("SSO BPS: dokumen discovery %s menyebut issuer %r", konfigurasi[0], metadata.get("issuer"))
        raise SsoTidakTerjangkau(f"dokumen discovery untuk issuer lain: {metadata.get('issuer')!r}")
    with _kunci_klien:
        _klien[konfigurasi] = (baru, time.monotonic())
    return baru


def arahkan_masuk(request, redirect_uri):
    """The redirect to the SSO server's sign-in page (state, nonce and PKCE verifier kept in the session)."""
    return klien(segarkan=True).authorize_redirect(request, redirect_uri)


def _alasan(e):
    if isinstance(e, MismatchingStateError):
        return "state tidak cocok dengan sesi ini (dipalsukan, atau kode sudah dipakai)"
    if isinstance(e, OAuthError):
        return f"server SSO menolak: {e.error}" + (f" ({e.description})" if e.description else "")
    if isinstance(e, ExpiredTokenError):
        return "ID token sudah kedaluwarsa"
    if isinstance(e, ClaimError):
        return f"ID token tidak sah: klaim {e.claim} salah atau tidak ada"
    if isinstance(e, (BadSignatureError, InvalidKeyIdError)):
        return "tanda tangan ID token tidak sah atau kuncinya tidak dikenal"
    return f"ID token tidak sah: {e}"


def tukar_kode(request):
    """The ID token's claims and the raw ID token, from the code the SSO server sent back.

    SsoDitolak for a state that is not this session's, a code the server refuses (used already,
    expired, another client's), and an ID token that fails any check; SsoTidakTerjangkau when the
    server does not answer.
    """
    issuer, client_id = settings.SSO_ISSUER, settings.SSO_CLIENT_ID
    if request.GET.get("error") == "access_denied":
        # The person pressed cancel on the SSO page: not an attack, counted by no lockout.
        raise SsoDitolak("dibatalkan di halaman SSO BPS", dibatalkan=True)
    oauth = klien()
    try:
        token = oauth.authorize_access_token(
            request,
            leeway=SELISIH_JAM_DETIK,
            # Authlib checks the audience only through azp; OpenID Connect Core 1.0, 3.1.3.7 (3)
            # asks that aud contain our client id, and (2) that iss be exactly the configured issuer.
            claims_options={"iss": {"essential": True, "value": issuer}, "aud": {"essential": True, "value": client_id}},
        )
    except requests.RequestException as e:
        cache.set(KUNCI_GANGGUAN, True, GANGGUAN_DETIK)
        raise SsoTidakTerjangkau(str(e)) from e
    except (OAuthError, JoseError) as e:
        raise SsoDitolak(_alasan(e)) from e
    except ValueError as e:  # a token response that is not JSON
        raise SsoDitolak(f"jawaban server SSO tidak dapat dibaca: {e}") from e
    if not token.get("id_token") or not token.get("userinfo"):
        raise SsoDitolak("jawaban server SSO tanpa ID token")
    return dict(token["userinfo"]), token["id_token"]


def arahkan_keluar(request, *, id_token, post_logout_redirect_uri):
    """The redirect to the SSO server's end-session endpoint (RP-Initiated Logout 1.0, with
    id_token_hint and a state kept in the session), or None when it offers none or is down."""
    try:
        oauth = klien()
    except SsoTidakTerjangkau:
        return None
    if not oauth.server_metadata.get("end_session_endpoint"):
        return None
    return oauth.logout_redirect(request, post_logout_redirect_uri=post_logout_redirect_uri, id_token_hint=id_token)


def selesai_keluar(request):
    """Checks the `state` the SSO server sent back after logout; False when it is not this session's."""
    try:
        klien().validate_logout_response(request)
    except (OAuthError, SsoTidakTerjangkau):
        return False
    return True

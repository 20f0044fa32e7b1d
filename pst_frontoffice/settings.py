"""Settings for PST Front Office, read from environment variables.

Safe defaults for a developer (SQLite, DEBUG); production (DJANGO_PRODUCTION=1 or DEBUG off)
refuses to start without a real SECRET_KEY.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from pst_frontoffice.lingkungan import basis_data, envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent


DEV_SECRET_KEY = "dev-only-insecure-key-change-me"

PRODUCTION = envbool("DJANGO_PRODUCTION", False)
DEBUG = envbool("DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
if PRODUCTION and (not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured(
        "SECRET_KEY wajib diisi dengan nilai acak minimal 32 karakter di mode produksi "
        "(contoh: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

# Demo accounts and data exist only for trying the app; production never creates them.
DEMO_ALLOWED = not PRODUCTION

INSTALLED_APPS = [
    "pst_frontoffice.apps.AdminPstConfig",  # django.contrib.admin with our site (admin_situs)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "axes",
    "django_tasks_db",
    "pst_frontoffice",
    "bukutamu",
    "layanan",
    "pesan",
    "presensi",
    "rating",
    "ringkasan",
    "laporan",
    "unduhan",
    "sso",
    "provinsi",
]
if DEMO_ALLOWED:
    # Development tools (demo accounts and data, the load-test data set): the demo app's management
    # commands. Outside production only, so a production manage.py does not even list them.
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before everything that writes the body (PesanHtmxMiddleware appends to it), so it compresses the final page.
    "pst_frontoffice.kompresi.KompresiMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the body (the NUL check reads POST): a body too large gets a 413.
    "pst_frontoffice.middleware.BatasKirimanMiddleware",
    # Before the session: a NUL in its cookie would reach the database as the session key.
    "pst_frontoffice.middleware.TolakNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pst_frontoffice.middleware.PesanHtmxMiddleware",
    "pst_frontoffice.middleware.ZonaWaktuKantorMiddleware",
    # Inside the office's zone (its page shows the office's name): a refused method gets a page.
    "pst_frontoffice.middleware.MetodeDitolakMiddleware",
    "pst_frontoffice.aktivitas.PermintaanMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pst_frontoffice.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "pst_frontoffice.context_processors.kantor",
                "pesan.context_processors.outbox",
                "sso.context_processors.sso",
            ],
        },
    },
]

WSGI_APPLICATION = "pst_frontoffice.wsgi.application"

DATABASES = {"default": basis_data(
    os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    umur_koneksi=envint("DB_CONN_MAX_AGE", 60), biaya_paralel=envint("DB_PARALLEL_SETUP_COST", 10000),
)}

AUTH_USER_MODEL = "pst_frontoffice.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Presensi only from these networks (CIDRs, e.g. "192.168.100.0/24"); empty = anywhere. The client's
# address is REMOTE_ADDR, or the one the office's reverse proxy reports (TRUSTED_PROXIES).
PRESENSI_JARINGAN = envlist("PRESENSI_JARINGAN")

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out email + IP before the password is even checked.
    "pst_frontoffice.backends.AxesBackend",
    "pst_frontoffice.backends.KataSandiBackend",
    # Sessions opened by Masuk dengan SSO BPS; it checks no password (sso/backends.py).
    "sso.backends.SsoBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "layanan:beranda"
LOGOUT_REDIRECT_URL = "login"

# One language (Django uses LANGUAGE_CODE when none is activated): no LocaleMiddleware on every request.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
# Our additions to Django's Indonesian catalogs (the Admin's date shortcuts), merged into every
# catalog including the Admin's JavaScript one.
LOCALE_PATHS = [BASE_DIR / "pst_frontoffice" / "locale"]
# The office's zone; the office settings record can change it at run time (middleware).
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Makassar")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files live outside static/ and are served only through views that check the user.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Request bodies (BatasKirimanMiddleware): pages that take an upload allow this much, above each
# file's own 10 MB so a file slightly too big gets its form's message; every other page takes the
# size of its form fields (Django's DATA_UPLOAD_MAX_MEMORY_SIZE). More gets the 413 page unread.
# The reverse proxy's own limit sits just above (docs/operasi.md: client_max_body_size 13m).
BATAS_KIRIMAN_UNGGAHAN_BAIT = envint("BATAS_UNGGAHAN_MB", 12) * 1024 * 1024
BATAS_KIRIMAN_BAIT = 2_621_440
# `manage.py restore` refuses an archive that unpacks to more than this, before unpacking it (a
# small .tar.gz can hold terabytes of zeros).
CADANGAN_MAKS_BAIT = envint("CADANGAN_MAKS_GB", 20) * 1024**3
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "pst_frontoffice.storage.StatikProduksi"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Uploads on S3-compatible storage (MinIO, a cloud bucket) instead of MEDIA_ROOT, so that several
# app servers share them: set MEDIA_S3_BUCKET and install django-storages[s3] (see docs/operasi.md, "Menambah server").
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY"),
            "secret_key": os.environ.get("MEDIA_S3_SECRET_KEY"),
            "location": os.environ.get("MEDIA_S3_PREFIX", "media"),
            # Private bucket: files reach users only through our views, by short-lived signed URLs.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_TAGS = {40: "danger"}
MESSAGE_STORAGE = "pst_frontoffice.penyimpanan_pesan.PesanHemat"

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 12)
# htmx reads the token from hx-headers on <body>, never from the cookie: JavaScript needs no access.
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "pst_frontoffice.views.csrf_gagal"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    # Behind the office's reverse proxy, which terminates HTTPS and sets X-Forwarded-Proto
    # (and must overwrite any such header sent by a client). `make serve` on plain HTTP turns
    # these off through the same variables.
    SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    # Health checks come from inside the container/host on plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^sehat/$"]
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)

SILENCED_SYSTEM_CHECKS = [
    # HSTS for subdomains and preload are decisions about the office's whole domain (other
    # services live on sibling hosts, intranet names cannot be preloaded), not this app's;
    # both can be switched on with SECURE_HSTS_INCLUDE_SUBDOMAINS / SECURE_HSTS_PRELOAD.
    "security.W005",
    "security.W021",
]

# Content Security Policy: scripts only from this site or carrying this response's nonce
# ({{ csp_nonce }}; django-htmx's {% htmx_script %} adds it); styles only from files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    # data: for Bootstrap's inline SVG icons (form controls, navbar toggler) and QR codes.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Failed logins (django-axes): 5 wrong passwords for one email from one address lock that pair
# out for 15 minutes; a success resets the count. The login form posts the email as "username".
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MENIT", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "pst_frontoffice.aktivitas.email_login"
AXES_CLIENT_IP_CALLABLE = "pst_frontoffice.aktivitas.ip_klien"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "pst_frontoffice.views.login_terkunci"
AXES_VERBOSE = False  # its start-up banner on every manage.py command is noise
# Admin sees locked-out pairs under Admin → Axes and unlocks one by deleting its access attempt.
# The office's reverse proxies (addresses or CIDRs, e.g. "127.0.0.1" or "172.16.0.0/12" for Docker's
# networks): only a request arriving from one of them has its X-Forwarded-For read. Empty by default,
# so a client reaching the app directly cannot pick its own address (pst_frontoffice.aktivitas.ip_klien).
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES berisi {_proxy!r}: bukan alamat IP atau rentang CIDR.") from None

# Cache: the rate limits of public pages (pst_frontoffice/ratelimit.py). Production counts in the database
# (table from pst_frontoffice.0006) so every worker and server counts together; elsewhere in memory.
TABEL_CACHE = "pst_cache"
if os.environ.get("CACHE_BACKEND", "database" if PRODUCTION else "memori") == "database":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": TABEL_CACHE}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pst"}}

# PengaturanKantor is kept per process (no query per request) and read again when older than this: an
# Admin's change reaches every process within it (the saving process sees it at once).
PENGATURAN_KANTOR_CEK_DETIK = envint("PENGATURAN_KANTOR_CEK_DETIK", 2)
# Files the worker makes (unduhan: a report's Excel, the Silastik files) are removed after this many hours.
UNDUHAN_SIMPAN_JAM = envint("UNDUHAN_SIMPAN_JAM", 24)

# Rating and SKD links (rating app): how long a visitor's rating link stays valid, which kinds of
# service get the SKD link besides data requests (JenisLayanan codes), and the rate limit on the
# public rating form (POSTs per rating link, and per address for unknown links, per window; see
# pst_frontoffice.ratelimit).
RATING_MASA_BERLAKU_HARI = envint("RATING_MASA_BERLAKU_HARI", 30)
SKD_JENIS_TAMBAHAN = envlist("SKD_JENIS_TAMBAHAN")
RATING_BATAS_KIRIM = envint("RATING_BATAS_KIRIM", 10)
RATING_JENDELA_DETIK = envint("RATING_JENDELA_DETIK", 600)

# --- Outgoing messages (the `pesan` app): e-mail over SMTP and an optional WhatsApp gateway -----
# Sent by a background worker (`manage.py worker_pesan`, django-tasks-db) from the outbox table, never
# inside an officer's request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# SMTP from the environment. Without EMAIL_HOST there is no mailer (an office without an SMTP
# server is a normal set-up, so Django's warning about it is silenced) and no e-mail is queued.
_SMTP_HOST = os.environ.get("EMAIL_HOST", "")
SMTP_AKTIF = bool(_SMTP_HOST)
_SMTP_PORT = envint("EMAIL_PORT", 587)
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _SMTP_HOST,
            "port": _SMTP_PORT,
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": envbool("EMAIL_USE_TLS", _SMTP_PORT == 587),
            "use_ssl": envbool("EMAIL_USE_SSL", _SMTP_PORT == 465),
            "timeout": envint("EMAIL_TIMEOUT", 20),
        },
    }
} if SMTP_AKTIF else {}
if not SMTP_AKTIF:
    SILENCED_SYSTEM_CHECKS.append("mail.W001")
# The address in From:; the name shown beside it is the office's name from the office settings.
EMAIL_PENGIRIM = os.environ.get("EMAIL_PENGIRIM", "pst@localhost")
# Links in sent messages start with the office's public address, an office setting (PengaturanKantor.url_publik).
# Attempts per message, the first retry delay (doubled after each failure), an HTTP call's timeout,
# and how long a worker holds a message it took before another worker may take it over.
PESAN_MAKS_PERCOBAAN = envint("PESAN_MAKS_PERCOBAAN", 5)
PESAN_JEDA_AWAL_DETIK = envint("PESAN_JEDA_AWAL_DETIK", 60)
PESAN_BATAS_WAKTU_DETIK = envint("PESAN_BATAS_WAKTU_DETIK", 15)
PESAN_SEWA_DETIK = envint("PESAN_SEWA_DETIK", 120)
# How often the worker looks at the outbox by itself (worker_pesan), besides the sweeps messages ask for.
PESAN_SAPU_DETIK = envint("PESAN_SAPU_DETIK", 30)

# --- Masuk dengan SSO BPS (the `sso` app): OpenID Connect against the office's Keycloak realm -----
# On when the issuer, the client id and its secret are all set; the redirect URI to register with the
# SSO administrators is <site>/sso/kembali/, the post-logout redirect URI <site>/sso/keluar/selesai/.
SSO_ISSUER = os.environ.get("SSO_ISSUER", "").strip().rstrip("/")
SSO_CLIENT_ID = os.environ.get("SSO_CLIENT_ID", "").strip()
SSO_CLIENT_SECRET = os.environ.get("SSO_CLIENT_SECRET", "")
# The claim that carries the employee number, matched with the account's NIP; empty: e-mail only.
SSO_KLAIM_NIP = os.environ.get("SSO_KLAIM_NIP", "nip").strip()
# Every call to the SSO server (discovery, keys, token) gives up after this many seconds, so a
# server the office LAN cannot reach costs a click a few seconds, never a hanging page.
SSO_BATAS_WAKTU_DETIK = envint("SSO_BATAS_WAKTU_DETIK", 3)
if SSO_ISSUER:
    # The button's form and Keluar end in a redirect to the SSO server, which form-action governs too.
    _sso = urlsplit(SSO_ISSUER)
    SECURE_CSP["form-action"].append(f"{_sso.scheme}://{_sso.netloc}")

# How long an officer may undo their own status change from its message (Urungkan), in seconds.
URUNGKAN_STATUS_DETIK = envint("URUNGKAN_STATUS_DETIK", 15)

# --- Province roll-up (the `provinsi` app) ---------------------------------------------------
# The same code runs as an office ("kantor", the desk) or as a province instance ("provinsi"), which
# has its own users and receives each office's daily summaries instead of services.
PST_MODE = os.environ.get("PST_MODE", "kantor").strip().lower()
if PST_MODE not in ("kantor", "provinsi"):
    raise ImproperlyConfigured(f"PST_MODE={PST_MODE!r}: isi 'kantor' atau 'provinsi'.")
MODE_PROVINSI = PST_MODE == "provinsi"
if MODE_PROVINSI:
    LOGIN_REDIRECT_URL = "provinsi:index"
    # Only the province's pages, login and admin answer; every desk and visitor page is a 404.
    MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
                      "provinsi.middleware.HanyaProvinsiMiddleware")
# An office: the province instance's address (e.g. https://pst.bps-kalsel.go.id). Empty: nothing is sent.
# Summaries go over HTTPS only; plain HTTP is allowed to this machine (tests) or with PROVINSI_IZINKAN_HTTP=1.
PROVINSI_URL = os.environ.get("PROVINSI_URL", "").strip().rstrip("/")
PROVINSI_IZINKAN_HTTP = envbool("PROVINSI_IZINKAN_HTTP", False)
if PROVINSI_URL:
    _url_provinsi = urlsplit(PROVINSI_URL)
    if _url_provinsi.scheme not in ("https", "http") or not _url_provinsi.hostname:
        raise ImproperlyConfigured(f"PROVINSI_URL={PROVINSI_URL!r} bukan alamat https://… yang sah.")
    if (_url_provinsi.scheme == "http" and not PROVINSI_IZINKAN_HTTP
            and _url_provinsi.hostname not in ("127.0.0.1", "localhost", "::1")):
        raise ImproperlyConfigured(
            "PROVINSI_URL harus memakai https:// (ringkasan dikirim melalui jaringan); "
            "HTTP biasa hanya ke mesin ini, atau dengan PROVINSI_IZINKAN_HTTP=1."
        )
# A CA bundle for a province certificate that the system does not trust (an internal CA); empty: the system's.
PROVINSI_CA_BERKAS = os.environ.get("PROVINSI_CA_BERKAS", "")
# The province refuses a signature older or newer than this many seconds (clocks must roughly agree).
PROVINSI_JENDELA_DETIK = envint("PROVINSI_JENDELA_DETIK", 300)
# An office's retries after a failure: the first wait, doubled each time up to the longest wait.
# An outage of any length is retried for ever, at most this far apart; an HTTP call's timeout.
PROVINSI_JEDA_AWAL_DETIK = envint("PROVINSI_JEDA_AWAL_DETIK", 60)
PROVINSI_JEDA_MAKS_DETIK = envint("PROVINSI_JEDA_MAKS_DETIK", 3600)
PROVINSI_BATAS_WAKTU_DETIK = envint("PROVINSI_BATAS_WAKTU_DETIK", 20)

LOGGING = {"version": 1, "disable_existing_loggers": False, "handlers": {"console": {"class": "logging.StreamHandler"}},
           "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")}}

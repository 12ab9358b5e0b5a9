"""Configuration: safe defaults, then instance/config.py, plain and VFAC_* env variables."""
from __future__ import annotations

import os
from datetime import timedelta
from urllib.parse import urlsplit

from flask import Flask

DEV_SECRET_KEY = "dev-only-not-secret"


class DefaultConfig:
    SECRET_KEY = DEV_SECRET_KEY
    SQLALCHEMY_DATABASE_URI = ""  # set in create_app: instance/vfac.sqlite unless DATABASE_URL
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    REDIS_URL = ""

    # The one address of this site, e.g. "https://vfac.example.org": every absolute link (mail,
    # certificate QR codes, feeds, OAI-PMH, digests from cron) is built from it, never from the
    # request's Host header, which anyone can set. Required outside debug mode.
    BASE_URL = ""
    TRUSTED_HOSTS: list[str] | None = None  # default: BASE_URL's host; any other Host is a 400
    PROXY_FIX_COUNT = 0  # proxies in front of us whose X-Forwarded-For/-Proto we believe
    PROXY_FIX_HOST = False  # X-Forwarded-Host is believed only when this is set as well

    # Pages, uploads, forms
    MAX_CONTENT_LENGTH = 25 * 1024 * 1024
    COURSE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
    RESEARCH_PDF_MAX_BYTES = 20 * 1024 * 1024  # larger papers get a 413 page
    RESEARCH_PDF_SECONDS = 30  # pypdf's time limit per file (checking, extracting text)
    RESEARCH_PDF_MEMORY_BYTES = 1024 * 1024 * 1024  # and its memory cap
    LIBRARY_COUNTS_CACHE_SECONDS = 60  # the whole library's facet counts, per visibility
    # Thread views and paper downloads (vfac/counters.py): a hash in Redis per counter when
    # REDIS_URL is set (moved into the database each minute by the job queue); otherwise, or
    # while Redis is unreachable, added up in each process and written this often and at exit
    COUNTER_FLUSH_SECONDS = 5
    COUNTER_KEY_PREFIX = "vfac:counter:"
    # Advice board
    FORUM_THREADS_PER_PAGE = 25
    FORUM_ANSWERS_PER_PAGE = 30
    FORUM_RESPONSE_TARGET_HOURS = 72  # experts aim to answer within this; shown to the asker
    FORUM_NEW_MEMBER_DAYS = 7  # members younger than this (since approval) are "new"
    FORUM_NEW_MEMBER_POSTS_PER_HOUR = 3  # questions + answers + comments of a new member
    FORUM_MAX_LINKS_UNPROVEN = 2  # links per post of a member with no accepted answer yet
    OFFLINE_PACK_MAX_FILE_BYTES = 5 * 1024 * 1024  # larger PDFs are listed, not packed
    # Noto fonts from Debian's fonts-noto-core and fonts-noto-cjk (see courses/certificates.py)
    CERTIFICATE_FONTS = {
        "sans": "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "arabic": "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
        "cjk": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),  # 2: SC face
    }
    WTF_CSRF_TIME_LIMIT = 12 * 3600  # a long form on a slow line must not expire
    COMPRESS_MIN_SIZE = 500
    ASSET_MAX_AGE = 31536000

    # Languages
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"

    # Cookies and sessions (our server-side store, accounts/sessions.py)
    SESSION_COOKIE_NAME = "vfac_session"
    SESSION_COOKIE_SECURE = True  # off only for the plain-http loopback demo and tests
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_IDLE_TIMEOUT = timedelta(hours=2)
    SESSION_STAFF_IDLE_TIMEOUT = timedelta(minutes=30)  # moderators and administrators
    SESSION_REMEMBER_IDLE_TIMEOUT = timedelta(days=7)  # "remember me" ends when unused too
    # Secure cookies are named __Host-…: the browser then refuses them from any other host
    # or path, and over plain http (off only where an operator must share a cookie domain)
    SESSION_COOKIE_HOST_PREFIX = True
    SESSION_ABSOLUTE_LIFETIME = timedelta(hours=12)
    SESSION_REMEMBER_LIFETIME = timedelta(days=14)
    SESSION_ANONYMOUS_LIFETIME = timedelta(hours=12)
    SESSION_TOUCH_INTERVAL = timedelta(minutes=5)  # last-seen is written at most this often
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PREFERRED_URL_SCHEME = "https"

    # Staff must have two-factor authentication before their powers count
    STAFF_REQUIRE_2FA = True

    # Rate limits (Flask-Limiter)
    RATELIMIT_STORAGE_URI = "memory://"  # REDIS_URL, when set, is used instead
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True  # Redis down: limit per process, still limit
    RATELIMIT_KEY_PREFIX = "vfac"
    RATELIMIT_HEADERS_ENABLED = False
    # failed sign-ins only (accounts/limits.py): per member from browsers that never signed in
    # as them (tiers: a back-off that grows), per browser that did, per IP address
    LOGIN_FAILURES_PER_MEMBER = "5 per minute;15 per hour;40 per day"
    LOGIN_FAILURES_PER_DEVICE = "10 per 10 minutes"
    LOGIN_FAILURES_PER_IP = "100 per 10 minutes"
    DEVICE_COOKIE_LIFETIME = timedelta(days=365)
    REGISTER_RATE_LIMIT_IP = "60 per hour"  # a workshop registers 30 people from one room
    SENSITIVE_RATE_LIMIT = "10 per 10 minutes"  # reset, confirm, 2FA, password change
    PREVIEW_RATE_LIMIT = "60 per 10 minutes"  # Markdown previews, per member
    UPLOAD_RATE_LIMIT = "20 per hour"  # PDF uploads (papers, course attachments), per member
    LOGIN_FAILURE_DELAY = 0.6  # seconds added to every failed login

    # Mail: SMTP when MAIL_SERVER is set, otherwise the log and instance/outbox/
    MAIL_SERVER = ""
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    MAIL_USERNAME = ""
    MAIL_PASSWORD = ""
    MAIL_DEFAULT_SENDER = "VFAC <no-reply@vfac.invalid>"
    # seconds to wait for the SMTP server to connect or answer; the queue tries again later
    MAIL_TIMEOUT = 10
    # a message SMTP keeps refusing is given up after this many tries (recorded, shown to
    # administrators on /admin/jobs); tries are 30 s, 1, 2, 4 ... minutes apart, at most 1 h
    MAIL_MAX_ATTEMPTS = 12
    MAIL_RETRY_DELAY = 30
    MAIL_RETRY_MAX_DELAY = 3600

    # Jobs (vfac/jobs.py): RedisHuey when REDIS_URL is set, else SqliteHuey in the
    # instance folder; JOBS_IMMEDIATE runs each job as it is queued (the tests)
    JOBS_IMMEDIATE = False
    JOBS_QUEUE_NAME = "vfac"
    JOBS_SQLITE_PATH = ""
    JOBS_WORKERS = 2

    # Flask-Security
    SECURITY_URL_PREFIX = "/auth"
    SECURITY_RESET_URL = "/reset"
    SECURITY_CHANGE_URL = "/password"
    SECURITY_TWO_FACTOR_SETUP_URL = "/two-factor"
    SECURITY_MULTI_FACTOR_RECOVERY_CODES_URL = "/recovery-codes"
    SECURITY_MULTI_FACTOR_RECOVERY_URL = "/recovery"
    # Data hashed into confirmation and reset links: Flask-Security's default, sha256_crypt
    # in pure Python, took ~0.45 s per link, a timing oracle for who is a member (links made
    # before still verify: the old scheme stays accepted)
    SECURITY_HASHING_SCHEMES = ["hex_sha256", "sha256_crypt"]
    SECURITY_DEPRECATED_HASHING_SCHEMES = ["sha256_crypt"]
    # POSTs that mail an address if it is a member's take at least this long, member or not
    # (the mail itself leaves after the response: accounts/mail.py)
    ACCOUNT_MAIL_TIMING_FLOOR = 0.4
    SECURITY_PASSWORD_HASH = "argon2"
    # Argon2id with RFC 9106's second recommended set: 64 MiB, 3 passes, 4 lanes (~100 ms)
    SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS = {"argon2__type": "ID", "argon2__memory_cost": 65536,
                                              "argon2__time_cost": 3, "argon2__parallelism": 4}
    SECURITY_PASSWORD_SALT = ""  # derived from SECRET_KEY in create_app when unset
    SECURITY_PASSWORD_LENGTH_MIN = 12
    SECURITY_PASSWORD_CHECK_BREACHED = None  # it would call the network
    SECURITY_PASSWORD_CONFIRM_REQUIRED = True
    SECURITY_REGISTERABLE = True
    SECURITY_CONFIRMABLE = True
    SECURITY_CONFIRM_EMAIL_WITHIN = timedelta(days=3)
    SECURITY_RESET_PASSWORD_WITHIN = timedelta(hours=2)
    SECURITY_LOGIN_WITHIN = timedelta(days=1)
    SECURITY_CHANGE_EMAIL_WITHIN = timedelta(hours=2)
    SECURITY_TWO_FACTOR_SETUP_WITHIN = timedelta(minutes=30)
    SECURITY_US_SETUP_WITHIN = timedelta(minutes=30)
    SECURITY_WAN_REGISTER_WITHIN = timedelta(minutes=30)
    SECURITY_WAN_SIGNIN_WITHIN = timedelta(minutes=5)
    SECURITY_TWO_FACTOR_LOGIN_VALIDITY = timedelta(days=30)
    SECURITY_RECOVERABLE = True
    SECURITY_CHANGEABLE = True
    SECURITY_TRACKABLE = False  # our audit log records logins with the IP
    SECURITY_USERNAME_ENABLE = True
    SECURITY_USERNAME_REQUIRED = True
    SECURITY_USERNAME_MIN_LENGTH = 3
    SECURITY_USERNAME_MAX_LENGTH = 32
    SECURITY_USER_IDENTITY_ATTRIBUTES = [
        {"email": {"mapper": "flask_security.uia_email_mapper", "case_insensitive": True}},
        {"username": {"mapper": "flask_security.uia_username_mapper", "case_insensitive": True}},
    ]
    SECURITY_RETURN_GENERIC_RESPONSES = True  # no user enumeration
    SECURITY_EMAIL_VALIDATOR_ARGS = {"check_deliverability": False}  # no DNS look-ups
    SECURITY_TWO_FACTOR = True
    SECURITY_TWO_FACTOR_REQUIRED = False
    SECURITY_TWO_FACTOR_ENABLED_METHODS = ["authenticator"]
    # Lost device: recovery codes, or ask the support address; never a code by e-mail, which
    # would make the mailbox a second way past the second factor.
    SECURITY_TWO_FACTOR_RESCUE_EMAIL = False
    SECURITY_TWO_FACTOR_RESCUE_MAIL = "support@vfac.invalid"
    SECURITY_MULTI_FACTOR_RECOVERY_CODES = True
    SECURITY_MULTI_FACTOR_RECOVERY_CODES_N = 10
    # Fernet keys: recovery codes are stored encrypted (derived from SECRET_KEY in create_app
    # when unset; list a new key first to rotate, keep the old one after it)
    SECURITY_MULTI_FACTOR_RECOVERY_CODES_KEYS: list = []
    # An authenticator code is accepted 60 s either side of now (Flask-Security's default,
    # 120 s, accepts nine codes at once); each is accepted once (accounts/twofactor.py)
    SECURITY_TWO_FACTOR_AUTHENTICATOR_VALIDITY = 60
    SECURITY_TOTP_ISSUER = "VFAC"
    SECURITY_TOTP_SECRETS: dict = {}  # derived from SECRET_KEY in create_app when unset
    SECURITY_US_ENABLED_METHODS = ["password"]
    SECURITY_SEND_REGISTER_EMAIL = True
    SECURITY_EMAIL_SENDER = MAIL_DEFAULT_SENDER
    SECURITY_POST_LOGIN_VIEW = "/"
    SECURITY_POST_LOGOUT_VIEW = "/"
    SECURITY_POST_REGISTER_VIEW = "accounts.registered"
    SECURITY_POST_CONFIRM_VIEW = "accounts.status"
    SECURITY_POST_CHANGE_VIEW = "accounts.security"
    SECURITY_TWO_FACTOR_POST_SETUP_VIEW = "security.mf_recovery_codes"  # print them next
    SECURITY_FLASH_MESSAGES = True
    SECURITY_SCRIPT_NONCE_KEY = "csp_nonce"
    SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS = False
    SECURITY_DEFAULT_REMEMBER_ME = False
    SECURITY_JOIN_USER_ROLES = False  # our roles are a column, not a relationship
    SECURITY_LOGOUT_METHODS = ["POST"]
    SECURITY_FRESHNESS = timedelta(hours=1)
    SECURITY_FRESHNESS_GRACE_PERIOD = timedelta(minutes=5)
    # No bearer tokens: the UI uses sessions only, and a token would outlive logout and "log
    # out everywhere" (accounts/twofactor.py also stops Flask-Login from reading them)
    SECURITY_API_ENABLED_METHODS = ["session"]
    SECURITY_FRESHNESS_ALLOW_AUTH_TOKEN = False
    SECURITY_REDIRECT_VALIDATE_MODE = "regex"  # next= only to paths on this site
    SECURITY_I18N_DIRNAME = ["builtin"]


def from_env(app: Flask) -> None:
    """Read the plain deployment variables (DATABASE_URL, REDIS_URL, SECRET_KEY, MAIL_*)."""
    env = os.environ
    if env.get("DATABASE_URL"):
        url = env["DATABASE_URL"]
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://"):]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        app.config["SQLALCHEMY_DATABASE_URI"] = url
    for key in ("SECRET_KEY", "REDIS_URL", "MAIL_SERVER", "MAIL_USERNAME", "MAIL_PASSWORD",
                "MAIL_DEFAULT_SENDER"):
        if env.get(key):
            app.config[key] = env[key]
    if env.get("MAIL_PORT"):
        app.config["MAIL_PORT"] = int(env["MAIL_PORT"])
    if env.get("MAIL_USE_TLS"):
        app.config["MAIL_USE_TLS"] = env["MAIL_USE_TLS"].lower() in ("1", "true", "yes")


class MissingBaseUrl(RuntimeError):
    """Raised when the app would run in production without its canonical address."""


def apply_base_url(config: dict) -> None:
    """Derive SERVER_NAME, the scheme, the root path and the trusted hosts from BASE_URL."""
    base = (config.get("BASE_URL") or "").strip()
    if not base:
        return
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query \
            or parts.fragment or parts.username or parts.password:
        raise MissingBaseUrl(f"BASE_URL must look like https://vfac.example.org, not {base!r}")
    config["BASE_URL"] = base.rstrip("/")
    config["SERVER_NAME"] = parts.netloc.lower()
    config["PREFERRED_URL_SCHEME"] = parts.scheme
    config["APPLICATION_ROOT"] = parts.path.rstrip("/") or "/"
    if config.get("TRUSTED_HOSTS") is None:
        config["TRUSTED_HOSTS"] = [parts.hostname]


def check_base_url(app: Flask) -> None:
    """Refuse to start outside debug/testing without BASE_URL: links would follow Host."""
    if app.debug or app.testing or app.config.get("BASE_URL"):
        return
    raise MissingBaseUrl(
        "BASE_URL is not set. Set VFAC_BASE_URL to this site's address (e.g. "
        "https://vfac.example.org); `make run` sets http://127.0.0.1:5000.")


class InsecureSecretKey(RuntimeError):
    """Raised when the app would run in production with the development secret key."""


def check_secret_key(app: Flask) -> None:
    """Refuse to start outside debug/testing with the development or a short secret key."""
    if app.debug or app.testing:
        return
    key = app.config.get("SECRET_KEY") or ""
    if key == DEV_SECRET_KEY or len(key) < 32:
        raise InsecureSecretKey(
            "SECRET_KEY is not set (or shorter than 32 characters). Set SECRET_KEY in the "
            "environment or in instance/config.py; `make run` generates one."
        )

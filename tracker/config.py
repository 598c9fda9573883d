"""Settings read from the environment, with safe defaults for a laptop."""

import os
import secrets
from datetime import timedelta
from pathlib import Path


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def instance_secret_key(instance_path: str) -> str:
    """The key from `instance/secret_key`, written on first run so no secret lives in the repo."""
    path = Path(instance_path) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # Created readable by the owner only, and only once: when several workers start
        # together, the first writes the key and the others read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_hex(32))
    return path.read_text().strip()


def database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{Path(instance_path) / 'tracker.sqlite'}"
    # Heroku-style URLs name the driver-less scheme; we always use psycopg 3.
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def production_secret_key() -> str:
    """The key a production deployment must give: every process and machine needs the same one."""
    key = os.environ.get("SECRET_KEY", "")
    if len(key) < 32:
        raise RuntimeError(
            "PRODUCTION is set, so SECRET_KEY must be set too, to at least 32 random characters "
            "shared by every process and machine that serves the tracker "
            "(for example: python -c 'import secrets; print(secrets.token_hex(32))')"
        )
    return key


def load(instance_path: str) -> dict:
    """Configuration for `create_app`, from the environment and the instance folder."""
    production = env_bool("PRODUCTION", False)
    return {
        "PRODUCTION": production,
        "SECRET_KEY": production_secret_key()
        if production
        else os.environ.get("SECRET_KEY") or instance_secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # Secure by default; `make run` turns it off because it serves plain http on 127.0.0.1.
        "SESSION_COOKIE_SECURE": env_bool("SESSION_COOKIE_SECURE", True),
        "REMEMBER_COOKIE_SECURE": env_bool("SESSION_COOKIE_SECURE", True),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_ENABLED": env_bool("WTF_CSRF_ENABLED", True),
        "WTF_CSRF_TIME_LIMIT": None,
        # Signed-in sessions end after this long unused, and this long after signing in, whatever
        # (NIST SP 800-63B at AAL2 and OWASP ASVS 3.3.2 at level 2: 30 minutes idle, 12 hours).
        "SESSION_IDLE_TIMEOUT": timedelta(minutes=int(os.environ.get("SESSION_IDLE_MINUTES", "30"))),
        "SESSION_MAX_LIFETIME": timedelta(hours=int(os.environ.get("SESSION_MAX_HOURS", "12"))),
        # How many proxies in front of the tracker add X-Forwarded-For and X-Forwarded-Proto.
        # 0 (served directly): those headers are ignored, as anyone could send them.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
        # Sign-in limits. Redis (redis://host:6379/N) shares the counters between processes.
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        "RATELIMIT_KEY_PREFIX": os.environ.get("RATELIMIT_KEY_PREFIX", "tracker"),
        # A failure counts for the whole window after it, not only to the end of a clock window.
        "RATELIMIT_STRATEGY": "moving-window",
        # Redis down: each process counts on its own until it is back, and says so in the log.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        "RATELIMIT_ENABLED": env_bool("RATELIMIT_ENABLED", True),
        # Failed sign-ins allowed for one username from one address, and from one address in all.
        "LOGIN_ATTEMPTS_PER_USER": os.environ.get("LOGIN_ATTEMPTS_PER_USER", "10 per 15 minutes"),
        "LOGIN_ATTEMPTS_PER_ADDRESS": os.environ.get("LOGIN_ATTEMPTS_PER_ADDRESS", "30 per 15 minutes"),
        "FORCE_HTTPS": env_bool("FORCE_HTTPS", False),
        "PER_PAGE": int(os.environ.get("PER_PAGE", "25")),
        # Requests one API token may make (tracker/api/bearer.py), counted where the sign-in
        # limits are.
        "API_RATE_LIMIT": os.environ.get("API_RATE_LIMIT", "300 per minute"),
        # A request body beyond these is refused with a 413 before it is read: the longest form
        # (minutes, notes) is well under 1 MB. Only the indicator values upload takes more.
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_CONTENT_LENGTH", 1_000_000)),
        "MAX_UPLOAD_LENGTH": int(os.environ.get("MAX_UPLOAD_LENGTH", 5_000_000)),
        # Werkzeug's limits for multipart forms: the text of the fields, and how many parts.
        "MAX_FORM_MEMORY_SIZE": 500_000,
        "MAX_FORM_PARTS": 500,
        "SERVICE_NAME": "Governance meeting and action tracker",
        # The host name that ends the UIDs of calendar events; by default the one in the request.
        # Set it where the tracker is reached at more than one name, so events keep one UID.
        "CALENDAR_UID_DOMAIN": os.environ.get("CALENDAR_UID_DOMAIN", ""),
        # Email (tracker.notifications). With no MAIL_SERVER nothing is sent: messages wait in
        # the outbox (Administration → Outbox), so nothing is lost.
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", ""),
        "MAIL_PORT": int(os.environ.get("MAIL_PORT", "25")),
        "MAIL_USE_TLS": env_bool("MAIL_USE_TLS", False),
        "MAIL_USE_SSL": env_bool("MAIL_USE_SSL", False),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD") or None,
        "MAIL_DEFAULT_SENDER": os.environ.get(
            "MAIL_DEFAULT_SENDER", "Governance tracker <tracker@localhost>"
        ),
        "MAIL_TIMEOUT": int(os.environ.get("MAIL_TIMEOUT", "30")),
        # Flask-Mailman would pick its in-memory backend under TESTING: always real SMTP here.
        "MAIL_BACKEND": "smtp",
        # The tracker's address as people reach it, for the links in messages.
        "BASE_URL": os.environ.get("BASE_URL", "http://127.0.0.1:5000").rstrip("/"),
    }

"""Settings read from the environment, with safe defaults for a laptop."""

import os
import secrets
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


def load(instance_path: str) -> dict:
    """Configuration for `create_app`, from the environment and the instance folder."""
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY") or instance_secret_key(instance_path),
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
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_ENABLED": env_bool("RATELIMIT_ENABLED", True),
        "LOGIN_ATTEMPTS_PER_USER": os.environ.get("LOGIN_ATTEMPTS_PER_USER", "10 per 15 minutes"),
        "LOGIN_ATTEMPTS_PER_ADDRESS": os.environ.get("LOGIN_ATTEMPTS_PER_ADDRESS", "30 per 15 minutes"),
        "FORCE_HTTPS": env_bool("FORCE_HTTPS", False),
        "PER_PAGE": int(os.environ.get("PER_PAGE", "25")),
        # A request body beyond these is refused with a 413 before it is read: the longest form
        # (minutes, notes) is well under 1 MB. Only the indicator values upload takes more.
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_CONTENT_LENGTH", 1_000_000)),
        "MAX_UPLOAD_LENGTH": int(os.environ.get("MAX_UPLOAD_LENGTH", 5_000_000)),
        # Werkzeug's limits for multipart forms: the text of the fields, and how many parts.
        "MAX_FORM_MEMORY_SIZE": 500_000,
        "MAX_FORM_PARTS": 500,
        "SERVICE_NAME": "Governance meeting and action tracker",
    }

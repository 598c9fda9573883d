"""Sign-in limits that an attacker can neither dodge nor turn against the person they target.

Failed sign-ins are counted twice: from each client address, whatever the username
(`LOGIN_ATTEMPTS_PER_ADDRESS`), and for each username from each address
(`LOGIN_ATTEMPTS_PER_USER`). Guessing from one place is stopped there, while the owner signing in
from anywhere else carries on: a limit on the username alone would let anyone lock anyone out.
Only failures count, so an office signing in from behind one address does not lock itself out.
(A failure is known only once the password is checked, so requests already being answered when
the last failure allowed is counted may still be tried: at most one per gunicorn worker.)
Each failure, and each lock-out it causes, goes into the audit log.

The client address is the connection's own unless `TRUSTED_PROXIES` says how many proxies stand in
front (then ProxyFix, in `create_app`, takes it from X-Forwarded-For). IPv6 addresses count by
their /64, the block one subscriber is given.

The counters live where `RATELIMIT_STORAGE_URI` says; Redis shares them between every process and
machine. If Redis cannot be reached, Flask-Limiter counts in each process's memory until it is back
(`RATELIMIT_IN_MEMORY_FALLBACK_ENABLED`) and logs a warning, so sign-in keeps working.
"""

import ipaddress
import logging
from datetime import timedelta

from flask import Flask, current_app, g, request
from flask.logging import default_handler
from flask_limiter import RequestLimit
from limits import parse_many

from tracker import audit
from tracker.audit import AuditEntry
from tracker.auth.models import User
from tracker.auth.sessions import describe_duration
from tracker.extensions import db, limiter

ADDRESS = "address"
USERNAME_AT_ADDRESS = "username-at-address"


def client_address() -> str:
    """Who is asking, as the limits count them: the address, or an IPv6 address's /64."""
    address = request.remote_addr or ""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def attempted_username() -> str:
    return (request.form.get("username") or "").strip().lower()[:80]


def _address_key() -> str:
    return f"{ADDRESS}:{client_address()}"


def _username_at_address_key() -> str:
    return f"{USERNAME_AT_ADDRESS}:{attempted_username()}@{client_address()}"


def _sign_in_failed(_response) -> bool:
    return bool(g.get("sign_in_failed"))


@limiter.request_filter
def _only_reads() -> bool:
    """Requests that only read skip the limiter's before-request work: every limit it keeps is on
    signing in, a POST (`limit_sign_in`), and the API counts its tokens' requests itself."""
    return request.method in ("GET", "HEAD", "OPTIONS")


def limit_sign_in(view):
    """Refuse sign-in (429) to an address, or a username at an address, that failed too often."""
    for setting, key in (
        ("LOGIN_ATTEMPTS_PER_USER", _username_at_address_key),
        ("LOGIN_ATTEMPTS_PER_ADDRESS", _address_key),
    ):
        view = limiter.limit(
            lambda setting=setting: current_app.config[setting],
            key_func=key,
            methods=["POST"],
            deduct_when=_sign_in_failed,
        )(view)
    return view


def count_failure(user: User | None) -> None:
    """Count a failed sign-in (as `user`, if the username was one) and write it to the audit log.

    A failure that uses up what a limit allows is a lock-out: that goes into the log too. A username
    that is not one is not written down: people sometimes type their password there.
    """
    g.sign_in_failed = True  # the limits count this request once it is answered
    address = client_address()
    who = user.username if user else "an unknown username"
    _audit(user, "sign-in failed", f"Failed sign-in as {who} from {address}", address=address)
    for kind, limit in _limits_used_up():
        window = describe_duration(timedelta(seconds=limit.get_expiry()))
        if kind == ADDRESS:
            summary = f"Sign-ins from {address} refused after {limit.amount} failures in {window}"
        else:
            summary = f"Sign-ins as {who} from {address} refused after {limit.amount} failures in {window}"
        _audit(user, "sign-in locked", summary, address=address, limit=str(limit))
        current_app.logger.warning(summary)


def _limits_used_up():
    """(kind, limit) for each sign-in limit that this request's failure uses up."""
    try:
        for request_limit in limiter.current_limits:
            # Failures are counted after the response, so one left now means none left then.
            if request_limit.remaining <= 1:
                yield _kind(request_limit), request_limit.limit
    except Exception:  # the storage failed mid-request: the failure still counts in memory
        current_app.logger.warning("Could not read the sign-in limits to log a lock-out", exc_info=True)


def _kind(request_limit: RequestLimit) -> str:
    keys = [str(arg) for arg in request_limit.request_args]
    return ADDRESS if any(key.startswith(f"{ADDRESS}:") for key in keys) else USERNAME_AT_ADDRESS


def _audit(user: User | None, event: str, summary: str, **detail) -> None:
    """An audit entry about an account (or about no account: the username was not one)."""
    if user is not None:
        audit.record(None, event, user, summary, **detail)
    else:
        db.session.add(
            AuditEntry(event=event, entity_type=User.__tablename__, summary=summary, detail=detail)
        )


def init_app(app: Flask) -> None:
    """Check the limits' settings, and make sure the limiter's warnings reach the log."""
    for setting in ("LOGIN_ATTEMPTS_PER_USER", "LOGIN_ATTEMPTS_PER_ADDRESS"):
        try:
            parse_many(app.config[setting])
        except ValueError as error:
            raise RuntimeError(f"{setting} is not a limit such as '10 per 15 minutes'") from error
    limiter_log = logging.getLogger("flask-limiter")
    if not _has_real_handler(limiter_log):
        # Flask-Limiter gives its logger only a NullHandler, which would swallow the warning that
        # Redis is unreachable; log it where the application's own messages go.
        limiter_log.addHandler(default_handler)
    if not app.config.get("RATELIMIT_ENABLED", True):
        return
    storage = app.config["RATELIMIT_STORAGE_URI"]
    if storage.startswith("memory://"):
        if app.config.get("PRODUCTION"):
            app.logger.warning(
                "Sign-in limits are counted in each process's memory (RATELIMIT_STORAGE_URI=memory://);"
                " set it to Redis when more than one process serves the tracker"
            )
    elif not limiter.storage.check():
        app.logger.warning(
            "The sign-in limits' storage (RATELIMIT_STORAGE_URI) cannot be reached: each process "
            "counts sign-in failures in its own memory until it can"
        )


def _has_real_handler(logger: logging.Logger) -> bool:
    current: logging.Logger | None = logger
    while current is not None:
        if any(not isinstance(handler, logging.NullHandler) for handler in current.handlers):
            return True
        if not current.propagate:
            return False
        current = current.parent
    return False

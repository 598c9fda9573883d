"""Addresses in messages: absolute, on BASE_URL, and the signed unsubscribe link.

Messages are composed inside a request (a change someone made) or in a scheduled command with no
request at all, so links are built from BASE_URL, never from the request that happens to be
running: the address people reach the tracker at, whichever process composed the message.
"""

from urllib.parse import urlsplit

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

UNSUBSCRIBE_SALT = "tracker.notifications.unsubscribe"


def external_url(endpoint: str, **values) -> str:
    """The absolute address of `endpoint` on BASE_URL."""
    base = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme or "https"
    )
    return adapter.build(endpoint, values, force_external=True)


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(person_id: int, kind: str) -> str:
    """A token naming a person and a kind of message, signed with the app's SECRET_KEY.

    It does not expire: an unsubscribe link in an old message must still work.
    """
    return _serializer().dumps([person_id, str(kind)])


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(person id, kind) from a token this app signed; None for anything else."""
    try:
        value = _serializer().loads(token)
    except BadSignature:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[0], int)
        or isinstance(value[0], bool)
        or not isinstance(value[1], str)
    ):
        return None
    return value[0], value[1]


def unsubscribe_url(person_id: int, kind: str) -> str:
    return external_url("notifications.unsubscribe", token=unsubscribe_token(person_id, kind))

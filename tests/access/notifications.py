"""Email: choosing your emails (anyone signed in), unsubscribing by a message's signed link
(anyone, signed in or not), and the outbox (administrators)."""

from tests.access import ANONYMOUS, EVERYONE, Rule, roles


def _unsubscribe(d) -> dict:
    from tracker.notifications.links import unsubscribe_token

    return {"token": unsubscribe_token(d.person(), "reminder")}


def _outbox_message(d) -> int:
    from tracker.notifications.models import OutboxMessage

    return d.first(OutboxMessage)


ADMIN = roles("admin")
ANYONE = EVERYONE | {ANONYMOUS}

RULES = {
    "notifications.preferences": Rule(allowed=EVERYONE),
    "notifications.unsubscribe": Rule(allowed=ANYONE, args=_unsubscribe),
    "notifications.unsubscribe_confirmed": Rule(allowed=ANYONE, args=_unsubscribe, method="POST"),
    "notifications.outbox_list": Rule(allowed=ADMIN),
    "notifications.outbox_message": Rule(
        allowed=ADMIN, args=lambda d: {"message_id": _outbox_message(d)}
    ),
    "notifications.send_again": Rule(
        allowed=ADMIN, args=lambda d: {"message_id": _outbox_message(d)}, method="POST"
    ),
}

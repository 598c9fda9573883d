"""Administration → Outbox: every message, queued, sent or failed, with its error; send again.

With no MAIL_SERVER (as under `make run`) nothing is sent and this is where the messages wait,
so it also shows what the tracker would have sent.
"""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from tracker.auth.permissions import Permission, permission_required
from tracker.extensions import db
from tracker.notifications import bp, outbox
from tracker.notifications.forms import OutboxFilters
from tracker.notifications.models import OutboxMessage, OutboxStatus

ADMINISTER = Permission.ADMINISTER


@bp.get("/admin/outbox")
@permission_required(ADMINISTER)
def outbox_list():
    filters = OutboxFilters(request.args)
    if not filters.validate():
        abort(404)  # a status that does not exist: a tampered link
    page = db.paginate(
        outbox.listing(filters.status.data or ""),
        per_page=current_app.config["PER_PAGE"],
        max_per_page=100,
    )
    return render_template(
        "notifications/outbox.html",
        page=page,
        filters=filters,
        counts=outbox.counts(),
        statuses=OutboxStatus.choices(),
        status_label=OutboxStatus.label_of,
        max_attempts=outbox.MAX_ATTEMPTS,
        sending=outbox.sending_enabled(),
        can_send_again=outbox.can_send_again,
    )


@bp.get("/admin/outbox/<int:message_id>")
@permission_required(ADMINISTER)
def outbox_message(message_id: int):
    message = db.get_or_404(OutboxMessage, message_id)
    return render_template(
        "notifications/outbox_message.html",
        message=message,
        can_send_again=outbox.can_send_again(message),
        sending=outbox.sending_enabled(),
    )


@bp.post("/admin/outbox/<int:message_id>/send-again")
@permission_required(ADMINISTER)
def send_again(message_id: int):
    message = db.get_or_404(OutboxMessage, message_id)
    try:
        outbox.send_again(message, current_user)
    except outbox.NotAllowed as refusal:
        flash(str(refusal), "error")
    else:
        flash(f"The message to {message.to_address} is queued to be sent again.", "success")
    return redirect(url_for(".outbox_message", message_id=message.id))

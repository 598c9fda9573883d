"""Domain events: how a lower domain lets a higher one react to a change without importing it.

The domains import one way (README, "Where a change belongs"): actions and meetings may not
import notifications, which sits above them and needs their models. So a service says what
happened (`publish("action.recorded", entry=...)`) and whoever cares subscribes when the app
starts (`subscribe(app, "action.recorded", handler)`). Handlers run at once, in the publisher's
transaction, before its commit: whatever they add to the session (a message in the outbox) is
saved with the change or not at all.

The handlers are kept on the app, not in a module-level list, so each app built by `create_app`
(the tests build several) has exactly the subscribers it registered.
"""

from collections.abc import Callable

from flask import Flask, current_app

EXTENSION = "tracker.events"


def subscribe(app: Flask, name: str, handler: Callable[..., None]) -> None:
    """Call `handler(**data)` whenever `name` is published in this app."""
    handlers = app.extensions.setdefault(EXTENSION, {}).setdefault(name, [])
    if handler not in handlers:
        handlers.append(handler)


def publish(name: str, **data) -> None:
    """Tell the current app's subscribers that `name` happened; no subscriber, nothing happens."""
    for handler in current_app.extensions.get(EXTENSION, {}).get(name, ()):
        handler(**data)

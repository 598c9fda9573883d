"""A real SMTP server for the tests (aiosmtpd on a free local port), and reading what it got."""

import email
import socket
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from urllib.parse import urlsplit

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Received:
    """One message as the server got it: the envelope's recipients and the parsed message."""

    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return self.message["Subject"]

    def part(self, subtype: str) -> str:
        return self.message.get_body(preferencelist=(subtype,)).get_content()

    @property
    def text(self) -> str:
        return self.part("plain")

    @property
    def html(self) -> str:
        return self.part("html")

    def links(self, base_url: str) -> list[str]:
        """Every address on the tracker in the plain-text part, as paths for a test client."""
        words = self.text.split()
        return [urlsplit(word).path + (f"?{urlsplit(word).query}" if urlsplit(word).query else "")
                for word in words if word.startswith(base_url)]


@dataclass
class Mailbox:
    """The aiosmtpd handler: keeps every message delivered to it."""

    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=default)
        self.received.append(Received(list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Received]:
        return [item for item in self.received if address in item.rcpt_tos]

    def subjects(self) -> list[tuple[str, str]]:
        return sorted((",".join(item.rcpt_tos), item.subject) for item in self.received)


class SmtpServer:
    """aiosmtpd's Controller on 127.0.0.1, started and stopped by the fixture."""

    def __init__(self):
        self.mailbox = Mailbox()
        self.port = free_port()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

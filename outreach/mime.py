"""The bytes of a campaign email, written directly: Python's email package spends ~3 ms per message
building and serialising the MIME tree, this ~0.1 ms, which decides whether 100,000 emails take minutes
or seconds. The structure is fixed and simple: multipart/alternative with a text/plain and a text/html
part, UTF-8, quoted-printable (binascii), headers encoded per RFC 2047 where they are not ASCII."""

import binascii
import secrets
from email.header import Header
from email.utils import formataddr, formatdate

from django.core.mail import EmailMultiAlternatives


def header_text(value: str) -> str:
    """A header value as it may be written: ASCII as it is, anything else as RFC 2047 encoded words."""
    value = " ".join((value or "").split())
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, "utf-8", maxlinelen=998).encode()


def address(name: str, email: str) -> str:
    return formataddr((" ".join((name or "").split()), email), charset="utf-8") if name else email


def _part(content_type: str, text: str) -> bytes:
    body = binascii.b2a_qp(text.replace("\r\n", "\n").encode("utf-8"), istext=True).replace(b"\n", b"\r\n")
    head = f'Content-Type: {content_type}; charset="utf-8"\r\n'
    head += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    return head.encode() + body


class OutgoingEmail:
    """What a transport hands over: the envelope, and the message as bytes or as a Django message."""

    def __init__(self, *, sender, from_email, to_email, to_name, subject, headers, text, html):
        self.envelope_sender = sender
        self.from_email = from_email
        self.to_email = to_email
        self.to_name = to_name
        self.subject = subject
        self.headers = headers
        self.text = text
        self.html = html

    def recipients(self) -> list[str]:
        return [self.to_email]

    def as_bytes(self) -> bytes:
        boundary = "=_kafaat_" + secrets.token_hex(12)
        lines = [
            f"From: {self.from_email}",
            f"To: {address(self.to_name, self.to_email)}",
            f"Subject: {header_text(self.subject)}",
            f"Date: {formatdate(usegmt=True)}",
            *(f"{name}: {value}" for name, value in self.headers.items()),
            "MIME-Version: 1.0",
            f'Content-Type: multipart/alternative; boundary="{boundary}"',
        ]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
        separator = f"\r\n--{boundary}\r\n".encode()
        return b"".join(
            (
                head,
                separator[2:],
                _part("text/plain", self.text),
                separator,
                _part("text/html", self.html),
                f"\r\n--{boundary}--\r\n".encode(),
            )
        )

    def as_django(self) -> EmailMultiAlternatives:
        """For Django's other backends (files, memory, providers)."""
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text,
            from_email=self.from_email,
            to=[address(self.to_name, self.to_email)],
            headers=dict(self.headers),
        )
        message.attach_alternative(self.html, "text/html")
        return message

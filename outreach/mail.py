"""One recipient's email, and the transports that hand it over with a gate before the point of no return.

``deliver(message, gate)`` calls ``gate(hand_over)`` at the last moment before the message can no longer
be taken back; the gate calls ``hand_over`` only if the recipient may still be sent to, inside the
transaction that records them as sent, just before its COMMIT (see sending.py). With SMTP, ``hand_over``
writes the final "." of the DATA command: the whole message is already on the wire, and the server
accepts it only when it reads that dot. A worker killed before the dot leaves a row that was certainly not
delivered and is rolled back to "sending"; one killed after both the dot and the COMMIT a row marked sent.
"""

import smtplib
import socket
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address
from django.utils.crypto import salted_hmac

from .mime import OutgoingEmail


def ungated(hand_over) -> bool:
    """A gate that always lets the message through (test sends to oneself: no recipient row to record)."""
    hand_over()
    return True


class TemporaryFailure(Exception):
    """The server said "try later" (4xx) or could not be reached: retried with backoff."""


class PermanentFailure(Exception):
    """The server refused the address for good (5xx): the address is suppressed."""


class ConnectionLost(TemporaryFailure):
    """The connection broke: this batch stops and gives its remaining recipients back."""


def from_address() -> str:
    return getattr(settings, "OUTREACH_FROM_EMAIL", "") or settings.DEFAULT_FROM_EMAIL


def mail_domain() -> str:
    return parseaddr(from_address())[1].rpartition("@")[2] or "localhost"


def verp_token(recipient_id: int) -> str:
    return f"{recipient_id}-{salted_hmac('outreach.verp', str(recipient_id)).hexdigest()[:12]}"


def verp_read(token: str) -> int | None:
    ident, _, mac = (token or "").partition("-")
    if not ident.isdigit() or not mac:
        return None
    return int(ident) if verp_token(int(ident)) == f"{ident}-{mac}" else None


def envelope_sender(recipient_id: int) -> str:
    """VERP: bounces come back to an address naming the recipient, whatever the bounce says."""
    bounce = getattr(settings, "OUTREACH_BOUNCE_ADDRESS", "")
    if not bounce or "@" not in bounce:
        return parseaddr(from_address())[1]
    local, _, domain = bounce.partition("@")
    return f"{local}+{verp_token(recipient_id)}@{domain}"


def message_id(campaign_id: int, recipient_id: int) -> str:
    return f"<outreach.{campaign_id}.{recipient_id}@{mail_domain()}>"


def build(
    *, to: str, name: str, subject: str, html: str, text: str, headers: dict, sender: str
) -> OutgoingEmail:
    return OutgoingEmail(
        sender=sender,
        from_email=from_address(),
        to_email=to,
        to_name=name,
        subject=subject,
        headers=headers,
        text=text,
        html=html,
    )


def _classify(code: int, reply) -> Exception:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    error = f"{code} {text}"[:300]
    return PermanentFailure(error) if 500 <= code < 600 else TemporaryFailure(error)


class GatedSMTP(SMTPBackend):
    """Django's SMTP backend (same settings, TLS, login), with the DATA step split at the final dot."""

    def deliver(self, message, gate) -> bool:
        if self.connection is None:
            self.open()
        smtp = self.connection
        sender = sanitize_address(message.envelope_sender, settings.DEFAULT_CHARSET)
        to = [sanitize_address(address, settings.DEFAULT_CHARSET) for address in message.recipients()]
        payload = message.as_bytes()
        try:
            smtp.ehlo_or_helo_if_needed()
            options = ["BODY=8BITMIME"] if smtp.has_extn("8bitmime") else []
            self._envelope(smtp, sender, to, options)
            data = smtplib._quote_periods(payload)
            if not data.endswith(b"\r\n"):
                data += b"\r\n"
            smtp.send(data)
            if not gate(lambda: smtp.send(b".\r\n")):
                # No way to take DATA back but to hang up: the server drops what it has not seen end.
                self._hang_up()
                return False
            code, reply = smtp.getreply()
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            self._hang_up()
            raise ConnectionLost(str(error)[:300]) from error
        if code != 250:
            raise _classify(code, reply)
        return True

    def open(self):
        opened = super().open()
        if self.connection is not None and self.connection.sock is not None:
            # Each SMTP command is a small write waiting for its reply: do not let Nagle hold it back.
            self.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return opened

    @staticmethod
    def _envelope(smtp, sender, to, options):
        """MAIL, RCPT, DATA: in one write when the server allows pipelining (RFC 2920), else one by one."""
        commands = [("mail", f"FROM:{smtplib.quoteaddr(sender)}{' ' + ' '.join(options) if options else ''}")]
        commands += [("rcpt", f"TO:{smtplib.quoteaddr(address)}") for address in to]
        commands.append(("data", ""))
        expected = [(250,)] + [(250, 251)] * len(to) + [(354,)]
        if smtp.has_extn("pipelining"):
            smtp.send("".join(f"{verb} {argument}".strip() + "\r\n" for verb, argument in commands))
            replies = [smtp.getreply() for _ in commands]
        else:
            replies = []
            for verb, argument in commands:
                smtp.putcmd(verb, argument)
                replies.append(smtp.getreply())
                if replies[-1][0] not in expected[len(replies) - 1]:
                    break
        for (code, reply), codes in zip(replies, expected, strict=False):
            if code not in codes:
                smtp.rset()
                raise _classify(code, reply)

    def _hang_up(self):
        try:
            if self.connection is not None:
                self.connection.close()
        finally:
            self.connection = None


class GatedBackend:
    """Any other Django backend (files, memory, a provider): the gate just before ``send_messages``."""

    def __init__(self, backend):
        self.backend = backend

    def open(self):
        self.backend.open()

    def close(self):
        self.backend.close()

    def deliver(self, message, gate) -> bool:
        try:
            return gate(lambda: self.backend.send_messages([message.as_django()]))
        except smtplib.SMTPResponseException as error:
            raise _classify(error.smtp_code, error.smtp_error) from error
        except (smtplib.SMTPException, OSError) as error:
            raise TemporaryFailure(str(error)[:300]) from error


def transport():
    """The gated transport for the configured email backend (a fresh connection, caller closes it)."""
    backend = get_connection(fail_silently=False)
    if type(backend) is SMTPBackend:
        return GatedSMTP(
            host=backend.host,
            port=backend.port,
            username=backend.username,
            password=backend.password,
            use_tls=backend.use_tls,
            use_ssl=backend.use_ssl,
            timeout=backend.timeout,
            ssl_keyfile=backend.ssl_keyfile,
            ssl_certfile=backend.ssl_certfile,
        )
    return GatedBackend(backend)

"""Reading the bounce mailbox: a Maildir the mail server delivers OUTREACH_BOUNCE_ADDRESS into."""

import logging
import mailbox
from pathlib import Path

from .bounces import bounce_process

log = logging.getLogger(__name__)


def maildir_process(folder: Path) -> int:
    """Process the new messages of the Maildir and move each to cur/ (read); returns how many."""
    box = mailbox.Maildir(str(folder), create=False)
    done = 0
    for key in list(box.iterkeys()):
        message = box.get_message(key)
        if "S" in message.get_flags():
            continue
        try:
            bounce_process(box.get_bytes(key))
        except Exception:  # noqa: BLE001 — one unreadable message must not block the mailbox for good
            log.exception("bounce mailbox: message %s could not be processed", key)
        message.set_subdir("cur")
        message.add_flag("S")
        box[key] = message
        done += 1
    return done

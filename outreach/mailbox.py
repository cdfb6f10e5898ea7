"""Reading the bounce mailbox: a Maildir the mail server delivers OUTREACH_BOUNCE_ADDRESS into."""

import mailbox
from pathlib import Path

from .bounces import bounce_process


def maildir_process(folder: Path) -> int:
    """Process the new messages of the Maildir and move each to cur/ (read); returns how many."""
    box = mailbox.Maildir(str(folder), create=False)
    done = 0
    for key in list(box.iterkeys()):
        message = box.get_message(key)
        if "S" in message.get_flags():
            continue
        bounce_process(box.get_bytes(key))
        message.set_subdir("cur")
        message.add_flag("S")
        box[key] = message
        done += 1
    return done

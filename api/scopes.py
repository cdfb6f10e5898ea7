"""What a personal API token may read. Staff scopes need a second factor, when created and at each use."""

from django.utils.translation import gettext_lazy as _

READ_ME = "read:me"
# Apart from read:me: whom a member talks to is more than their profile, and a token made before this
# scope existed must not start reading it.
READ_CONVERSATIONS = "read:conversations"
READ_REFERENTIAL = "read:referential"
READ_SEGMENTS = "read:segments"
READ_CASES = "read:cases"
READ_WATCH = "read:watch"

SCOPE_LABELS = {
    READ_ME: _("Your own profile, projects, event answers and notifications"),
    READ_CONVERSATIONS: _("The list of your conversations (titles, unread counts; never the messages)"),
    READ_REFERENTIAL: _("Referential imports, records and golden records (staff)"),
    READ_SEGMENTS: _("Segments (staff)"),
    READ_CASES: _("Accompaniment cases (staff)"),
    READ_WATCH: _("Watch items (staff)"),
}
MEMBER_SCOPES = frozenset({READ_ME, READ_CONVERSATIONS})
STAFF_SCOPES = frozenset({READ_REFERENTIAL, READ_SEGMENTS, READ_CASES, READ_WATCH})
ALL_SCOPES = tuple(SCOPE_LABELS)

"""Demo conversations between demo accounts (``seed_demo`` calls this after profiles and groups)."""

from django.contrib.auth import get_user_model
from django.db import transaction

from community.groups.models import CommunityGroup, Membership

from . import services
from .models import Conversation, Participant

MEMBER_EMAIL = "member@kafaat.localhost"


def _demo(index):
    return get_user_model().objects.filter(email=f"demo.member{index:03d}@kafaat.example").first()


@transaction.atomic
def seed_conversations() -> int:
    """A few conversations for the demo member; idempotent (skipped once the member has any)."""
    member = get_user_model().objects.filter(email=MEMBER_EMAIL).first()
    first, second, third = _demo(1), _demo(2), _demo(4)
    if member is None or None in (first, second, third):
        return 0
    if Participant.objects.filter(user=member).exists():
        return 0
    direct = services.direct_conversation_open(
        initiator=first, other=member, text="Salam ! J'ai vu votre profil : vous cherchez un mentor en data ?"
    )
    services.message_send(
        sender=member, conversation=direct, body="Oui, volontiers. Vous êtes disponible ce mois-ci ?"
    )
    services.message_send(
        sender=first,
        conversation=direct,
        body="Tout à fait. Voici le programme dont je parlais : https://kafaat.localhost/fr/",
    )
    services.conversation_mark_read(user=member, conversation=direct, seq=2)
    services.direct_conversation_open(
        initiator=second, other=member, text="Bonjour, on se voit à la rencontre de Lyon ?"
    )
    multi = services.conversation_start(
        creator=member,
        others=[first, third],
        title="Projet agritech Souss-Massa",
        text="Je vous mets en relation.",
    )
    services.message_send(sender=third, conversation=multi, body="Merci ! Ravie de faire votre connaissance.")
    group = CommunityGroup.objects.order_by("slug").first()
    if group is not None:
        Membership.objects.get_or_create(
            user=member, group=group, defaults={"status": Membership.Status.ACTIVE}
        )
        conversation = services.group_conversation(group)
        if conversation.last_seq == 0:
            team = Membership.objects.filter(group=group, role=Membership.Role.OWNER).first()
            if team is not None:
                services.message_send(
                    sender=team.user,
                    conversation=conversation,
                    body="Bienvenue dans la conversation du groupe !",
                )
    return Conversation.objects.filter(participants__user=member).count()

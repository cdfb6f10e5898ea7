"""Demo label activity: some members hold labels, a few applications wait for a moderator."""

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Label, LabelApplication, LabelGrant
from .services import label_application_grant, label_apply

GRANTED = {"verified-competence": range(0, 60, 3), "accompanied-project-holder": range(1, 60, 6)}
PENDING = {
    "verified-competence": (
        range(61, 67),
        "Ingénieur·e en poste à l'étranger depuis plus de cinq ans ; attestation d'employeur disponible.",
    ),
    "accompanied-project-holder": (
        range(67, 70),
        "Projet suivi par le centre régional d'investissement ; convention d'accompagnement "
        "jointe sur demande.",
    ),
}


def _member(index):
    return get_user_model().objects.filter(email=f"demo.member{index:03d}@kafaat.example").first()


@transaction.atomic
def seed_label_activity(moderator_email="moderator@kafaat.localhost", relay_email="relay@kafaat.localhost"):
    """Idempotent: grants labels to some demo members and leaves a few applications pending."""
    labels = {label.slug: label for label in Label.objects.all()}
    moderator = get_user_model().objects.filter(email=moderator_email).first()
    for slug, indexes in GRANTED.items():
        for index in indexes:
            member = _member(index)
            if member is None or LabelGrant.objects.filter(user=member, label=labels[slug]).exists():
                continue
            application = label_apply(applicant=member, label=labels[slug], statement="Dossier vérifié.")
            label_application_grant(
                application=application, moderator=moderator, reason="Justificatifs vérifiés."
            )
    relay = get_user_model().objects.filter(email=relay_email).first()
    relay_label = labels.get("consular-relay")
    if (
        relay is not None
        and relay_label
        and not LabelGrant.objects.filter(user=relay, label=relay_label).exists()
    ):
        application = label_apply(applicant=relay, label=relay_label, statement="Consulat de Lyon.")
        label_application_grant(application=application, moderator=moderator, reason="Agent consulaire.")
    for slug, (indexes, statement) in PENDING.items():
        for index in indexes:
            member = _member(index)
            if (
                member is None
                or LabelApplication.objects.filter(applicant=member, label=labels[slug]).exists()
            ):
                continue
            label_apply(applicant=member, label=labels[slug], statement=statement)

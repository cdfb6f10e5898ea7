"""The default pipeline, written by the migration that creates it and by the demo when stages are missing.

Administrators change stages afterwards (Django admin); nothing in the code names a stage but the
defaults below, the initial flag and the stage kinds.
"""

ADVISOR_ADMIN = ["advisor", "admin"]
WITH_RELAY = ["advisor", "relay", "admin"]

DEFAULT_STAGES = [
    # key, en, fr, ar, order, kind, initial, sla working days, required fields, movers, reason needed
    ("received", "Received", "Reçu", "مستلم", 10, "open", True, 5, [], ADVISOR_ADMIN, False),
    (
        "qualified",
        "Qualified",
        "Qualifié",
        "مؤهَّل",
        20,
        "open",
        False,
        10,
        ["needs", "region"],
        WITH_RELAY,
        False,
    ),
    ("oriented", "Oriented", "Orienté", "موجَّه", 30, "open", False, 15, ["next_step"], ADVISOR_ADMIN, False),
    (
        "in-accompaniment",
        "In accompaniment",
        "En accompagnement",
        "قيد المواكبة",
        40,
        "open",
        False,
        60,
        [],
        ADVISOR_ADMIN,
        False,
    ),
    (
        "launched",
        "Funded / launched",
        "Financé / lancé",
        "مموَّل / منطلق",
        50,
        "success",
        False,
        20,
        ["jobs_created"],
        ADVISOR_ADMIN,
        False,
    ),
    ("closed", "Closed", "Clôturé", "مغلق", 60, "closed", False, None, [], ADVISOR_ADMIN, False),
    ("abandoned", "Abandoned", "Abandonné", "متخلى عنه", 70, "exit", False, None, [], WITH_RELAY, True),
    (
        "not-eligible",
        "Not eligible",
        "Non éligible",
        "غير مؤهل",
        80,
        "exit",
        False,
        None,
        [],
        ADVISOR_ADMIN,
        True,
    ),
]

DEFAULT_NEXT = {
    "received": ["qualified", "not-eligible", "abandoned"],
    "qualified": ["oriented", "not-eligible", "abandoned"],
    "oriented": ["in-accompaniment", "abandoned"],
    "in-accompaniment": ["launched", "abandoned"],
    "launched": ["closed"],
}

DEFAULT_CHECKLISTS = {
    "received": [
        {"en": "Call the holder", "fr": "Appeler le porteur", "ar": "الاتصال بحامل المشروع", "days": 5},
    ],
    "qualified": [
        {
            "en": "Ask for the business plan",
            "fr": "Demander le business plan",
            "ar": "طلب مخطط الأعمال",
            "days": 5,
        },
        {
            "en": "Check eligibility to programmes",
            "fr": "Vérifier l’éligibilité aux programmes",
            "ar": "التحقق من الأهلية للبرامج",
            "days": 10,
        },
    ],
    "oriented": [
        {
            "en": "Confirm the programme's answer",
            "fr": "Confirmer la réponse du programme",
            "ar": "تأكيد جواب البرنامج",
            "days": 15,
        },
    ],
}


def stages_ensure(Stage) -> None:
    """Create the default stages missing (by key); leaves the others as administrators set them."""
    created = {}
    for key, en, fr, ar, order, kind, initial, sla, required, movers, reason in DEFAULT_STAGES:
        stage, was_created = Stage.objects.get_or_create(
            key=key,
            defaults={
                "name_en": en,
                "name_fr": fr,
                "name_ar": ar,
                "order": order,
                "kind": kind,
                "initial": initial,
                "sla_days": sla,
                "required_fields": required,
                "mover_roles": movers,
                "reason_required": reason,
                "checklist": DEFAULT_CHECKLISTS.get(key, []),
            },
        )
        if was_created:
            created[key] = stage
    by_key = {stage.key: stage for stage in Stage.objects.all()}
    for key, stage in created.items():
        stage.next_stages.set([by_key[k] for k in DEFAULT_NEXT.get(key, []) if k in by_key])

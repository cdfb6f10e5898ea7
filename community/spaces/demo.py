"""Demo content for spaces and groups: ``seed_spaces_and_groups()`` — safe to run again and again."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from community.groups.models import CommunityGroup, Membership
from community.labels.models import Label

from .models import Charter, CharterVersion, Post, Space

LABELS = {
    "verified-competence": ("Compétence vérifiée", "كفاءة موثقة", "Verified competence"),
    "accompanied-project-holder": (
        "Porteur de projet accompagné",
        "حامل مشروع مواكَب",
        "Accompanied project holder",
    ),
    "consular-relay": ("Relais consulaire", "منسق قنصلي", "Consular relay"),
}

INVESTOR_CHARTER = (
    "Charte du Club des investisseurs\n\n"
    "1. Les informations partagées dans ce club (projets, chiffres, contacts) sont confidentielles ; "
    "je ne les diffuse pas hors du club sans l'accord de leur auteur.\n"
    "2. Je présente mes projets et mes offres avec sincérité et je signale tout conflit d'intérêts.\n"
    "3. Aucune sollicitation financière n'est faite dans le club en dehors des canaux prévus "
    "par le ministère.\n"
    "4. Je respecte les autres membres ; les modérateurs peuvent masquer un contenu et suspendre un accès.\n"
    "5. Mes données sont traitées conformément à la loi 09-08 et, le cas échéant, au RGPD.",
    "ميثاق نادي المستثمرين\n\n"
    "1. المعلومات المتبادلة داخل هذا النادي (المشاريع والأرقام وجهات الاتصال) سرية، ولا أنشرها خارجه "
    "دون موافقة صاحبها.\n"
    "2. أعرض مشاريعي وعروضي بصدق، وأصرّح بكل تضارب في المصالح.\n"
    "3. لا يُقدَّم داخل النادي أي التماس مالي خارج القنوات التي تحددها الوزارة.\n"
    "4. أحترم باقي الأعضاء، ويحق للمشرفين إخفاء أي محتوى وتعليق أي ولوج.\n"
    "5. تُعالَج معطياتي الشخصية وفقًا للقانون 09-08، وعند الاقتضاء وفقًا للائحة العامة لحماية البيانات.",
    "Investor club charter\n\n"
    "1. What is shared in this club (projects, figures, contacts) is confidential; I do not pass it on "
    "outside the club without its author's consent.\n"
    "2. I present my projects and offers honestly and declare any conflict of interest.\n"
    "3. No request for money is made in the club outside the channels the ministry provides.\n"
    "4. I respect the other members; moderators may hide content and suspend access.\n"
    "5. My personal data is processed under Law 09-08 and, where it applies, the GDPR.",
)

RELAY_CHARTER = (
    "Charte des relais consulaires\n\n"
    "1. J'agis au nom de mon poste consulaire ou de mon organisme partenaire "
    "et dans le cadre de sa mission.\n"
    "2. Les données des membres et des porteurs de projet que je consulte restent confidentielles "
    "et ne servent qu'à les accompagner.\n"
    "3. Je signale aux modérateurs toute situation qui met un membre en difficulté.\n"
    "4. Je partage dans cet espace les bonnes pratiques et les événements de ma circonscription.",
    "ميثاق المنسقين القنصليين\n\n"
    "1. أعمل باسم مركزي القنصلي أو الهيئة الشريكة التي أنتمي إليها وفي إطار مهمتها.\n"
    "2. تظل معطيات الأعضاء وحاملي المشاريع التي أطّلع عليها سرية، ولا تُستعمل إلا لمواكبتهم.\n"
    "3. أُبلغ المشرفين بكل وضعية تضع أحد الأعضاء في صعوبة.\n"
    "4. أتقاسم في هذا الفضاء الممارسات الجيدة والأنشطة التي تنظَّم في دائرتي.",
    "Consular relays charter\n\n"
    "1. I act on behalf of my consulate or partner body and within its mission.\n"
    "2. The data of members and project holders I consult stays confidential and is used only to "
    "accompany them.\n"
    "3. I alert the moderators to any situation that puts a member in difficulty.\n"
    "4. I share in this space good practice and the events of my district.",
)

GROUPS = [
    (
        "numerique",
        "thematic",
        "Numérique et tech",
        "digital",
        "",
        "",
        "Développeurs, data scientists et entrepreneurs du numérique de la diaspora.",
    ),
    ("sante", "thematic", "Santé", "health", "", "", "Médecins, pharmaciens, chercheurs et soignants."),
    (
        "energies-renouvelables",
        "thematic",
        "Énergies renouvelables",
        "renewable energy",
        "",
        "",
        "Solaire, éolien, hydrogène vert : expertises et projets.",
    ),
    (
        "agroalimentaire",
        "thematic",
        "Agroalimentaire",
        "agrifood",
        "",
        "",
        "De la filière agricole à la transformation et à l'export.",
    ),
    (
        "finance",
        "thematic",
        "Finance et investissement",
        "finance",
        "",
        "",
        "Banque, capital-investissement, fintech et finance participative.",
    ),
    (
        "paris",
        "geographic",
        "Marocains de Paris",
        "",
        "FR",
        "Paris",
        "Le réseau des compétences en Île-de-France.",
    ),
    (
        "montreal",
        "geographic",
        "Marocains de Montréal",
        "",
        "CA",
        "Montréal",
        "Le réseau des compétences au Québec.",
    ),
    (
        "bruxelles",
        "geographic",
        "Marocains de Bruxelles",
        "",
        "BE",
        "Bruxelles",
        "Le réseau des compétences en Belgique.",
    ),
    (
        "madrid",
        "geographic",
        "Marocains de Madrid",
        "",
        "ES",
        "Madrid",
        "Le réseau des compétences en Espagne.",
    ),
    (
        "dubai",
        "geographic",
        "Marocains de Dubaï",
        "",
        "AE",
        "Dubaï",
        "Le réseau des compétences aux Émirats.",
    ),
]

# Group names and descriptions in Arabic and English (the French ones above are the names as created).
GROUP_TRANSLATIONS = {
    "numerique": (
        ("الرقمي والتكنولوجيا", "Digital and tech"),
        (
            "مطورون وعلماء بيانات ورواد أعمال رقميون من مغاربة العالم.",
            "Developers, data scientists and digital entrepreneurs of the diaspora.",
        ),
    ),
    "sante": (
        ("الصحة", "Health"),
        ("أطباء وصيادلة وباحثون ومهنيو العلاج.", "Doctors, pharmacists, researchers and carers."),
    ),
    "energies-renouvelables": (
        ("الطاقات المتجددة", "Renewable energy"),
        (
            "الطاقة الشمسية والريحية والهيدروجين الأخضر: خبرات ومشاريع.",
            "Solar, wind, green hydrogen: expertise and projects.",
        ),
    ),
    "agroalimentaire": (
        ("الصناعات الغذائية", "Agrifood"),
        ("من السلسلة الفلاحية إلى التحويل والتصدير.", "From farming to processing and export."),
    ),
    "finance": (
        ("المالية والاستثمار", "Finance and investment"),
        (
            "الأبناك والرأسمال الاستثماري والتكنولوجيا المالية والمالية التشاركية.",
            "Banking, private equity, fintech and participatory finance.",
        ),
    ),
    "paris": (
        ("مغاربة باريس", "Moroccans in Paris"),
        ("شبكة الكفاءات في إيل دو فرانس.", "The skills network in Île-de-France."),
    ),
    "montreal": (
        ("مغاربة مونتريال", "Moroccans in Montreal"),
        ("شبكة الكفاءات في كيبيك.", "The skills network in Quebec."),
    ),
    "bruxelles": (
        ("مغاربة بروكسل", "Moroccans in Brussels"),
        ("شبكة الكفاءات في بلجيكا.", "The skills network in Belgium."),
    ),
    "madrid": (
        ("مغاربة مدريد", "Moroccans in Madrid"),
        ("شبكة الكفاءات في إسبانيا.", "The skills network in Spain."),
    ),
    "dubai": (
        ("مغاربة دبي", "Moroccans in Dubai"),
        ("شبكة الكفاءات في الإمارات.", "The skills network in the Emirates."),
    ),
}


def _label(slug):
    fr, ar, en = LABELS[slug]
    label, _created = Label.objects.get_or_create(
        slug=slug, defaults={"name_fr": fr, "name_ar": ar, "name_en": en}
    )
    return label


def _charter(slug, titles, texts):
    charter, _created = Charter.objects.get_or_create(
        slug=slug, defaults={"title_fr": titles[0], "title_ar": titles[1], "title_en": titles[2]}
    )
    CharterVersion.objects.get_or_create(
        charter=charter,
        version="1.0",
        defaults={
            "text_fr": texts[0],
            "text_ar": texts[1],
            "text_en": texts[2],
            "published_at": timezone.now(),
        },
    )
    return charter


def _space(slug, names, descriptions, labels, charter):
    space, created = Space.objects.get_or_create(
        slug=slug,
        defaults={
            "name_fr": names[0],
            "name_ar": names[1],
            "name_en": names[2],
            "description_fr": descriptions[0],
            "description_ar": descriptions[1],
            "description_en": descriptions[2],
            "label_mode": Space.Mode.ANY_OF,
            "charter": charter,
        },
    )
    if created:
        space.required_labels.set(labels)
    return space


def _team_account():
    user, created = get_user_model().objects.get_or_create(
        email="animation@kafaat.example", defaults={"first_name": "Équipe", "last_name": "Kafaat"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def seed_spaces_and_groups():
    """10 groups, 2 gated spaces with their charters, the labels they need, a few posts. Idempotent."""
    team = _team_account()
    investor_charter = _charter(
        "investor-club",
        ("Charte du Club des investisseurs", "ميثاق نادي المستثمرين", "Investor club charter"),
        INVESTOR_CHARTER,
    )
    relay_charter = _charter(
        "consular-relays",
        ("Charte des relais consulaires", "ميثاق المنسقين القنصليين", "Consular relays charter"),
        RELAY_CHARTER,
    )
    investors = _space(
        "investor-club",
        ("Club des investisseurs", "نادي المستثمرين", "Investor club"),
        (
            "Porteurs de projet accompagnés et compétences vérifiées y partagent opportunités "
            "et tours de table.",
            "فضاء يتقاسم فيه حاملو المشاريع المواكَبون والكفاءات الموثقة فرص الاستثمار وجولات التمويل.",
            "Accompanied project holders and verified competences share opportunities and funding rounds.",
        ),
        [_label("accompanied-project-holder"), _label("verified-competence")],
        investor_charter,
    )
    relays = _space(
        "consular-relays",
        ("Relais consulaires", "المنسقون القنصليون", "Consular relays"),
        (
            "L'espace de travail des relais des consulats et des organismes partenaires.",
            "فضاء العمل الخاص بمنسقي القنصليات والهيئات الشريكة.",
            "The workspace of the consulates' and partner bodies' relays.",
        ),
        [_label("consular-relay")],
        relay_charter,
    )
    for space, title, body in [
        (
            investors,
            "Tour de table : unité de valorisation d'argan à Agadir",
            "Un projet accompagné recherche 2 M MAD pour une unité de transformation. "
            "Dossier disponible dans les documents.",
        ),
        (
            investors,
            "Rencontre investisseurs à Casablanca en juin",
            "Réunion des membres du club avec les centres régionaux d'investissement.",
        ),
        (
            relays,
            "Permanences d'été dans les consulats",
            "Merci d'indiquer vos créneaux de permanence pour l'opération Marhaba.",
        ),
    ]:
        Post.objects.get_or_create(space=space, title=title, defaults={"body": body, "author": team})

    for slug, kind, name, sector, country, city, description in GROUPS:
        (name_ar, name_en), (description_ar, description_en) = GROUP_TRANSLATIONS[slug]
        translations = {
            "name_fr": name,
            "name_ar": name_ar,
            "name_en": name_en,
            "description_fr": description,
            "description_ar": description_ar,
            "description_en": description_en,
        }
        group, created = CommunityGroup.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "name": name,
                "sector": sector,
                "country": country,
                "city": city,
                "description": description,
                "created_by": team,
                **translations,
            },
        )
        missing = [field for field, value in translations.items() if not getattr(group, field)]
        if missing:  # a demo seeded before groups had translations
            for field in missing:
                setattr(group, field, translations[field])
            group.save(update_fields=missing)
        Membership.objects.get_or_create(
            user=team,
            group=group,
            defaults={"role": Membership.Role.OWNER, "status": Membership.Status.ACTIVE},
        )
        if created:
            Post.objects.create(
                group=group,
                author=team,
                title=f"Bienvenue dans « {name} »",
                body="Présentez-vous et partagez vos projets avec le réseau.",
            )
    return {
        "spaces": [investors, relays],
        "groups": CommunityGroup.objects.filter(slug__in=[g[0] for g in GROUPS]),
    }

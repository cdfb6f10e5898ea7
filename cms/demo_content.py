# Prose: a few sentences run past the line length rather than being cut mid-phrase.
# ruff: noqa: E501
"""Demo content for the public site, written in French (the source language), Arabic and English.

Each page is a dict of field values per language. ``seed_cms_content`` (cms.demo) creates the French page
and turns the other languages into translations of it. StreamField values use Wagtail's raw JSON form.

The translations become wagtail-localize translations, string for string: give a translated field the
same shape as the French one (the same blocks in the same order, the same number of paragraphs and list
items in rich text). A field shaped differently is left for translators to translate again.
"""

from html import escape

# Slugs of the French (source) pages that other code or the seeding needs to find again.
PROGRAMMES_SLUG = "programmes"
SERVICES_SLUG = "services"
NEWS_SLUG = "actualites"
FAQ_SLUG = "questions-frequentes"
ABOUT_SLUG = "a-propos"
# The same slug in every language: the privacy app links to /<lang>/privacy-notice/
# (settings.PRIVACY_NOTICE_URL_PATH) from the sign-up form and the account pages.
PRIVACY_SLUG = "privacy-notice"


def rich(*paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def bullets(*items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def paragraphs(*texts):
    return [{"type": "paragraph", "value": rich(text)} for text in texts]


def heading(text):
    return [{"type": "heading", "value": text}]


def quote(text, attribution=""):
    return [{"type": "quote", "value": {"quote": text, "attribution": attribution}}]


def steps(*pairs):
    return [{"type": "step", "value": {"title": title, "description": rich(text)}} for title, text in pairs]


def documents(*pairs):
    return [{"type": "document", "value": {"name": name, "note": note}} for name, note in pairs]


def questions(*pairs):
    return [{"type": "question", "value": {"question": q, "answer": rich(a)}} for q, a in pairs]


HOME = {
    "slug": "accueil",
    "fr": {
        "title": "Bienvenue sur Kafaat",
        "hero_lead": "La plateforme qui mobilise les compétences des Marocains du monde et accompagne "
        "les porteurs de projets de la diaspora.",
        "intro": rich(
            "Vous vivez à l'étranger et vous souhaitez mettre votre expérience au service du Maroc, "
            "investir ou créer une entreprise ? Kafaat réunit les programmes publics, les services "
            "consulaires et un réseau de relais pour vous orienter à chaque étape."
        ),
    },
    "ar": {
        "title": "مرحبا بكم في كفاءات",
        "hero_lead": "المنصة التي تعبئ كفاءات مغاربة العالم وتواكب حاملي المشاريع من الجالية المغربية "
        "المقيمة بالخارج.",
        "intro": rich(
            "هل تقيمون بالخارج وترغبون في وضع خبرتكم في خدمة المغرب أو الاستثمار أو إحداث مقاولة؟ "
            "تجمع كفاءات البرامج العمومية والخدمات القنصلية وشبكة من المخاطَبين لتوجيهكم في كل مرحلة."
        ),
    },
    "en": {
        "title": "Welcome to Kafaat",
        "hero_lead": "The platform that mobilises the skills of Moroccans around the world and supports "
        "diaspora project holders.",
        "intro": rich(
            "Do you live abroad and want to put your experience to work for Morocco, invest or start a "
            "business? Kafaat brings together public programmes, consular services and a network of "
            "relays to guide you at every step."
        ),
    },
}

PROGRAMME_INDEX = {
    "slug": PROGRAMMES_SLUG,
    "fr": {
        "title": "Programmes",
        "intro": rich(
            "Les programmes publics ouverts aux Marocains résidant à l'étranger : création d'entreprise, "
            "investissement, missions d'expertise et mentorat."
        ),
    },
    "ar": {
        "title": "البرامج",
        "intro": rich(
            "البرامج العمومية المفتوحة في وجه المغاربة المقيمين بالخارج: إحداث المقاولات والاستثمار "
            "ومهام الخبرة والإرشاد."
        ),
    },
    "en": {
        "title": "Programmes",
        "slug": "programmes",
        "intro": rich(
            "Public programmes open to Moroccans living abroad: business creation, investment, "
            "expertise missions and mentoring."
        ),
    },
}

PROGRAMMES = [
    {
        "slug": "creation-entreprise",
        "sectors": ["industry", "digital", "agriculture", "tourism"],
        "countries": ["FR", "ES", "IT", "BE", "NL", "DE"],
        "related": ["incitations-investissement"],
        "shared": {
            "partner_url": "https://www.marocpme.gov.ma/",
            "contact_email": "creation@kafaat.example",
            "contact_phone": "+212 537 00 00 01",
        },
        "fr": {
            "title": "Appui à la création d'entreprise",
            "summary": "Un accompagnement de bout en bout pour les Marocains du monde qui créent leur "
            "entreprise au Maroc : étude du projet, formalités, financement et suivi après le lancement.",
            "eligibility": rich(
                "Tout Marocain résidant à l'étranger, ou de retour depuis moins de trois ans, porteur d'un "
                "projet de création d'entreprise au Maroc, quel que soit son secteur."
            ),
            "benefits": bullets(
                "Un conseiller dédié pendant toute la durée du projet",
                "Une aide à la rédaction du plan d'affaires",
                "Une mise en relation avec les banques et les fonds de garantie",
                "Un suivi pendant les deux premières années d'activité",
            ),
            "how_to_apply": rich(
                "Créez votre compte sur Kafaat, décrivez votre projet dans votre espace porteur de projet, "
                "puis demandez un rendez-vous avec un conseiller. Vous recevrez une réponse sous dix jours "
                "ouvrés."
            ),
            "partner_name": "Maroc PME",
        },
        "ar": {
            "title": "دعم إحداث المقاولات",
            "summary": "مواكبة شاملة لمغاربة العالم الذين يُحدثون مقاولتهم بالمغرب: دراسة المشروع "
            "والإجراءات الإدارية والتمويل والتتبع بعد الانطلاق.",
            "eligibility": rich(
                "كل مغربي مقيم بالخارج، أو عائد منذ أقل من ثلاث سنوات، يحمل مشروعا لإحداث مقاولة بالمغرب، "
                "أيا كان قطاع نشاطها."
            ),
            "benefits": bullets(
                "مستشار مخصص طوال مدة المشروع",
                "مساعدة في إعداد مخطط الأعمال",
                "ربط الصلة بالأبناك وصناديق الضمان",
                "تتبع خلال السنتين الأوليين من النشاط",
            ),
            "how_to_apply": rich(
                "أنشئوا حسابكم على كفاءات، وصِفوا مشروعكم في فضاء حامل المشروع، ثم اطلبوا موعدا مع مستشار. "
                "ستتوصلون بالجواب في أجل عشرة أيام عمل."
            ),
            "partner_name": "Maroc PME",
        },
        "en": {
            "title": "Business creation support",
            "slug": "business-creation",
            "summary": "End-to-end support for Moroccans abroad who start a business in Morocco: project "
            "review, formalities, financing and follow-up after launch.",
            "eligibility": rich(
                "Any Moroccan living abroad, or who returned less than three years ago, with a plan to "
                "create a business in Morocco, in any sector."
            ),
            "benefits": bullets(
                "A dedicated adviser for the whole project",
                "Help writing the business plan",
                "Introductions to banks and guarantee funds",
                "Follow-up during the first two years of activity",
            ),
            "how_to_apply": rich(
                "Create your Kafaat account, describe your project in your project holder space, then ask "
                "for an appointment with an adviser. You will get an answer within ten working days."
            ),
            "partner_name": "Maroc PME",
        },
    },
    {
        "slug": "missions-expertise",
        "sectors": ["health", "education", "research", "digital"],
        "countries": ["FR", "BE", "DE", "GB", "NL", "CA", "US"],
        "related": ["mentorat-jeunes-diplomes"],
        "shared": {
            "partner_url": "https://marocainsdumonde.gov.ma/",
            "contact_email": "expertise@kafaat.example",
            "contact_phone": "+212 537 00 00 02",
        },
        "fr": {
            "title": "Missions d'expertise de la diaspora",
            "summary": "Des missions courtes, d'une à quatre semaines, pour mettre votre expertise au service "
            "d'hôpitaux, d'universités, de collectivités et d'administrations marocaines.",
            "eligibility": rich(
                "Professionnels marocains établis à l'étranger justifiant d'au moins cinq ans d'expérience "
                "dans leur domaine : médecins, ingénieurs, chercheurs, juristes, spécialistes du numérique."
            ),
            "benefits": bullets(
                "Prise en charge du voyage et du séjour pendant la mission",
                "Une convention signée avec l'établissement d'accueil",
                "Une attestation de mission délivrée par le ministère",
            ),
            "how_to_apply": rich(
                "Publiez votre profil de compétences sur Kafaat et indiquez votre disponibilité pour des "
                "missions. Les établissements vous contactent via la messagerie de la plateforme."
            ),
            "partner_name": "Ministère chargé des Marocains résidant à l'étranger",
        },
        "ar": {
            "title": "مهام الخبرة لكفاءات الجالية",
            "summary": "مهام قصيرة، من أسبوع إلى أربعة أسابيع، لوضع خبرتكم في خدمة المستشفيات والجامعات "
            "والجماعات الترابية والإدارات المغربية.",
            "eligibility": rich(
                "المهنيون المغاربة المقيمون بالخارج الذين راكموا خبرة لا تقل عن خمس سنوات في مجالهم: "
                "أطباء ومهندسون وباحثون وقانونيون ومتخصصون في المجال الرقمي."
            ),
            "benefits": bullets(
                "التكفل بمصاريف السفر والإقامة خلال المهمة",
                "اتفاقية موقعة مع المؤسسة المستقبِلة",
                "شهادة مهمة تسلمها الوزارة",
            ),
            "how_to_apply": rich(
                "انشروا ملف كفاءاتكم على منصة كفاءات وحددوا مدى استعدادكم للمهام. تتواصل معكم المؤسسات "
                "عبر نظام المراسلة في المنصة."
            ),
            "partner_name": "الوزارة المكلفة بالمغاربة المقيمين بالخارج",
        },
        "en": {
            "title": "Diaspora expertise missions",
            "slug": "expertise-missions",
            "summary": "Short missions, from one to four weeks, putting your expertise to work for Moroccan "
            "hospitals, universities, local authorities and public administrations.",
            "eligibility": rich(
                "Moroccan professionals settled abroad with at least five years of experience in their "
                "field: doctors, engineers, researchers, lawyers, digital specialists."
            ),
            "benefits": bullets(
                "Travel and accommodation covered during the mission",
                "An agreement signed with the host institution",
                "A mission certificate issued by the ministry",
            ),
            "how_to_apply": rich(
                "Publish your skills profile on Kafaat and say when you are available for missions. "
                "Institutions contact you through the platform's messaging."
            ),
            "partner_name": "Ministry in charge of Moroccans living abroad",
        },
    },
    {
        "slug": "incitations-investissement",
        "sectors": ["industry", "renewable-energy", "tourism", "agriculture", "finance"],
        "countries": ["FR", "ES", "IT", "BE", "NL", "DE", "AE", "SA", "CA", "US"],
        "related": ["creation-entreprise"],
        "shared": {
            "partner_url": "https://www.amdie.gov.ma/",
            "contact_email": "investir@kafaat.example",
            "contact_phone": "+212 537 00 00 03",
        },
        "fr": {
            "title": "Incitations à l'investissement des MRE",
            "summary": "Primes à l'investissement, accompagnement foncier et guichet dédié pour les "
            "Marocains du monde qui investissent dans les régions du Royaume.",
            "eligibility": rich(
                "Projets d'investissement portés par des Marocains résidant à l'étranger, seuls ou associés, "
                "dans les secteurs éligibles de la charte de l'investissement."
            ),
            "benefits": bullets(
                "Des primes à l'investissement selon le secteur et la région",
                "Une aide à l'identification du foncier",
                "Un interlocuteur unique pour les autorisations",
            ),
            "how_to_apply": rich(
                "Déposez une fiche projet sur Kafaat. Le guichet des investisseurs MRE l'étudie avec le "
                "centre régional d'investissement concerné et vous propose un rendez-vous."
            ),
            "partner_name": "Agence marocaine de développement des investissements et des exportations (AMDIE)",
        },
        "ar": {
            "title": "حوافز الاستثمار لفائدة مغاربة العالم",
            "summary": "منح للاستثمار ومواكبة في الحصول على العقار وشباك مخصص لمغاربة العالم الذين "
            "يستثمرون في جهات المملكة.",
            "eligibility": rich(
                "مشاريع الاستثمار التي يحملها مغاربة مقيمون بالخارج، فرادى أو شركاء، في القطاعات المؤهلة "
                "وفق ميثاق الاستثمار."
            ),
            "benefits": bullets(
                "منح للاستثمار حسب القطاع والجهة",
                "مساعدة في تحديد العقار المناسب",
                "مخاطَب وحيد للحصول على التراخيص",
            ),
            "how_to_apply": rich(
                "أودعوا بطاقة المشروع على منصة كفاءات. يدرسها شباك المستثمرين من مغاربة العالم مع المركز "
                "الجهوي للاستثمار المعني ويقترح عليكم موعدا."
            ),
            "partner_name": "الوكالة المغربية لتنمية الاستثمارات والصادرات",
        },
        "en": {
            "title": "Investment incentives for Moroccans abroad",
            "slug": "investment-incentives",
            "summary": "Investment grants, help finding land and a dedicated desk for Moroccans abroad who "
            "invest in the regions of the Kingdom.",
            "eligibility": rich(
                "Investment projects led by Moroccans living abroad, alone or with partners, in the sectors "
                "covered by the investment charter."
            ),
            "benefits": bullets(
                "Investment grants depending on sector and region",
                "Help identifying suitable land",
                "A single contact for permits",
            ),
            "how_to_apply": rich(
                "Submit a project sheet on Kafaat. The diaspora investors desk reviews it with the relevant "
                "regional investment centre and offers you an appointment."
            ),
            "partner_name": "Moroccan Investment and Export Development Agency (AMDIE)",
        },
    },
    {
        "slug": "mentorat-jeunes-diplomes",
        "sectors": ["digital", "finance", "education", "health"],
        "countries": ["FR", "ES", "IT", "BE", "NL", "DE", "GB", "CA", "US", "AE"],
        "related": ["missions-expertise"],
        "shared": {
            "partner_url": "https://www.anapec.org/",
            "contact_email": "mentorat@kafaat.example",
            "contact_phone": "+212 537 00 00 04",
        },
        "fr": {
            "title": "Mentorat pour jeunes diplômés",
            "summary": "Des professionnels de la diaspora accompagnent pendant six mois de jeunes diplômés "
            "marocains dans leur insertion professionnelle.",
            "eligibility": rich(
                "Mentors : professionnels établis à l'étranger avec au moins huit ans d'expérience. "
                "Mentorés : diplômés de moins de trente ans, au Maroc ou à l'étranger."
            ),
            "benefits": bullets(
                "Un entretien mensuel avec votre mentor, en ligne ou en présentiel",
                "Des ateliers collectifs sur la recherche d'emploi",
                "L'accès au réseau professionnel de la diaspora",
            ),
            "how_to_apply": rich(
                "Inscrivez-vous sur Kafaat comme mentor ou comme mentoré. Les binômes sont formés chaque "
                "trimestre selon le secteur et les objectifs de chacun."
            ),
            "partner_name": "ANAPEC",
        },
        "ar": {
            "title": "الإرشاد المهني لفائدة الشباب حاملي الشهادات",
            "summary": "مهنيون من الجالية يواكبون لمدة ستة أشهر شبابا مغاربة حاملين للشهادات في اندماجهم "
            "المهني.",
            "eligibility": rich(
                "المرشدون: مهنيون مقيمون بالخارج لهم خبرة لا تقل عن ثماني سنوات. المستفيدون: حاملو "
                "الشهادات الذين تقل أعمارهم عن ثلاثين سنة، بالمغرب أو بالخارج."
            ),
            "benefits": bullets(
                "لقاء شهري مع المرشد، عن بعد أو حضوريا",
                "ورشات جماعية حول البحث عن الشغل",
                "الولوج إلى الشبكة المهنية للجالية",
            ),
            "how_to_apply": rich(
                "سجلوا على منصة كفاءات بصفة مرشد أو مستفيد. تُكوَّن الثنائيات كل ثلاثة أشهر حسب القطاع "
                "وأهداف كل طرف."
            ),
            "partner_name": "الوكالة الوطنية لإنعاش التشغيل والكفاءات",
        },
        "en": {
            "title": "Mentoring for young graduates",
            "slug": "graduate-mentoring",
            "summary": "Diaspora professionals mentor young Moroccan graduates for six months as they enter "
            "working life.",
            "eligibility": rich(
                "Mentors: professionals settled abroad with at least eight years of experience. Mentees: "
                "graduates under thirty, in Morocco or abroad."
            ),
            "benefits": bullets(
                "A monthly meeting with your mentor, online or in person",
                "Group workshops on job hunting",
                "Access to the diaspora's professional network",
            ),
            "how_to_apply": rich(
                "Sign up on Kafaat as a mentor or as a mentee. Pairs are formed every quarter according to "
                "sector and goals."
            ),
            "partner_name": "ANAPEC",
        },
    },
]

SERVICE_INDEX = {
    "slug": SERVICES_SLUG,
    "fr": {
        "title": "Services",
        "intro": rich(
            "Les démarches consulaires et administratives les plus demandées par les Marocains du monde."
        ),
    },
    "ar": {
        "title": "الخدمات",
        "intro": rich("الإجراءات القنصلية والإدارية الأكثر طلبا من طرف مغاربة العالم."),
    },
    "en": {
        "title": "Services",
        "slug": "services",
        "intro": rich("The consular and administrative procedures Moroccans abroad ask for most."),
    },
}

SERVICES = [
    {
        "slug": "passeport-cnie",
        "shared": {"contact_email": "consulaire@kafaat.example", "contact_phone": "+212 537 00 00 10"},
        "fr": {
            "title": "Renouvellement du passeport et de la CNIE",
            "summary": "Renouveler votre passeport biométrique ou votre carte nationale d'identité "
            "électronique auprès du consulat de votre lieu de résidence.",
            "body": paragraphs(
                "Le passeport et la carte nationale d'identité électronique (CNIE) se renouvellent au "
                "consulat dont dépend votre adresse. La présence du demandeur est obligatoire pour la prise "
                "des empreintes digitales.",
                "Pensez à lancer la démarche plusieurs semaines avant un voyage : les délais varient selon "
                "les consulats et les périodes de l'année.",
            ),
            "steps": steps(
                ("Prendre rendez-vous", "Réservez un créneau sur le portail consulaire en ligne."),
                (
                    "Préparer le dossier",
                    "Rassemblez les pièces listées ci-dessous et remplissez le formulaire.",
                ),
                (
                    "Se présenter au consulat",
                    "Déposez le dossier et faites relever vos empreintes digitales.",
                ),
                ("Retirer le document", "Vous êtes prévenu par SMS lorsque le document est prêt."),
            ),
            "documents_needed": documents(
                ("Ancien passeport ou ancienne CNIE", "original"),
                ("Photos d'identité récentes", "fond blanc, format réglementaire"),
                ("Justificatif de résidence dans le pays d'accueil", "titre de séjour ou carte consulaire"),
                ("Timbre fiscal", "pour le passeport"),
            ),
        },
        "ar": {
            "title": "تجديد جواز السفر والبطاقة الوطنية للتعريف الإلكترونية",
            "summary": "تجديد جواز السفر البيومتري أو البطاقة الوطنية للتعريف الإلكترونية لدى قنصلية "
            "مكان إقامتكم.",
            "body": paragraphs(
                "يتم تجديد جواز السفر والبطاقة الوطنية للتعريف الإلكترونية لدى القنصلية التي يتبع لها "
                "عنوانكم. حضور صاحب الطلب إلزامي لأخذ البصمات.",
                "احرصوا على بدء الإجراء قبل السفر بعدة أسابيع، إذ تختلف الآجال حسب القنصليات وفترات السنة.",
            ),
            "steps": steps(
                ("حجز موعد", "احجزوا موعدا عبر البوابة القنصلية الإلكترونية."),
                ("إعداد الملف", "اجمعوا الوثائق المذكورة أدناه واملؤوا الاستمارة."),
                ("الحضور إلى القنصلية", "أودعوا الملف وقدموا بصماتكم."),
                ("سحب الوثيقة", "تتوصلون برسالة نصية عندما تكون الوثيقة جاهزة."),
            ),
            "documents_needed": documents(
                ("جواز السفر أو البطاقة الوطنية القديمة", "النسخة الأصلية"),
                ("صور شمسية حديثة", "بخلفية بيضاء ووفق المقاس المعتمد"),
                ("ما يثبت الإقامة في بلد الاستقبال", "سند الإقامة أو البطاقة القنصلية"),
                ("طابع جبائي", "بالنسبة لجواز السفر"),
            ),
        },
        "en": {
            "title": "Renewing your passport and national ID card",
            "slug": "passport-id-card",
            "summary": "Renew your biometric passport or electronic national identity card (CNIE) at the "
            "consulate for your place of residence.",
            "body": paragraphs(
                "Passports and electronic national identity cards (CNIE) are renewed at the consulate that "
                "covers your address. You must attend in person so that your fingerprints can be taken.",
                "Start well ahead of any trip: processing times vary between consulates and through the year.",
            ),
            "steps": steps(
                ("Book an appointment", "Choose a slot on the online consular portal."),
                ("Prepare your file", "Gather the documents listed below and fill in the form."),
                ("Go to the consulate", "Hand in your file and have your fingerprints taken."),
                ("Collect the document", "You get a text message when the document is ready."),
            ),
            "documents_needed": documents(
                ("Previous passport or ID card", "original"),
                ("Recent passport photos", "white background, regulation size"),
                ("Proof of residence in your host country", "residence permit or consular card"),
                ("Tax stamp", "for the passport"),
            ),
        },
    },
    {
        "slug": "etat-civil",
        "shared": {"contact_email": "etatcivil@kafaat.example", "contact_phone": "+212 537 00 00 11"},
        "fr": {
            "title": "Actes d'état civil",
            "summary": "Déclarer une naissance, un mariage ou un décès survenu à l'étranger et obtenir des "
            "copies d'actes d'état civil.",
            "body": paragraphs(
                "Les naissances, mariages et décès de Marocains survenus à l'étranger doivent être "
                "transcrits sur les registres de l'état civil marocain par le consulat compétent.",
                "Une fois l'acte transcrit, vous pouvez demander des copies intégrales ou des extraits à "
                "tout moment.",
            ),
            "steps": steps(
                ("Réunir les pièces", "Procurez-vous l'acte étranger et sa traduction si nécessaire."),
                ("Déposer la déclaration", "Présentez-vous au service d'état civil du consulat."),
                ("Recevoir l'acte transcrit", "Le consulat vous remet une copie de l'acte marocain."),
            ),
            "documents_needed": documents(
                ("Acte étranger de naissance, de mariage ou de décès", "copie intégrale récente"),
                ("Livret de famille", "s'il existe"),
                ("Pièce d'identité du déclarant", "CNIE ou passeport"),
            ),
        },
        "ar": {
            "title": "وثائق الحالة المدنية",
            "summary": "التصريح بولادة أو زواج أو وفاة وقعت بالخارج والحصول على نسخ من رسوم الحالة المدنية.",
            "body": paragraphs(
                "يجب تضمين الولادات والزيجات والوفيات الخاصة بالمغاربة والواقعة بالخارج في سجلات الحالة "
                "المدنية المغربية من طرف القنصلية المختصة.",
                "بعد تضمين الرسم، يمكنكم طلب نسخ كاملة أو موجزة منه في أي وقت.",
            ),
            "steps": steps(
                ("جمع الوثائق", "احصلوا على الرسم الأجنبي وترجمته عند الاقتضاء."),
                ("إيداع التصريح", "توجهوا إلى مصلحة الحالة المدنية بالقنصلية."),
                ("تسلم الرسم المضمَّن", "تسلمكم القنصلية نسخة من الرسم المغربي."),
            ),
            "documents_needed": documents(
                ("الرسم الأجنبي للولادة أو الزواج أو الوفاة", "نسخة كاملة حديثة"),
                ("الدفتر العائلي", "إن وجد"),
                ("وثيقة هوية المصرِّح", "البطاقة الوطنية أو جواز السفر"),
            ),
        },
        "en": {
            "title": "Civil registration",
            "slug": "civil-registration",
            "summary": "Register a birth, marriage or death that took place abroad and obtain copies of "
            "civil status records.",
            "body": paragraphs(
                "Births, marriages and deaths of Moroccans that take place abroad must be entered in the "
                "Moroccan civil register by the competent consulate.",
                "Once the record is entered, you can ask for full copies or extracts at any time.",
            ),
            "steps": steps(
                ("Gather the documents", "Obtain the foreign certificate and its translation if needed."),
                ("File the declaration", "Go to the civil registration desk of the consulate."),
                ("Receive the Moroccan record", "The consulate gives you a copy of the Moroccan record."),
            ),
            "documents_needed": documents(
                ("Foreign birth, marriage or death certificate", "recent full copy"),
                ("Family record book", "if you have one"),
                ("Identity document of the person declaring", "ID card or passport"),
            ),
        },
    },
    {
        "slug": "guichet-investisseurs",
        "shared": {"contact_email": "guichet@kafaat.example", "contact_phone": "+212 537 00 00 12"},
        "fr": {
            "title": "Guichet d'accompagnement des investisseurs MRE",
            "summary": "Un guichet unique qui oriente les investisseurs de la diaspora, suit leurs dossiers "
            "et les met en relation avec les centres régionaux d'investissement.",
            "body": paragraphs(
                "Le guichet reçoit les investisseurs sur rendez-vous, en ligne ou dans les consulats lors "
                "des permanences. Il vérifie l'état d'avancement de vos démarches et intervient en cas de "
                "blocage administratif.",
            )
            + quote(
                "Le guichet m'a évité des mois d'allers-retours entre Lyon et Agadir.",
                "Karim, porteur d'un projet agro-alimentaire",
            ),
            "steps": steps(
                ("Décrire votre projet", "Remplissez la fiche projet dans votre espace Kafaat."),
                ("Entretien d'orientation", "Un conseiller vous appelle pour préciser vos besoins."),
                ("Suivi du dossier", "Vous suivez chaque étape et échangez avec votre conseiller en ligne."),
            ),
            "documents_needed": documents(
                ("Pièce d'identité marocaine", "CNIE ou passeport"),
                ("Présentation du projet", "deux pages suffisent"),
            ),
        },
        "ar": {
            "title": "شباك مواكبة المستثمرين من مغاربة العالم",
            "summary": "شباك وحيد يوجه مستثمري الجالية ويتتبع ملفاتهم ويربط الصلة بينهم وبين المراكز "
            "الجهوية للاستثمار.",
            "body": paragraphs(
                "يستقبل الشباك المستثمرين بموعد مسبق، عن بعد أو في القنصليات خلال الدوريات. ويتحقق من "
                "تقدم إجراءاتكم ويتدخل في حالة وجود عرقلة إدارية.",
            )
            + quote(
                "جنّبني الشباك شهورا من الذهاب والإياب بين ليون وأكادير.",
                "كريم، حامل مشروع في الصناعة الغذائية",
            ),
            "steps": steps(
                ("وصف مشروعكم", "املؤوا بطاقة المشروع في فضائكم على كفاءات."),
                ("مقابلة التوجيه", "يتصل بكم مستشار لتدقيق حاجياتكم."),
                ("تتبع الملف", "تتابعون كل مرحلة وتتواصلون مع مستشاركم عبر الإنترنت."),
            ),
            "documents_needed": documents(
                ("وثيقة هوية مغربية", "البطاقة الوطنية أو جواز السفر"),
                ("تقديم المشروع", "تكفي صفحتان"),
            ),
        },
        "en": {
            "title": "Diaspora investors support desk",
            "slug": "investors-desk",
            "summary": "A one-stop desk that guides diaspora investors, follows their files and connects them "
            "with the regional investment centres.",
            "body": paragraphs(
                "The desk sees investors by appointment, online or at consulates during its visits. It "
                "checks how your procedures are progressing and steps in when an administrative file is stuck.",
            )
            + quote(
                "The desk saved me months of back and forth between Lyon and Agadir.",
                "Karim, food-processing project holder",
            ),
            "steps": steps(
                ("Describe your project", "Fill in the project sheet in your Kafaat space."),
                ("Guidance interview", "An adviser calls you to clarify what you need."),
                ("File follow-up", "You follow every step and talk to your adviser online."),
            ),
            "documents_needed": documents(
                ("Moroccan identity document", "ID card or passport"),
                ("Project outline", "two pages are enough"),
            ),
        },
    },
]

NEWS_INDEX = {
    "slug": NEWS_SLUG,
    "fr": {
        "title": "Actualités",
        "intro": rich("Les nouvelles de Kafaat et des programmes pour la diaspora."),
    },
    "ar": {"title": "المستجدات", "intro": rich("أخبار كفاءات والبرامج الموجهة للجالية.")},
    "en": {
        "title": "News",
        "slug": "news",
        "intro": rich("News from Kafaat and the programmes for the diaspora."),
    },
}

# days_ago: how old the article is when the demo is first seeded.
NEWS = [
    {
        "slug": "lancement-kafaat",
        "days_ago": 40,
        "fr": {
            "title": "Kafaat ouvre ses portes aux compétences de la diaspora",
            "intro": "La plateforme réunit désormais en un seul endroit les programmes, les services et le "
            "réseau des relais consulaires.",
            "body": paragraphs(
                "Kafaat permet aux Marocains du monde de publier un profil de compétences, de rejoindre des "
                "réseaux thématiques et d'être accompagnés dans leurs projets au Maroc.",
                "Les consulats et les partenaires publics y relaient leurs appels et leurs rencontres.",
            ),
        },
        "ar": {
            "title": "كفاءات تفتح أبوابها أمام كفاءات الجالية",
            "intro": "تجمع المنصة من الآن في مكان واحد البرامج والخدمات وشبكة المخاطَبين القنصليين.",
            "body": paragraphs(
                "تتيح كفاءات لمغاربة العالم نشر ملف كفاءاتهم والانضمام إلى شبكات موضوعاتية والاستفادة من "
                "المواكبة في مشاريعهم بالمغرب.",
                "وتنشر القنصليات والشركاء العموميون عبرها إعلاناتهم ولقاءاتهم.",
            ),
        },
        "en": {
            "title": "Kafaat opens its doors to diaspora talent",
            "slug": "kafaat-launch",
            "intro": "The platform now brings programmes, services and the network of consular relays "
            "together in one place.",
            "body": paragraphs(
                "Kafaat lets Moroccans around the world publish a skills profile, join thematic networks "
                "and get support for their projects in Morocco.",
                "Consulates and public partners use it to share their calls and their meetups.",
            ),
        },
    },
    {
        "slug": "appel-missions-hopitaux",
        "days_ago": 20,
        "fr": {
            "title": "Appel à candidatures : missions d'expertise dans les hôpitaux universitaires",
            "intro": "Les centres hospitaliers universitaires recherchent des médecins et des ingénieurs "
            "biomédicaux de la diaspora pour des missions de deux semaines.",
            "body": heading("Qui peut candidater ?")
            + paragraphs(
                "Les praticiens et ingénieurs établis à l'étranger avec au moins cinq ans d'expérience. "
                "Les candidatures se font depuis votre profil Kafaat.",
            ),
        },
        "ar": {
            "title": "إعلان عن ترشيحات: مهام خبرة في المراكز الاستشفائية الجامعية",
            "intro": "تبحث المراكز الاستشفائية الجامعية عن أطباء ومهندسين في المجال البيوطبي من الجالية "
            "لمهام مدتها أسبوعان.",
            "body": heading("من يمكنه الترشح؟")
            + paragraphs(
                "الممارسون والمهندسون المقيمون بالخارج الذين لهم خبرة لا تقل عن خمس سنوات. يتم الترشح من "
                "ملفكم على منصة كفاءات.",
            ),
        },
        "en": {
            "title": "Call for applications: expertise missions in university hospitals",
            "slug": "call-hospital-missions",
            "intro": "University hospitals are looking for diaspora doctors and biomedical engineers for "
            "two-week missions.",
            "body": heading("Who can apply?")
            + paragraphs(
                "Practitioners and engineers settled abroad with at least five years of experience. Apply "
                "from your Kafaat profile.",
            ),
        },
    },
    {
        # Deliberately left without an English translation: from /en/ the language switcher shows the
        # "not translated yet" page for this article.
        "slug": "rencontre-porteurs-projets-bruxelles",
        "days_ago": 5,
        "fr": {
            "title": "Rencontre des porteurs de projets MRE à Bruxelles",
            "intro": "Plus de cent porteurs de projets de Belgique et des Pays-Bas ont rencontré les "
            "centres régionaux d'investissement.",
            "body": paragraphs(
                "Organisée avec le consulat général, la rencontre a permis de présenter les incitations à "
                "l'investissement et d'organiser des entretiens individuels avec les conseillers.",
            ),
        },
        "ar": {
            "title": "لقاء حاملي المشاريع من مغاربة العالم في بروكسيل",
            "intro": "التقى أزيد من مائة حامل مشروع من بلجيكا وهولندا بممثلي المراكز الجهوية للاستثمار.",
            "body": paragraphs(
                "مكّن هذا اللقاء، المنظم بتعاون مع القنصلية العامة، من تقديم حوافز الاستثمار وتنظيم مقابلات "
                "فردية مع المستشارين.",
            ),
        },
    },
]

FAQ = {
    "slug": FAQ_SLUG,
    "fr": {
        "title": "Questions fréquentes",
        "intro": rich("Les réponses aux questions que les Marocains du monde nous posent le plus souvent."),
        "questions": questions(
            (
                "Qui peut s'inscrire sur Kafaat ?",
                "Toute personne de nationalité marocaine résidant à l'étranger, ainsi que les Marocains "
                "revenus au pays depuis moins de trois ans.",
            ),
            (
                "L'inscription est-elle gratuite ?",
                "Oui. L'inscription et tous les services de Kafaat sont gratuits.",
            ),
            (
                "Comment mes données personnelles sont-elles protégées ?",
                "Vos données sont traitées conformément à la loi 09-08 et, si vous vivez dans l'Union "
                "européenne, au RGPD. Vous choisissez ce que vous partagez et pouvez retirer votre "
                "consentement à tout moment.",
            ),
            (
                "Je vis hors d'Europe, puis-je participer aux missions d'expertise ?",
                "Oui. Les missions sont ouvertes aux compétences de tous les pays de résidence.",
            ),
            (
                "Comment être accompagné pour mon projet d'investissement ?",
                "Décrivez votre projet dans votre espace, puis prenez rendez-vous avec le guichet "
                "d'accompagnement des investisseurs.",
            ),
            (
                "Dans quelles langues la plateforme est-elle disponible ?",
                "En français, en arabe et en anglais. Certaines pages peuvent ne pas encore être traduites.",
            ),
        ),
    },
    "ar": {
        "title": "أسئلة شائعة",
        "intro": rich("أجوبة عن الأسئلة التي يطرحها علينا مغاربة العالم في أغلب الأحيان."),
        "questions": questions(
            (
                "من يمكنه التسجيل في كفاءات؟",
                "كل شخص يحمل الجنسية المغربية ويقيم بالخارج، وكذا المغاربة العائدون إلى الوطن منذ أقل من "
                "ثلاث سنوات.",
            ),
            ("هل التسجيل مجاني؟", "نعم. التسجيل وجميع خدمات كفاءات مجانية."),
            (
                "كيف تتم حماية معطياتي الشخصية؟",
                "تتم معالجة معطياتكم طبقا للقانون 09-08، وللنظام الأوروبي العام لحماية البيانات إذا كنتم "
                "تقيمون في الاتحاد الأوروبي. أنتم من تختارون ما تشاركونه ويمكنكم سحب موافقتكم في أي وقت.",
            ),
            (
                "أقيم خارج أوروبا، هل يمكنني المشاركة في مهام الخبرة؟",
                "نعم. المهام مفتوحة أمام الكفاءات من جميع بلدان الإقامة.",
            ),
            (
                "كيف أستفيد من المواكبة في مشروعي الاستثماري؟",
                "صِفوا مشروعكم في فضائكم، ثم احجزوا موعدا مع شباك مواكبة المستثمرين.",
            ),
            (
                "ما هي اللغات المتاحة على المنصة؟",
                "العربية والفرنسية والإنجليزية. قد لا تكون بعض الصفحات مترجمة بعد.",
            ),
        ),
    },
    "en": {
        "title": "Frequently asked questions",
        "slug": "faq",
        "intro": rich("Answers to the questions Moroccans around the world ask us most often."),
        "questions": questions(
            (
                "Who can sign up to Kafaat?",
                "Anyone of Moroccan nationality living abroad, and Moroccans who came back less than three "
                "years ago.",
            ),
            ("Is signing up free?", "Yes. Signing up and every Kafaat service are free of charge."),
            (
                "How is my personal data protected?",
                "Your data is processed under law 09-08 and, if you live in the European Union, the GDPR. "
                "You choose what you share and can withdraw your consent at any time.",
            ),
            (
                "I live outside Europe. Can I take part in expertise missions?",
                "Yes. Missions are open to professionals from every country of residence.",
            ),
            (
                "How can I get support for my investment project?",
                "Describe your project in your space, then book an appointment with the investors support desk.",
            ),
            (
                "Which languages is the platform available in?",
                "French, Arabic and English. Some pages may not be translated yet.",
            ),
        ),
    },
}

ABOUT = {
    "slug": ABOUT_SLUG,
    "fr": {
        "title": "À propos de Kafaat",
        "intro": "Kafaat est la plateforme du ministère chargé des Marocains résidant à l'étranger pour "
        "mobiliser les compétences de la diaspora.",
        "body": paragraphs(
            "Plus de cinq millions de Marocains vivent à l'étranger. Leurs savoir-faire, leurs réseaux et leurs "
            "projets sont une chance pour le développement du pays.",
            "Kafaat relie ces compétences aux besoins des institutions, des régions et des entreprises "
            "marocaines, et accompagne les porteurs de projets de l'idée au lancement.",
        ),
    },
    "ar": {
        "title": "حول كفاءات",
        "intro": "كفاءات هي منصة الوزارة المكلفة بالمغاربة المقيمين بالخارج لتعبئة كفاءات الجالية.",
        "body": paragraphs(
            "يعيش أكثر من خمسة ملايين مغربي بالخارج. وتشكل خبراتهم وشبكاتهم ومشاريعهم فرصة لتنمية البلاد.",
            "تربط كفاءات بين هذه الكفاءات وحاجيات المؤسسات والجهات والمقاولات المغربية، وتواكب حاملي المشاريع "
            "من الفكرة إلى الانطلاق.",
        ),
    },
    "en": {
        "title": "About Kafaat",
        "slug": "about",
        "intro": "Kafaat is the platform of the ministry in charge of Moroccans living abroad for mobilising "
        "the skills of the diaspora.",
        "body": paragraphs(
            "More than five million Moroccans live abroad. Their know-how, networks and projects are an "
            "opportunity for the country's development.",
            "Kafaat connects these skills with the needs of Moroccan institutions, regions and companies, and "
            "supports project holders from idea to launch.",
        ),
    },
}

PRIVACY = {
    "slug": PRIVACY_SLUG,
    "fr": {
        "title": "Politique de confidentialité",
        "intro": "Comment Kafaat traite vos données personnelles et comment exercer vos droits.",
        "body": heading("Responsable du traitement")
        + paragraphs(
            "Le ministère chargé des Marocains résidant à l'étranger est responsable des traitements réalisés "
            "sur Kafaat. Ils sont déclarés auprès de la Commission nationale de contrôle de la protection des "
            "données à caractère personnel (CNDP), conformément à la loi 09-08."
        )
        + heading("Finalités et consentement")
        + paragraphs(
            "Nous traitons vos données pour gérer votre compte, vous accompagner dans vos projets et, avec "
            "votre accord donné finalité par finalité, vous faire apparaître dans l'annuaire, vous proposer "
            "des mises en relation et vous envoyer notre lettre d'information."
        )
        + heading("Vos droits")
        + paragraphs(
            "Vous disposez d'un droit d'accès, de rectification, d'opposition et d'effacement. Si vous résidez "
            "dans l'Union européenne, le RGPD s'applique également. Exercez vos droits depuis votre espace ou "
            "en écrivant à dpo@kafaat.example."
        ),
    },
    "ar": {
        "title": "سياسة الخصوصية",
        "intro": "كيف تعالج كفاءات معطياتكم الشخصية وكيف تمارسون حقوقكم.",
        "body": heading("المسؤول عن المعالجة")
        + paragraphs(
            "الوزارة المكلفة بالمغاربة المقيمين بالخارج هي المسؤولة عن المعالجات التي تتم على منصة كفاءات. "
            "وقد تم التصريح بها لدى اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي، طبقا للقانون 09-08."
        )
        + heading("الغايات والموافقة")
        + paragraphs(
            "نعالج معطياتكم لتدبير حسابكم ومواكبتكم في مشاريعكم، وبموافقتكم المعبَّر عنها لكل غاية على حدة، "
            "لإظهاركم في الدليل واقتراح فرص التواصل وإرسال نشرتنا الإخبارية."
        )
        + heading("حقوقكم")
        + paragraphs(
            "لكم الحق في الولوج والتصحيح والتعرض والمحو. وإذا كنتم تقيمون في الاتحاد الأوروبي، يطبَّق أيضا "
            "النظام الأوروبي العام لحماية البيانات. مارسوا حقوقكم من فضائكم أو بمراسلة dpo@kafaat.example."
        ),
    },
    "en": {
        "title": "Privacy notice",
        "intro": "How Kafaat processes your personal data and how to exercise your rights.",
        "body": heading("Data controller")
        + paragraphs(
            "The ministry in charge of Moroccans living abroad is the controller of the processing carried out "
            "on Kafaat. It is declared to the National Commission for the Protection of Personal Data (CNDP), "
            "as required by law 09-08."
        )
        + heading("Purposes and consent")
        + paragraphs(
            "We process your data to manage your account, to support your projects and, with your consent "
            "given purpose by purpose, to list you in the directory, suggest contacts and send you our "
            "newsletter."
        )
        + heading("Your rights")
        + paragraphs(
            "You have the right of access, rectification, objection and erasure. If you live in the European "
            "Union, the GDPR applies as well. Exercise your rights from your account or by writing to "
            "dpo@kafaat.example."
        ),
    },
}

# Navigation: (key, French source slug under the home page or an external address, label per language).
MENU = [
    ("programmes", PROGRAMMES_SLUG, {"fr": "Programmes", "ar": "البرامج", "en": "Programmes"}),
    ("services", SERVICES_SLUG, {"fr": "Services", "ar": "الخدمات", "en": "Services"}),
    ("news", NEWS_SLUG, {"fr": "Actualités", "ar": "المستجدات", "en": "News"}),
    ("faq", FAQ_SLUG, {"fr": "Questions fréquentes", "ar": "أسئلة شائعة", "en": "FAQ"}),
    ("about", ABOUT_SLUG, {"fr": "À propos", "ar": "حول كفاءات", "en": "About"}),
]

FOOTER = [
    ("about", ABOUT_SLUG, {"fr": "À propos", "ar": "حول كفاءات", "en": "About Kafaat"}),
    (
        "privacy",
        PRIVACY_SLUG,
        {"fr": "Politique de confidentialité", "ar": "سياسة الخصوصية", "en": "Privacy notice"},
    ),
    ("faq", FAQ_SLUG, {"fr": "Questions fréquentes", "ar": "أسئلة شائعة", "en": "FAQ"}),
    (
        "consular-portal",
        "https://www.consulat.ma/",
        {"fr": "Portail consulaire", "ar": "البوابة القنصلية", "en": "Consular portal"},
    ),
]

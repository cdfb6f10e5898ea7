"""Sentences of the generated articles, per language. ``{name}`` is the person as written, ``{occ}`` the
occupation, ``{emp}`` the employer, ``{city}``, ``{country}``; ``{other}`` another (unknown) person."""

LEADS = {
    "fr": [
        "Une belle nouvelle pour la diaspora marocaine de {city}.",
        "C'est une annonce remarquée à {city}.",
        "La communauté marocaine de {country} a de quoi se réjouir.",
    ],
    "en": [
        "Good news for the Moroccan diaspora in {city}.",
        "An announcement that drew attention in {city}.",
        "The Moroccan community in {country} has reason to celebrate.",
    ],
    "ar": [
        "خبر سار للجالية المغربية في {city}.",
        "إعلان لافت في مدينة {city}.",
        "الجالية المغربية في {country} تحتفي.",
    ],
}

DISTINCTION = {
    "award": {
        "fr": "{name}, {occ} chez {emp} à {city}, a reçu le {prize} pour l'ensemble de ses travaux.",
        "en": "{name}, a {occ} at {emp} in {city}, has won the {prize} for a decade of work.",
        "ar": "حصل {name}، {occ} في {emp} بمدينة {city}، على جائزة {prize} تقديرا لأعماله.",
    },
    "appointment": {
        "fr": "{name}, {occ} de {emp} à {city}, a été nommé à la tête du département de recherche.",
        "en": "{name}, a {occ} with {emp} in {city}, has been appointed head of its research department.",
        "ar": "تم تعيين {name}، {occ} في {emp} بمدينة {city}، رئيسا لقسم البحث.",
    },
    "research": {
        "fr": "{name}, {occ} chez {emp} à {city}, a publié dans la revue Nature une étude saluée par ses pairs.",
        "en": "{name}, a {occ} at {emp} in {city}, published in Nature a study that may change the field.",
        "ar": "نشرت في مجلة نيتشر دراسة أنجزها {name}، {occ} في {emp} بمدينة {city}، وهي اكتشاف مهم.",
    },
    "company": {
        "fr": "{name}, ancien {occ} de {emp}, a fondé à {city} la start-up {newco}.",
        "en": "{name}, a former {occ} at {emp}, founded the start-up {newco} in {city}.",
        "ar": "أسس {name}، {occ} سابق في {emp}، شركة ناشئة باسم {newco} في {city}.",
    },
    "funding": {
        "fr": "{name}, {occ} passé par {emp}, a levé 4 millions d'euros à {city} pour sa société {newco}.",
        "en": "{name}, a {occ} who worked at {emp}, raised 4 million dollars in {city} for {newco}.",
        "ar": "جمع {name}، {occ} عمل في {emp}، تمويلا بقيمة 4 ملايين يورو في {city} لشركته {newco}.",
    },
    "achievement": {
        "fr": "{name}, {occ} de {emp} établi à {city}, a remporté le titre national cette saison.",
        "en": "{name}, the {occ} of {emp} based in {city}, won the national title this season.",
        "ar": "فاز {name}، {occ} في {emp} المقيم في {city}، باللقب الوطني هذا الموسم.",
    },
}

INCIDENTAL = {
    "panel": {
        "fr": "Lors de la table ronde, {name}, {occ} chez {emp} à {city}, a déclaré que le secteur évolue vite.",
        "en": "At the panel, {name}, a {occ} at {emp} in {city}, said the sector was changing fast.",
        "ar": "وخلال الندوة، قال {name}، {occ} في {emp} بمدينة {city}، إن القطاع يتغير بسرعة.",
    },
    "jury": {
        "fr": "Le jury, présidé par {name}, {occ} chez {emp} à {city}, a décerné le prix à {other}.",
        "en": "The jury, chaired by {name}, a {occ} at {emp} in {city}, gave the award to {other}.",
        "ar": "وترأس لجنة التحكيم {name}، {occ} في {emp} بمدينة {city}، ومنحت الجائزة إلى {other}.",
    },
    "guest": {
        "fr": "Parmi les invités de la réception figurait {name}, {occ} chez {emp} à {city}.",
        "en": "Among the guests at the reception was {name}, a {occ} at {emp} in {city}.",
        "ar": "ومن بين ضيوف الحفل حضر {name}، {occ} في {emp} بمدينة {city}.",
    },
    "match": {
        "fr": "{name}, {occ} de {emp} à {city}, était titulaire mais n'a pas marqué ; {other} a inscrit le but.",
        "en": "{name}, the {occ} of {emp} in {city}, started the match but did not score; {other} did.",
        "ar": "شارك {name}، {occ} في {emp} بمدينة {city}، أساسيا لكنه لم يسجل، وسجل {other} الهدف.",
    },
}

NAMESAKE = {
    "fr": "{name}, {occ} installé à {city}, ouvre cette semaine un nouveau lieu dans son quartier.",
    "en": "{name}, a {occ} living in {city}, opens a new venue in the neighbourhood this week.",
    "ar": "يفتتح {name}، {occ} يقيم في {city}، هذا الأسبوع فضاء جديدا في حيه.",
}

PARTIAL = {
    "fr": "Selon {name}, commerçant à {city}, la fréquentation du marché a augmenté cet été.",
    "en": "According to {name}, a shopkeeper in {city}, the market was busier this summer.",
    "ar": "وحسب {name}، تاجر في {city}، ارتفع عدد زوار السوق هذا الصيف.",
}

# Pieces combined into varied sentences, so that two different stories share no whole paragraph.
FILLER = {
    "fr": [
        "Le parcours a commencé par des études à {home} en {year}, avant un départ pour l'étranger.",
        "Les {n} partenaires du projet soulignent la qualité d'un travail mené depuis {years} ans.",
        "La cérémonie de {month} s'est tenue devant {n} représentants de la communauté.",
        "Le consulat de {city} a salué une réussite qui inspire les jeunes de {home}.",
        "{n} collaborations avec des équipes de {home} sont envisagées d'ici {year2}.",
        "Cette reconnaissance couronne {years} années d'engagement, rappelle l'association {assoc}.",
        "Originaire de {home}, la famille s'est installée à {city} au début des années {decade}.",
        "L'association {assoc} prévoit une rencontre à {home} en {month} prochain.",
    ],
    "en": [
        "The journey began with studies in {home} in {year}, before a move abroad.",
        "The {n} partners in the project praise the quality of {years} years of work.",
        "The {month} ceremony was attended by {n} representatives of the community.",
        "The consulate in {city} welcomed a success that inspires young people in {home}.",
        "{n} collaborations with teams in {home} are planned by {year2}.",
        "This recognition crowns {years} years of commitment, the {assoc} association recalls.",
        "Originally from {home}, the family settled in {city} in the early {decade}s.",
        "The {assoc} association plans a meeting in {home} next {month}.",
    ],
    "ar": [
        "بدأ المسار بدراسات في {home} سنة {year} قبل الانتقال إلى الخارج.",
        "ويشيد {n} من شركاء المشروع بجودة عمل امتد {years} سنوات.",
        "وجرى حفل شهر {month} بحضور {n} من ممثلي الجالية.",
        "ورحبت القنصلية في {city} بنجاح يلهم شباب {home}.",
        "ويجري التفكير في {n} أشكال من التعاون مع فرق في {home} قبل {year2}.",
        "ويتوج هذا الاعتراف {years} سنوات من الالتزام حسب جمعية {assoc}.",
        "تنحدر العائلة من {home} واستقرت في {city} مطلع سنوات {decade}.",
        "وتعتزم جمعية {assoc} تنظيم لقاء في {home} خلال شهر {month} المقبل.",
    ],
}
HOMES = {
    "fr": ["Fès", "Oujda", "Agadir", "Tanger", "Meknès", "Nador", "Safi", "Tétouan"],
    "en": ["Fez", "Oujda", "Agadir", "Tangier", "Meknes", "Nador", "Safi", "Tetouan"],
    "ar": ["فاس", "وجدة", "أكادير", "طنجة", "مكناس", "الناظور", "آسفي", "تطوان"],
}
MONTHS = {
    "fr": ["janvier", "mars", "mai", "juin", "septembre", "novembre"],
    "en": ["January", "March", "May", "June", "September", "November"],
    "ar": ["يناير", "مارس", "ماي", "يونيو", "شتنبر", "نونبر"],
}
ASSOCIATIONS = ["Atlas", "Passerelles", "Racines", "Horizons", "Tamazgha", "Nour", "Jisr", "Amal"]

NOISE = {
    "fr": [
        "Le conseil municipal de {city} a adopté un budget de {n} millions pour {year2}.",
        "La météo annonce {n} degrés ce week-end à {city}.",
        "Les travaux du tramway de {city} reprendront en {month}.",
        "Le festival de {city} attend {n} mille visiteurs en {month}.",
        "La bibliothèque de {city} ouvrira {n} heures de plus par semaine dès {month}.",
    ],
    "en": [
        "The {city} council adopted a budget of {n} million for {year2}.",
        "Forecasters expect {n} degrees in {city} this weekend.",
        "Tramway works in {city} will resume in {month}.",
        "The {city} festival expects {n} thousand visitors in {month}.",
        "The {city} library will open {n} more hours a week from {month}.",
    ],
    "ar": [
        "صادق المجلس البلدي في {city} على ميزانية بقيمة {n} مليون لسنة {year2}.",
        "تتوقع الأرصاد {n} درجة في {city} نهاية هذا الأسبوع.",
        "ستستأنف أشغال الترامواي في {city} خلال شهر {month}.",
        "يتوقع مهرجان {city} {n} ألف زائر في شهر {month}.",
        "ستفتح مكتبة {city} {n} ساعات إضافية أسبوعيا ابتداء من شهر {month}.",
    ],
}

TITLES = {
    "award": {
        "fr": "Un talent marocain primé à {city}",
        "en": "Moroccan talent honoured in {city}",
        "ar": "تتويج كفاءة مغربية في {city}",
    },
    "appointment": {
        "fr": "Une nomination de poids à {city}",
        "en": "A key appointment in {city}",
        "ar": "تعيين بارز في {city}",
    },
    "research": {
        "fr": "Une découverte saluée à {city}",
        "en": "A discovery praised in {city}",
        "ar": "اكتشاف علمي في {city}",
    },
    "company": {
        "fr": "Nouvelle start-up à {city}",
        "en": "New start-up in {city}",
        "ar": "شركة ناشئة جديدة في {city}",
    },
    "funding": {
        "fr": "Levée de fonds réussie à {city}",
        "en": "Funding round closed in {city}",
        "ar": "جولة تمويل ناجحة في {city}",
    },
    "achievement": {
        "fr": "Un titre pour un Marocain de {city}",
        "en": "A title for a Moroccan in {city}",
        "ar": "لقب جديد لمغربي في {city}",
    },
    "incidental": {
        "fr": "Rencontre professionnelle à {city}",
        "en": "Professional gathering in {city}",
        "ar": "لقاء مهني في {city}",
    },
    "namesake": {
        "fr": "Vie de quartier à {city}",
        "en": "Neighbourhood life in {city}",
        "ar": "حياة الحي في {city}",
    },
    "noise": {
        "fr": "Actualité locale à {city}",
        "en": "Local news from {city}",
        "ar": "أخبار محلية من {city}",
    },
}
COPY_TITLES = {
    "fr": "Portrait : {city} salue un parcours exemplaire",
    "en": "Profile: {city} hails an exemplary career",
    "ar": "بورتريه: {city} تحتفي بمسار مثالي",
}

"""Words the evaluation generator writes articles with: names (with their other spellings and Arabic
forms), cities in three languages, fields of work with their employers. Invented combinations; no real
person is described."""

GIVEN = [
    # (spellings a record or an article may use, Arabic)
    (["Mohamed", "Mohammed", "Mhamed"], "محمد"),
    (["Youssef", "Youssouf", "Yousef"], "يوسف"),
    (["Fatima-Zahra", "Fatima Zahra"], "فاطمة الزهراء"),
    (["Khadija", "Khadidja"], "خديجة"),
    (["Hicham", "Hisham"], "هشام"),
    (["Karim", "Kareem"], "كريم"),
    (["Nadia"], "نادية"),
    (["Amine", "Amin"], "أمين"),
    (["Samira"], "سميرة"),
    (["Rachid", "Rashid"], "رشيد"),
    (["Leila", "Leïla", "Layla"], "ليلى"),
    (["Omar"], "عمر"),
    (["Salma"], "سلمى"),
    (["Hassan", "Hasan"], "حسن"),
    (["Abdelkader", "Abdel Kader"], "عبد القادر"),
    (["Zineb", "Zaynab"], "زينب"),
    (["Mehdi", "Mahdi"], "مهدي"),
    (["Driss", "Idriss"], "إدريس"),
    (["Ghita"], "غيثة"),
    (["Othmane", "Otmane"], "عثمان"),
]

FAMILY = [
    (["El Amrani", "Elamrani", "EL AMRANI"], "العمراني"),
    (["Ben Jelloun", "Benjelloun"], "بن جلون"),
    (["Alaoui", "El Alaoui"], "العلوي"),
    (["Bennani"], "بناني"),
    (["Tazi"], "التازي"),
    (["Berrada"], "برادة"),
    (["El Idrissi", "Idrissi"], "الإدريسي"),
    (["Chraibi", "Chraïbi"], "الشرايبي"),
    (["Ouazzani", "Ouazani"], "الوزاني"),
    (["Lahlou"], "لحلو"),
    (["Benkirane", "Ben Kirane"], "بنكيران"),
    (["Kettani", "El Kettani"], "الكتاني"),
    (["Sqalli", "Skalli"], "السقالي"),
    (["Haddad"], "الحداد"),
    (["Ziani"], "الزياني"),
    (["Boukhari", "El Boukhari"], "البخاري"),
    (["Naciri", "Nasiri"], "الناصري"),
    (["Slaoui", "Slawi"], "السلاوي"),
    (["Cherkaoui", "Cherqaoui"], "الشرقاوي"),
    (["Filali", "El Filali"], "الفيلالي"),
    (["Mernissi"], "المرنيسي"),
    (["Sefrioui"], "الصفريوي"),
    (["Belghiti"], "البلغيتي"),
    (["Tahiri"], "الطاهري"),
]

# (fr, en, ar, country)
CITIES = [
    ("Paris", "Paris", "باريس", "FR"),
    ("Lyon", "Lyon", "ليون", "FR"),
    ("Toulouse", "Toulouse", "تولوز", "FR"),
    ("Marseille", "Marseille", "مرسيليا", "FR"),
    ("Bordeaux", "Bordeaux", "بوردو", "FR"),
    ("Montréal", "Montreal", "مونتريال", "CA"),
    ("Toronto", "Toronto", "تورونتو", "CA"),
    ("Bruxelles", "Brussels", "بروكسل", "BE"),
    ("Anvers", "Antwerp", "أنتويرب", "BE"),
    ("Madrid", "Madrid", "مدريد", "ES"),
    ("Barcelone", "Barcelona", "برشلونة", "ES"),
    ("Berlin", "Berlin", "برلين", "DE"),
    ("Munich", "Munich", "ميونخ", "DE"),
    ("Amsterdam", "Amsterdam", "أمستردام", "NL"),
    ("Rotterdam", "Rotterdam", "روتردام", "NL"),
    ("Londres", "London", "لندن", "GB"),
    ("Milan", "Milan", "ميلانو", "IT"),
    ("Turin", "Turin", "تورينو", "IT"),
    ("New York", "New York", "نيويورك", "US"),
    ("Dubaï", "Dubai", "دبي", "AE"),
    ("Genève", "Geneva", "جنيف", "CH"),
]

# field → occupation per language, employers as (Latin, Arabic)
FIELDS = {
    "aeronautics": (
        {"fr": "ingénieur en aéronautique", "en": "aerospace engineer", "ar": "مهندس طيران"},
        [
            ("Airbus", "إيرباص"),
            ("Safran", "سافران"),
            ("Thales", "تاليس"),
            ("Dassault Aviation", "داسو للطيران"),
        ],
    ),
    "medicine": (
        {"fr": "cardiologue", "en": "cardiologist", "ar": "طبيب قلب"},
        [("Hôpital Necker", "مستشفى نيكر"), ("Charité", "شاريتيه"), ("CHU Sainte-Justine", "سانت جوستين")],
    ),
    "computing": (
        {
            "fr": "chercheur en intelligence artificielle",
            "en": "artificial intelligence researcher",
            "ar": "باحث في الذكاء الاصطناعي",
        },
        [("Google", "غوغل"), ("Inria", "إنريا"), ("Microsoft", "مايكروسوفت"), ("Mila", "ميلا")],
    ),
    "energy": (
        {
            "fr": "spécialiste de l'énergie solaire",
            "en": "solar energy specialist",
            "ar": "خبير الطاقة الشمسية",
        },
        [("TotalEnergies", "توتال إنرجي"), ("Siemens", "سيمنس"), ("Engie", "إنجي")],
    ),
    "finance": (
        {"fr": "banquier d'investissement", "en": "investment banker", "ar": "خبير مالي"},
        [("BNP Paribas", "بي إن بي باريبا"), ("HSBC", "إتش إس بي سي"), ("Goldman Sachs", "غولدمان ساكس")],
    ),
    "biology": (
        {"fr": "biologiste", "en": "geneticist", "ar": "باحث في علم الأحياء"},
        [("Institut Pasteur", "معهد باستور"), ("CNRS", "المركز الوطني للبحث العلمي"), ("Sanofi", "سانوفي")],
    ),
    "music": (
        {"fr": "musicien", "en": "composer", "ar": "موسيقي"},
        [("Opéra de Paris", "أوبرا باريس"), ("Orchestre national", "الأوركسترا الوطنية")],
    ),
    "literature": (
        {"fr": "romancier", "en": "novelist", "ar": "روائي"},
        [("Gallimard", "غاليمار"), ("Actes Sud", "آكت سود")],
    ),
    "football": (
        {"fr": "attaquant", "en": "striker", "ar": "لاعب كرة القدم"},
        [("Ajax", "أياكس"), ("PSV", "بي إس في"), ("Real Betis", "ريال بيتيس")],
    ),
    "architecture": (
        {"fr": "architecte", "en": "architect", "ar": "مهندس معماري"},
        [("Foster + Partners", "فوستر وشركاه"), ("Ateliers Nouvel", "أتيليه نوفيل")],
    ),
    "law": (
        {"fr": "avocat", "en": "lawyer", "ar": "محامي"},
        [("Gide Loyrette", "جيد لوريت"), ("Clifford Chance", "كليفورد تشانس")],
    ),
}

PRIZES = ["Prix Galien", "Prix de l'innovation", "Prix Atlas", "Prix Ibn Battuta", "Prix Averroès"]
NEW_COMPANIES = ["Solarwise", "Medinova", "Datakech", "Argania Labs", "Atlas Robotics", "Nafas Health"]

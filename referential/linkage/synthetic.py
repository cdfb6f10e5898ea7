"""A synthetic population of Moroccans abroad, several records per person, for quality figures and
benchmarks. Deterministic for a given seed.

True identities get 1 to 5 records each, from different sources, with what real lists do to names:
other Latin spellings (Mohamed / Mohammed / Muhammad / Mhamed), El/Al prefixes, given and family
names swapped, typing mistakes, Arabic-only records, missing email/phone/date of birth/city, dates
with day and month swapped, another email address. Name frequencies are skewed the way they are in
this population (Mohamed, Alaoui… are very common), which is what makes name-only evidence weak.

The Latin spellings here were written independently of the engine's letter rules (names.py has no
list of names), so the figures measure the rules, not a lookup.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (Arabic, Latin spellings: the first is the most common)
GIVEN_MALE = [
    ("محمد", ["Mohamed", "Mohammed", "Muhammad", "Mhamed", "Mohamad"]),
    ("أحمد", ["Ahmed", "Ahmad"]),
    ("يوسف", ["Youssef", "Yousef", "Youcef", "Yusuf"]),
    ("عبد القادر", ["Abdelkader", "Abdelkadir", "Abd El Kader", "Abdulkader"]),
    ("عبد الله", ["Abdellah", "Abdallah", "Abdullah"]),
    ("عبد الرحيم", ["Abderrahim", "Abdel Rahim", "Abderahim"]),
    ("إدريس", ["Driss", "Idriss", "Idris"]),
    ("حسن", ["Hassan", "Hasan", "Hassane"]),
    ("حسين", ["Houssine", "Hussein", "Houcine"]),
    ("رشيد", ["Rachid", "Rashid"]),
    ("سعيد", ["Said", "Saïd", "Saaid"]),
    ("عمر", ["Omar", "Oumar"]),
    ("عثمان", ["Othmane", "Otmane", "Outhmane"]),
    ("خالد", ["Khalid", "Khaled"]),
    ("كريم", ["Karim", "Kareem"]),
    ("مصطفى", ["Mustapha", "Mustafa", "Moustafa"]),
    ("ياسين", ["Yassine", "Yasin", "Yacine"]),
    ("أيوب", ["Ayoub", "Ayub"]),
    ("حمزة", ["Hamza", "Hamzah"]),
    ("إبراهيم", ["Brahim", "Ibrahim"]),
    ("إسماعيل", ["Ismail", "Smail", "Ismael"]),
    ("المهدي", ["Mehdi", "El Mehdi", "Mahdi"]),
    ("أمين", ["Amine", "Amin"]),
    ("نبيل", ["Nabil", "Nabile"]),
    ("طارق", ["Tarik", "Tariq", "Tarek"]),
    ("هشام", ["Hicham", "Hisham"]),
    ("جمال", ["Jamal", "Djamal"]),
    ("عادل", ["Adil", "Adel"]),
    ("سفيان", ["Soufiane", "Sofiane", "Sufyan"]),
    ("زكرياء", ["Zakaria", "Zakariya", "Zakariae"]),
    ("أنس", ["Anas", "Anass"]),
    ("بلال", ["Bilal", "Belal"]),
    ("وليد", ["Walid", "Oualid"]),
    ("نور الدين", ["Noureddine", "Nour Eddine", "Nourdine"]),
    ("عبد الإله", ["Abdelilah", "Abdelillah"]),
]
GIVEN_FEMALE = [
    ("فاطمة", ["Fatima", "Fatema", "Fatimah"]),
    ("خديجة", ["Khadija", "Khadidja"]),
    ("عائشة", ["Aicha", "Aisha", "Aïcha"]),
    ("مريم", ["Meryem", "Maryam", "Mariam"]),
    ("زينب", ["Zineb", "Zaynab", "Zainab"]),
    ("نادية", ["Nadia", "Nadya"]),
    ("سلمى", ["Salma", "Selma"]),
    ("حنان", ["Hanane", "Hanan"]),
    ("ليلى", ["Leila", "Laila", "Layla"]),
    ("أسماء", ["Asmae", "Asma", "Asmaa"]),
    ("سناء", ["Sanae", "Sanaa", "Sana"]),
    ("هند", ["Hind", "Hinde"]),
    ("نجاة", ["Najat", "Najate"]),
    ("سميرة", ["Samira", "Sameera"]),
    ("كريمة", ["Karima", "Karimah"]),
    ("إيمان", ["Imane", "Iman", "Imen"]),
    ("شيماء", ["Chaimae", "Chaima", "Shaima"]),
    ("سكينة", ["Soukaina", "Sokaina", "Sukaina"]),
    ("وفاء", ["Wafae", "Wafaa", "Ouafae"]),
    ("هاجر", ["Hajar", "Hajer"]),
    ("غزلان", ["Ghizlane", "Ghizlan"]),
    ("يسرى", ["Yousra", "Yosra", "Yusra"]),
    ("لبنى", ["Loubna", "Lubna"]),
    ("نعيمة", ["Naima", "Naïma"]),
    ("فاطمة الزهراء", ["Fatima Zahra", "Fatima-Zahra", "Fatimazahra"]),
]
FAMILY = [
    ("العلوي", ["Alaoui", "El Alaoui", "Elalaoui"]),
    ("الإدريسي", ["Idrissi", "El Idrissi", "Elidrissi"]),
    ("بناني", ["Bennani", "Benani"]),
    ("التازي", ["Tazi", "El Tazi"]),
    ("الفاسي", ["Fassi", "El Fassi", "Elfassi"]),
    ("الشرايبي", ["Chraibi", "Chraïbi", "Cheraibi"]),
    ("العمراني", ["Amrani", "El Amrani", "Elamrani"]),
    ("بنجلون", ["Benjelloun", "Ben Jelloun", "Benjeloun"]),
    ("برادة", ["Berrada", "Berada"]),
    ("الصقلي", ["Sqalli", "Skalli", "Seqalli"]),
    ("بنعلي", ["Benali", "Ben Ali"]),
    ("المنصوري", ["Mansouri", "El Mansouri", "Elmansouri"]),
    ("الحسني", ["Hassani", "El Hassani"]),
    ("الوزاني", ["Ouazzani", "Wazzani", "El Ouazzani"]),
    ("القادري", ["Kadiri", "Qadiri", "El Kadiri"]),
    ("بوزيد", ["Bouzid", "Bou Zid"]),
    ("الرحماني", ["Rahmani", "Errahmani"]),
    ("السباعي", ["Sbai", "Sebbai", "Essbai"]),
    ("الغزالي", ["Ghazali", "El Ghazali", "Ghazaly"]),
    ("البقالي", ["Bakkali", "Baqali", "El Bakkali"]),
    ("الحداد", ["Haddad", "El Haddad"]),
    ("الكتاني", ["Kettani", "Kattani", "El Kettani"]),
    ("بنكيران", ["Benkirane", "Ben Kirane"]),
    ("أخنوش", ["Akhannouch", "Akhnouch"]),
    ("أمزيان", ["Amzian", "Amziane"]),
    ("آيت الحاج", ["Ait El Haj", "Ait Lhaj", "Aitelhaj"]),
    ("الخطيب", ["Khatib", "El Khatib", "Elkhatib"]),
    ("الصديقي", ["Seddiki", "Siddiqi", "Esseddiki"]),
    ("الشاوي", ["Chaoui", "Echaoui"]),
    ("الطاهري", ["Tahiri", "Taheri", "Ettahiri"]),
    ("الحمدوشي", ["Hamdouchi", "Hamdouchy"]),
    ("الجبلي", ["Jebli", "Djebli"]),
    ("المرابط", ["Mrabet", "Merabet", "El Mrabet"]),
    ("الناصري", ["Naciri", "Nasseri", "Nassiri"]),
    ("الفيلالي", ["Filali", "El Filali"]),
    ("البوعزاوي", ["Bouazzaoui", "Bouazaoui"]),
    ("الدكالي", ["Doukkali", "Dukkali"]),
    ("السوسي", ["Soussi", "Sousi", "Essoussi"]),
    ("المراكشي", ["Marrakchi", "Merrakchi"]),
    ("الزموري", ["Zemmouri", "Zammouri"]),
    ("بنموسى", ["Benmoussa", "Ben Moussa"]),
    ("بنسعيد", ["Bensaid", "Ben Said"]),
    ("بلحاج", ["Belhaj", "Belhadj"]),
    ("بوعبيد", ["Bouabid", "Bouabide"]),
    ("الرامي", ["Rami", "Errami"]),
    ("الريفي", ["Rifi", "Errifi"]),
    ("الأزرق", ["Azrak", "Lazrak", "El Azrak"]),
    ("الشرقاوي", ["Cherkaoui", "Charkaoui", "Echcherkaoui"]),
    ("الغربي", ["Gharbi", "El Gharbi"]),
    ("الهواري", ["Houari", "El Houari", "Haouari"]),
    ("بوطالب", ["Boutaleb", "Bou Taleb"]),
    ("الزهراوي", ["Zahraoui", "Zehraoui"]),
    ("العثماني", ["Othmani", "El Othmani", "Otmani"]),
    ("الكبير", ["Kabir", "El Kebir", "Kebir"]),
    ("الصغير", ["Sghir", "Esseghir", "Sghiri"]),
    ("بنشقرون", ["Benchekroun", "Ben Chekroun"]),
    ("الوكيلي", ["Ouakili", "Wakili", "El Ouakili"]),
    ("لحلو", ["Lahlou", "Lehlou"]),
    ("السلاوي", ["Slaoui", "Esslaoui"]),
    ("الطنجاوي", ["Tanjaoui", "Tanjawi"]),
]
# The long tail: family names built from a prefix, a root and a suffix (Ben + Haddou + i → Benhaddoui),
# so that the population has thousands of family names, a few of them very common (FAMILY above).
TAIL_PREFIXES = [
    ("", [""]),
    ("بن", ["Ben", "Ben "]),
    ("بو", ["Bou"]),
    ("آيت ", ["Ait ", "Aït "]),
    ("ال", ["El ", "Al-"]),
    ("أو", ["Ou"]),
]
TAIL_ROOTS = [
    ("حدو", ["Haddou", "Hadou"]),
    ("عمر", ["Omar", "Amar"]),
    ("سليمان", ["Slimane", "Soulaimane"]),
    ("كريم", ["Karim", "Krim"]),
    ("يحيى", ["Yahya", "Yahia"]),
    ("موسى", ["Moussa", "Mousa"]),
    ("عيسى", ["Aissa", "Issa"]),
    ("جلول", ["Jelloul", "Djelloul"]),
    ("شقرون", ["Chekroun", "Chakroun"]),
    ("طاهر", ["Taher", "Tahar"]),
    ("رحو", ["Rahou", "Rahhou"]),
    ("زروال", ["Zeroual", "Zerouale"]),
    ("مختار", ["Mokhtar", "Mokhtare"]),
    ("صالح", ["Salah", "Saleh"]),
    ("قاسم", ["Kassem", "Qassem"]),
    ("عزيز", ["Aziz", "Azziz"]),
    ("مسعود", ["Messaoud", "Masoud"]),
    ("منصور", ["Mansour", "Mensour"]),
    ("ناصر", ["Nasser", "Naser"]),
    ("شريف", ["Cherif", "Charif"]),
    ("حميد", ["Hamid", "Hmid"]),
    ("مبارك", ["Moubarak", "Mbarek"]),
    ("زيان", ["Zayane", "Ziane"]),
    ("بكر", ["Bakr", "Bekr"]),
    ("سعدون", ["Saadoun", "Sadoun"]),
    ("فارس", ["Fares", "Faris"]),
    ("جبار", ["Jabbar", "Djebbar"]),
    ("غانم", ["Ghanem", "Ghanim"]),
    ("دحمان", ["Dahmane", "Dahman"]),
    ("لطيف", ["Latif", "Lattif"]),
    ("وهاب", ["Ouahab", "Wahab"]),
    ("رزوق", ["Rezzouk", "Razzouk"]),
    ("خليفة", ["Khalifa", "Khelifa"]),
    ("تومي", ["Toumi", "Tomi"]),
    ("كراوي", ["Kraoui", "Keraoui"]),
    ("ضريف", ["Drif", "Dérif"]),
    ("عبو", ["Abbou", "Abou"]),
    ("هلال", ["Hilal", "Hellal"]),
    ("فتاح", ["Fettah", "Fatah"]),
    ("زكري", ["Zekri", "Zakri"]),
]
TAIL_SUFFIXES = [("", [""]), ("ي", ["i", "y"]), ("اني", ["ani", "ane"]), ("اوي", ["aoui", "awi"])]


def _tail_family(rng: random.Random) -> tuple[str, list[str]]:
    prefix, root, suffix = rng.choice(TAIL_PREFIXES), rng.choice(TAIL_ROOTS), rng.choice(TAIL_SUFFIXES)
    arabic = prefix[0] + root[0] + suffix[0]
    spellings = []
    for _ in range(3):
        head, body = rng.choice(prefix[1]), rng.choice(root[1])
        if head and not head.endswith((" ", "-")):
            body = body.lower()
        latin = head + body + rng.choice(suffix[1])
        spellings.append(latin[0].upper() + latin[1:])
    return arabic, list(dict.fromkeys(spellings))


# (Latin spellings, Arabic, ISO country, calling code, mobile prefix, national digits)
CITIES = [
    (["Paris"], "باريس", "FR", "33", "6", 8),
    (["Lyon"], "ليون", "FR", "33", "7", 8),
    (["Marseille"], "مرسيليا", "FR", "33", "6", 8),
    (["Montpellier"], "مونبلييه", "FR", "33", "6", 8),
    (["Bruxelles", "Brussels", "Brussel"], "بروكسيل", "BE", "32", "47", 7),
    (["Anvers", "Antwerpen"], "أنتويربن", "BE", "32", "48", 7),
    (["Madrid"], "مدريد", "ES", "34", "6", 8),
    (["Barcelona", "Barcelone"], "برشلونة", "ES", "34", "6", 8),
    (["Milano", "Milan"], "ميلانو", "IT", "39", "3", 9),
    (["Torino", "Turin"], "تورينو", "IT", "39", "3", 9),
    (["Amsterdam"], "أمستردام", "NL", "31", "6", 8),
    (["Rotterdam"], "روتردام", "NL", "31", "6", 8),
    (["Montréal", "Montreal"], "مونتريال", "CA", "1", "514", 7),
    (["Frankfurt", "Francfort"], "فرانكفورت", "DE", "49", "15", 9),
    (["Düsseldorf", "Dusseldorf"], "دوسلدورف", "DE", "49", "17", 8),
    (["London", "Londres"], "لندن", "GB", "44", "7", 9),
    (["Dubai", "Dubaï"], "دبي", "AE", "971", "5", 8),
    (["Casablanca"], "الدار البيضاء", "MA", "212", "6", 8),
    (["Rabat"], "الرباط", "MA", "212", "6", 8),
]
DOMAINS = ["gmail.com", "hotmail.fr", "yahoo.fr", "outlook.com", "gmail.com", "hotmail.com"]
SOURCES = [
    "consulate_paris",
    "consulate_brussels",
    "consulate_madrid",
    "ministry_registry",
    "business_network",
    "alumni_network",
    "members",
]
_ASCII = str.maketrans("ïéèëç-", "ieeec.")


def _zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1 / (rank**s) for rank in range(1, n + 1)]


@dataclass
class Synthetic:
    records: list[dict]
    truth: dict[str, int]  # unique_id → identity

    def true_pairs(self) -> set[tuple[str, str]]:
        by_identity: dict[int, list[str]] = {}
        for uid, identity in self.truth.items():
            by_identity.setdefault(identity, []).append(uid)
        pairs = set()
        for uids in by_identity.values():
            uids.sort()
            for i, a in enumerate(uids):
                for b in uids[i + 1 :]:
                    pairs.add((a, b))
        return pairs


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.random()
    if kind < 0.35:
        return text[:i] + text[i + 1 :]
    if kind < 0.7:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + rng.choice("aeioulnrst") + text[i + 1 :]


def generate(n_records: int, seed: int = 2026, id_prefix: str = "r") -> Synthetic:
    """About ``n_records`` records (exactly that many) of about n_records / 2.4 people."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    male_w, female_w = _zipf_weights(len(GIVEN_MALE), 1.2), _zipf_weights(len(GIVEN_FEMALE), 1.0)
    family_w = _zipf_weights(len(FAMILY), 0.9)
    city_w = _zipf_weights(len(CITIES), 0.7)
    records: list[dict] = []
    truth: dict[str, int] = {}
    identity = 0
    choices = rng.choices
    rand = rng.random
    while len(records) < n_records:
        identity += 1
        given = choices(GIVEN_MALE, male_w)[0] if rand() < 0.55 else choices(GIVEN_FEMALE, female_w)[0]
        family = choices(FAMILY, family_w)[0] if rand() < 0.5 else _tail_family(rng)
        city = choices(CITIES, city_w)[0]
        year, month, day = rng.randint(1950, 2006), rng.randint(1, 12), rng.randint(1, 28)
        birth = f"{year:04d}-{month:02d}-{day:02d}"
        g_ascii = given[1][0].lower().translate(_ASCII).replace(" ", "")
        f_ascii = family[1][0].lower().translate(_ASCII).replace(" ", "")
        # Addresses are personal: the identity number keeps namesakes from sharing one.
        email = f"{g_ascii}.{f_ascii}{identity}@{rng.choice(DOMAINS)}"
        phone = "+" + city[3] + city[4] + "".join(rng.choices("0123456789", k=city[5]))
        n = min(1 + int(rng.expovariate(1 / 1.4)), 5, n_records - len(records))
        for _ in range(n):
            uid = f"{id_prefix}{len(records)}"
            given_latin = given[1][0] if rand() < 0.6 else rng.choice(given[1])
            family_latin = family[1][0] if rand() < 0.6 else rng.choice(family[1])
            if rand() < 0.08:
                given_latin = _typo(rng, given_latin)
            if rand() < 0.08:
                family_latin = _typo(rng, family_latin)
            record = {
                "unique_id": uid,
                "source": rng.choice(SOURCES),
                "given_name": given_latin,
                "family_name": family_latin,
                "name_arabic": f"{given[0]} {family[0]}" if rand() < 0.35 else None,
                "birth_date": birth if rand() < 0.85 else None,
                "email": email if rand() < 0.6 else None,
                "phone": phone if rand() < 0.55 else None,
                "city": rng.choice(city[0]) if rand() < 0.8 else None,
                "country": city[2] if rand() < 0.9 else None,
            }
            roll = rand()
            if roll < 0.08:  # Arabic only
                record["given_name"] = record["family_name"] = None
                record["name_arabic"] = f"{given[0]} {family[0]}"
            elif roll < 0.16:
                record["given_name"], record["family_name"] = record["family_name"], record["given_name"]
            if record["birth_date"] and rand() < 0.04:
                record["birth_date"] = (
                    f"{year:04d}-{day:02d}-{month:02d}"
                    if day <= 12
                    else f"{year:04d}-{month:02d}-{min(28, day + 1):02d}"
                )
            if record["phone"] and rand() < 0.03:
                record["phone"] = _typo(rng, record["phone"][:-1]) + record["phone"][-1]
            if record["email"] and rand() < 0.05:
                # Another address of the same person (addresses are personal: no two people share one).
                record["email"] = f"{g_ascii[0]}{f_ascii}.{identity}@{rng.choice(DOMAINS)}"
            records.append(record)
            truth[uid] = identity
    return Synthetic(records=records, truth=truth)

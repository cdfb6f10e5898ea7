"""The guessed mapping across the headers real lists use for each field, in French, English, Arabic and
the languages partner bodies abroad export in: each header is tried among ordinary columns for the
other fields, in a file with split names or with whole names, and must land on its field and nothing
else may move. A header that fails here is a column an analyst would have to map by hand, or worse, a
column silently read as another field."""

import pytest

from referential.mapping import guess_mapping

HEADERS = {
    "external_id": [
        "ID", "Id.", "N°", "No.", "Réf.", "Référence", "Matricule", "Identifiant", "Record ID", "Member ID",
        "Membre n°", "Code adhérent", "رقم", "الرقم التسلسلي", "رقم العضوية", "Nr.", "Numero", "Codice", "#",
        "N° d'inscription", "Numéro d'immatriculation",
    ],
    "given_name": [
        "Prénom", "Prénoms", "Prénom(s)", "First name", "First Name", "Firstname", "Given name", "Forename",
        "Vorname", "Nome", "Nombre", "Voornaam", "الاسم الشخصي", "First", "PRENOM", "prénom usuel",
    ],
    "family_name": [
        "Nom", "NOM", "Nom de famille", "Last name", "Lastname", "Surname", "Family name", "Nachname",
        "Cognome", "Apellidos", "Apellido", "Achternaam", "النسب", "اسم العائلة", "الاسم العائلي", "Last",
        "Nom patronymique", "Nom d'usage",
    ],
    "full_name": [
        "Nom complet", "Nom et prénom", "Nom & Prénom", "Prénom Nom", "Prénom et nom", "Full name", "Name",
        "Nom du membre", "Member name", "Nome e cognome", "Nombre y apellidos", "Volledige naam",
        "Vollständiger Name", "Nom Prénom", "NOM Prénom", "Participant", "Nom de l'adhérent",
    ],
    "name_arabic": [
        "الاسم الكامل", "الاسم بالعربية", "Nom en arabe", "Nom (AR)", "Name (Arabic)", "Arabic name",
        "الإسم و النسب", "الاسم والنسب", "الاسم الكامل بالعربية", "Nom complet (arabe)",
        "Name in Arabic script", "Nom arabe",
    ],
    "birth_date": [
        "Date de naissance", "Né(e) le", "Né le", "Date naiss.", "DDN", "D.O.B.", "DOB", "Date of birth",
        "Birth date", "Birthdate", "Born", "Geburtsdatum", "Data di nascita", "Fecha de nacimiento",
        "Geboortedatum", "تاريخ الازدياد", "تاريخ الميلاد", "سنة الميلاد", "Année de naissance",
        "Year of birth", "Birth year", "Date naissance", "Naissance",
    ],
    "email": [
        "Email", "E-mail", "Courriel", "Adresse e-mail", "Mail", "Adresse électronique", "Email address",
        "E-Mail-Adresse", "Posta elettronica", "Correo electrónico", "البريد الإلكتروني", "الإيميل",
        "Adresse mail", "e-mail perso",
    ],
    "phone": [
        "Téléphone", "Tél.", "Tel", "Portable", "Mobile", "GSM", "Phone", "Phone number", "Cell", "Telefon",
        "Telefono", "Teléfono", "Telefoonnummer", "Handy", "Cellulare", "Móvil", "الهاتف", "رقم الهاتف",
        "الجوال", "Numéro de téléphone", "N° de téléphone", "WhatsApp", "Tél. mobile", "Mobile phone",
        "Cell phone", "Contact téléphonique", "N° GSM", "Num tel",
    ],
    "city": [
        "Ville", "City", "Commune", "Localité", "Ville de résidence", "Town", "Stadt", "Wohnort", "Città",
        "Ciudad", "Stad", "Woonplaats", "المدينة", "مدينة الإقامة", "Lieu de résidence", "City of residence",
        "Ville actuelle", "Gemeente", "Comune", "Municipio", "Localidad",
    ],
    "country": [
        "Pays", "Country", "Pays de résidence", "Country of residence", "Land", "Paese", "País", "البلد",
        "بلد الإقامة", "الدولة", "Pays actuel", "Residence country", "Staat", "Wohnland",
        "Paese di residenza", "País de residencia", "Land van verblijf",
    ],
}  # fmt: skip

SPLIT_NAMES = {
    "external_id": "ID", "family_name": "Nom", "given_name": "Prénom", "birth_date": "Date de naissance",
    "email": "Email", "phone": "Téléphone", "city": "Ville", "country": "Pays",
}  # fmt: skip
WHOLE_NAMES = {
    "external_id": "ID", "full_name": "Nom complet", "name_arabic": "الاسم الكامل",
    "birth_date": "Date de naissance", "email": "Email", "phone": "Téléphone", "city": "Ville",
    "country": "Pays",
}  # fmt: skip


@pytest.mark.parametrize(
    "field, header", [(field, header) for field, headers in HEADERS.items() for header in headers]
)
def test_a_common_header_lands_on_its_field_among_ordinary_columns(field, header):
    columns = dict(WHOLE_NAMES if field in {"full_name", "name_arabic"} else SPLIT_NAMES)
    columns[field] = header
    assert guess_mapping(list(columns.values())) == columns


@pytest.mark.parametrize(
    "headers, expected",
    [
        # A lone "Nom" in a list with no given name holds the whole name ("BENNANI Karim").
        (["Nom", "Email"], {"full_name": "Nom", "email": "Email"}),
        (["Nom de famille", "Email"], {"family_name": "Nom de famille", "email": "Email"}),
        # A role's name beside a given name is the family name; a whole-name header stays whole.
        (
            ["Nom du membre", "Prénom du membre"],
            {"family_name": "Nom du membre", "given_name": "Prénom du membre"},
        ),
        (["Nom complet", "Prénom"], {"full_name": "Nom complet", "given_name": "Prénom"}),
        # "Membre depuis" is a date of joining, "Nom de l'entreprise" a company.
        (["Membre depuis", "Nom", "Prénom"], {"family_name": "Nom", "given_name": "Prénom"}),
        (["Nom de l'entreprise", "Nom du contact"], {"full_name": "Nom du contact"}),
    ],
)  # fmt: skip
def test_name_columns_read_by_what_stands_beside_them(headers, expected):
    assert guess_mapping(headers) == expected

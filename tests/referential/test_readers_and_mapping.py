"""Reading CSV (encodings, delimiters) and XLSX files; guessing and remembering the column mapping."""

import datetime
import io

import pytest
from openpyxl import Workbook

from referential import mapping as column_mapping
from referential.readers import Table, UnreadableFile, detect_encoding

from .helpers import GOOD_ROWS, HEADERS_FR, csv_bytes, xlsx_bytes

ARABIC_HEADERS = ["الاسم الشخصي", "النسب", "الاسم بالعربية", "تاريخ الازدياد", "البريد الإلكتروني", "الهاتف"]
ARABIC_ROW = ["Mohamed", "El Amrani", "محمد العمراني", "03/04/1985", "m@example.org", "0612345678"]


def _first(table):
    return next(table.rows())


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),  # with its BOM, as Excel writes "Unicode text"
        ("utf-16-le", "utf-16-le"),  # without BOM
        ("cp1256", "cp1256"),
    ],
)
def test_arabic_csv_in_each_encoding_reads_back_the_same_text(encoding, expected):
    data = csv_bytes([ARABIC_ROW], headers=ARABIC_HEADERS, encoding=encoding)
    assert detect_encoding(data) == expected
    table = Table(data, "liste.csv")
    assert table.headers == ARABIC_HEADERS
    row_number, row = _first(table)
    assert row_number == 2 and row["الاسم بالعربية"] == "محمد العمراني"


def test_windows_1256_arabic_csv_with_french_accents():
    rows = [["Hélène", "Benaïssa", "هيلين بنعيسى", "", "", ""]]
    data = csv_bytes(rows, headers=ARABIC_HEADERS, encoding="cp1256")
    table = Table(data, "liste.csv")
    assert table.encoding == "cp1256"
    assert _first(table)[1]["الاسم الشخصي"] == "Hélène"


def test_latin_1_french_csv_is_read_as_such():
    data = csv_bytes([["Élodie", "Benoît", "", "", "", "", "Nîmes", "France"]], encoding="latin-1")
    table = Table(data, "liste.csv")
    assert table.encoding in ("cp1252", "latin-1")
    assert table.headers == HEADERS_FR
    assert _first(table)[1]["Ville"] == "Nîmes"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_sniffed(delimiter):
    table = Table(csv_bytes(GOOD_ROWS, delimiter=delimiter), "liste.csv")
    assert table.delimiter == delimiter
    assert table.total_rows == 3 and _first(table)[1]["Nom"] == "El Amrani"


def test_a_forced_encoding_overrides_the_detection():
    data = csv_bytes([ARABIC_ROW], headers=ARABIC_HEADERS, encoding="cp1256")
    assert "\ufffd" in Table(data, "liste.csv", encoding="utf-8-sig").headers[0]


def test_xlsx_rows_keep_dates_as_dates_and_numbers_without_decimals():
    data = xlsx_bytes(
        [["Mohamed", "El Amrani", "محمد", datetime.datetime(1985, 4, 3), "", 612345678, "", ""]]
    )
    table = Table(data, "liste.csv")  # the content decides, not the name
    assert table.format == "xlsx"
    _number, row = _first(table)
    assert row["Date de naissance"] == datetime.date(1985, 4, 3)
    assert row["Téléphone"] == "612345678"


def test_blank_lines_are_skipped_and_row_numbers_follow_the_file():
    data = csv_bytes([GOOD_ROWS[0], ["", "", "", "", "", "", "", ""], GOOD_ROWS[1]])
    assert [number for number, _row in Table(data, "x.csv").rows()] == [2, 4]


def test_rows_longer_than_the_header_are_marked():
    data = csv_bytes([GOOD_ROWS[0] + ["surplus"]])
    assert _first(Table(data, "x.csv"))[1]["…"] == ["surplus"]


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\x03binary\x00\x00\x00\x00", b"PK\x03\x04not a zip"])
def test_unreadable_files_are_refused(data):
    with pytest.raises(UnreadableFile):
        Table(data, "x.csv")


@pytest.mark.parametrize(
    "headers, expected",
    [
        (
            HEADERS_FR,
            {
                "given_name": "Prénom",
                "family_name": "Nom",
                "name_arabic": "Nom en arabe",
                "birth_date": "Date de naissance",
                "email": "Courriel",
                "phone": "Téléphone",
                "city": "Ville",
                "country": "Pays",
            },
        ),
        (
            ["First name", "Last name", "Date of birth", "E-mail", "Phone", "City", "Country"],
            {
                "given_name": "First name",
                "family_name": "Last name",
                "birth_date": "Date of birth",
                "email": "E-mail",
                "phone": "Phone",
                "city": "City",
                "country": "Country",
            },
        ),
        (
            ARABIC_HEADERS,
            {
                "given_name": "الاسم الشخصي",
                "family_name": "النسب",
                "name_arabic": "الاسم بالعربية",
                "birth_date": "تاريخ الازدياد",
                "email": "البريد الإلكتروني",
                "phone": "الهاتف",
            },
        ),
        (["Nom complet", "Mystère"], {"full_name": "Nom complet"}),
    ],
)
def test_the_mapping_is_guessed_from_headers_in_fr_en_ar(headers, expected):
    assert column_mapping.guess_mapping(headers) == expected


def test_a_remembered_mapping_wins_over_the_guess_where_its_columns_still_exist():
    headers = ["NOM_USAGE", "PRENOM", "Courriel", "Col X"]
    remembered = {
        "family_name": "NOM_USAGE",
        "given_name": "PRENOM",
        "phone": "Ancienne colonne",
        "city": "Col X",
    }
    proposal = column_mapping.proposed_mapping(headers, remembered)
    assert proposal == {
        "given_name": "PRENOM",
        "family_name": "NOM_USAGE",
        "email": "Courriel",
        "city": "Col X",
    }


@pytest.mark.parametrize(
    "headers, expected",
    [
        (
            ["id", "full_name", "full_name_ar"],
            {"external_id": "id", "full_name": "full_name", "name_arabic": "full_name_ar"},
        ),
        (["الاسم الكامل", "البريد"], {"name_arabic": "الاسم الكامل", "email": "البريد"}),
        (["الاسم", "الهاتف"], {"name_arabic": "الاسم", "phone": "الهاتف"}),  # alone: the whole name
        (["الاسم", "النسب"], {"given_name": "الاسم", "family_name": "النسب"}),  # beside a family name
        (
            ["Numéro de dossier", "Nom complet"],
            {"external_id": "Numéro de dossier", "full_name": "Nom complet"},
        ),
        # A whole name in each script, whichever comes first: the Arabic one is the Arabic name.
        (
            ["الرقم", "الإسم و النسب", "Name"],
            {"external_id": "الرقم", "name_arabic": "الإسم و النسب", "full_name": "Name"},
        ),
        (["Full name", "الاسم والنسب"], {"full_name": "Full name", "name_arabic": "الاسم والنسب"}),
        (["الإسم و النسب", "email"], {"full_name": "الإسم و النسب", "email": "email"}),
    ],
)
def test_the_guess_keeps_arabic_full_name_columns_and_the_sources_record_id(headers, expected):
    assert column_mapping.guess_mapping(headers) == expected


def test_an_arabic_only_record_keeps_compound_given_names_whole():
    from referential.linkage.names import split_arabic_full_name

    assert split_arabic_full_name("فاطمة الزهراء بناني") == ("فاطمة الزهراء", "بناني")
    assert split_arabic_full_name("عبد الله العلوي") == ("عبد الله", "العلوي")
    assert split_arabic_full_name("نور الدين الإدريسي") == ("نور الدين", "الإدريسي")
    assert split_arabic_full_name("محمد العمراني") == ("محمد", "العمراني")


@pytest.mark.parametrize(
    "headers, expected",
    [
        (
            ["N° de dossier consulaire", "NOM (en majuscules)", "Prénom(s)", "Nom en caractères arabes",
             "Date de naissance (jj/mm/aaaa)", "Lieu de naissance", "Téléphone portable", "Adresse e-mail",
             "Ville de résidence actuelle", "Pays de résidence actuel", "Nationalité", "Nom de l'entreprise"],
            {"external_id": "N° de dossier consulaire", "family_name": "NOM (en majuscules)",
             "given_name": "Prénom(s)", "name_arabic": "Nom en caractères arabes",
             "birth_date": "Date de naissance (jj/mm/aaaa)", "phone": "Téléphone portable",
             "email": "Adresse e-mail", "city": "Ville de résidence actuelle",
             "country": "Pays de résidence actuel"},
        ),
        (
            ["Member number", "Full Name (Latin)", "Full Name (Arabic)", "Year Born", "Mobile Phone",
             "E-mail Address (personal)", "Current City", "Country/Region", "Passport number",
             "Place of birth", "Last update", "Company name", "Nombre d'enfants"],
            {"external_id": "Member number", "full_name": "Full Name (Latin)",
             "name_arabic": "Full Name (Arabic)", "birth_date": "Year Born", "phone": "Mobile Phone",
             "email": "E-mail Address (personal)",
             "city": "Current City", "country": "Country/Region"},
        ),
        (
            ["الرقم التسلسلي", "الاسم العائلي", "الاسم الشخصي", "تاريخ الازدياد (يوم/شهر/سنة)",
             "رقم الهاتف المحمول", "البريد الالكتروني الشخصي", "مدينة الإقامة الحالية", "بلد الإقامة",
             "مكان الازدياد", "اسم الأب"],
            {"external_id": "الرقم التسلسلي", "family_name": "الاسم العائلي", "given_name": "الاسم الشخصي",
             "birth_date": "تاريخ الازدياد (يوم/شهر/سنة)", "phone": "رقم الهاتف المحمول",
             "email": "البريد الالكتروني الشخصي", "city": "مدينة الإقامة الحالية", "country": "بلد الإقامة"},
        ),
        # One column for both names, however it says so; abbreviations; Arabic words for a mobile, an email.
        (
            ["Member #", "Nom & Prénom", "Date naiss.", "Tél.", "Mail", "Nom du père"],
            {"external_id": "Member #", "full_name": "Nom & Prénom", "birth_date": "Date naiss.",
             "phone": "Tél.", "email": "Mail"},
        ),
        (
            ["الاسم والنسب", "المحمول", "الإيميل", "Né(e) le"],
            {"full_name": "الاسم والنسب", "phone": "المحمول", "email": "الإيميل", "birth_date": "Né(e) le"},
        ),
        (
            ["Company", "Contact name"],
            {"full_name": "Contact name"},
        ),
        # A business or project directory names the person by their role.
        (
            ["Entreprise", "Fondateur/trice", "Secteur", "E-mail"],
            {"full_name": "Fondateur/trice", "email": "E-mail"},
        ),
        (
            ["Raison sociale", "Gérant", "Téléphone"],
            {"full_name": "Gérant", "phone": "Téléphone"},
        ),
        (
            ["اسم المشروع", "حامل المشروع", "المدينة"],
            {"full_name": "حامل المشروع", "city": "المدينة"},
        ),
        # Two phones, two addresses: the mobile and the personal one, whichever comes first.
        (
            ["Nom complet", "Téléphone fixe", "Téléphone mobile", "Courriel pro", "Courriel perso"],
            {"full_name": "Nom complet", "phone": "Téléphone mobile", "email": "Courriel perso"},
        ),
        (
            ["Name", "Email (personal)", "Work email", "Cell", "Home phone", "Office phone"],
            {"full_name": "Name", "email": "Email (personal)", "phone": "Cell"},
        ),
        (
            ["الاسم الكامل", "الهاتف الثابت", "الهاتف", "رقم الجوال"],
            {"name_arabic": "الاسم الكامل", "phone": "رقم الجوال"},
        ),
        # A partner body abroad exports in its own language; dotted abbreviations; where one lives.
        (
            ["N. tessera", "Cognome", "Nome", "Data di nascita", "Luogo di nascita", "Cellulare",
             "Posta elettronica", "Indirizzo di residenza", "Città di residenza", "Paese di residenza",
             "Nazionalità", "Data iscrizione"],
            {"external_id": "N. tessera", "family_name": "Cognome", "given_name": "Nome",
             "birth_date": "Data di nascita", "phone": "Cellulare", "email": "Posta elettronica",
             "city": "Città di residenza", "country": "Paese di residenza"},
        ),
        (
            ["Nº socio", "Nombre y apellidos", "Fecha de nacimiento", "Lugar de nacimiento", "Teléfono móvil",
             "Correo electrónico", "Dirección", "Ciudad", "País", "Nacionalidad"],
            {"external_id": "Nº socio", "full_name": "Nombre y apellidos",
             "birth_date": "Fecha de nacimiento", "phone": "Teléfono móvil", "email": "Correo electrónico",
             "city": "Ciudad", "country": "País"},
        ),
        # German "Name" beside "Vorname" is the family name.
        (
            ["Mitgliedsnummer", "Name", "Vorname", "Geburtsdatum", "Geburtsort", "Handynummer", "E-Mail",
             "Straße", "Wohnort", "Land", "Staatsangehörigkeit"],
            {"external_id": "Mitgliedsnummer", "family_name": "Name", "given_name": "Vorname",
             "birth_date": "Geburtsdatum", "phone": "Handynummer", "email": "E-Mail", "city": "Wohnort",
             "country": "Land"},
        ),
        (
            ["Lidnummer", "Achternaam", "Voornaam", "Geboortejaar", "Geboorteplaats", "Mobiel", "E-mailadres",
             "Woonplaats", "Land van verblijf", "Nationaliteit"],
            {"external_id": "Lidnummer", "family_name": "Achternaam", "given_name": "Voornaam",
             "birth_date": "Geboortejaar", "phone": "Mobiel", "email": "E-mailadres", "city": "Woonplaats",
             "country": "Land van verblijf"},
        ),
        (["Nombre completo", "Nombre de hijos"], {"full_name": "Nombre completo"}),
        (["Nom complet", "Nombre de projets"], {"full_name": "Nom complet"}),  # a count, not a name
        (["Name", "Mobile", "Land line", "Land"],
         {"full_name": "Name", "phone": "Mobile", "country": "Land"}),
        # A landline alone is the row's phone; beside a mobile, the mobile.
        (["Nom", "Fixe"], {"full_name": "Nom", "phone": "Fixe"}),
        (["Nom", "Fixe", "Portable"], {"full_name": "Nom", "phone": "Portable"}),
        (["Name", "Landline"], {"full_name": "Name", "phone": "Landline"}),
        (
            ["Code adhérent", "Nom", "Prénom", "D.O.B.", "Lieu de résidence", "Nombre d'enfants"],
            {"external_id": "Code adhérent", "family_name": "Nom", "given_name": "Prénom",
             "birth_date": "D.O.B.", "city": "Lieu de résidence"},
        ),
        (
            ["First name", "Name", "Place of residence", "Street address of residence"],
            {"given_name": "First name", "family_name": "Name", "city": "Place of residence"},
        ),
        # Both names in both scripts, in either order: the Arabic columns make the Arabic name.
        (
            ["Nom", "Prénom", "النسب", "الاسم"],
            {"family_name": "Nom", "given_name": "Prénom", "family_name_arabic": "النسب",
             "given_name_arabic": "الاسم"},
        ),
        (
            ["النسب", "الاسم", "Nom", "Prénom"],
            {"family_name": "Nom", "given_name": "Prénom", "family_name_arabic": "النسب",
             "given_name_arabic": "الاسم"},
        ),
        (
            ["Last name", "First name", "Last name (Arabic)", "First name (Arabic)"],
            {"family_name": "Last name", "given_name": "First name",
             "family_name_arabic": "Last name (Arabic)", "given_name_arabic": "First name (Arabic)"},
        ),
        # "Nom en arabe" is the family name beside "Prénom en arabe", the whole Arabic name alone.
        (
            ["Nom", "Prénom", "Nom en arabe", "Prénom en arabe"],
            {"family_name": "Nom", "given_name": "Prénom", "family_name_arabic": "Nom en arabe",
             "given_name_arabic": "Prénom en arabe"},
        ),
        (
            ["Nom", "Prénom", "Nom en arabe"],
            {"family_name": "Nom", "given_name": "Prénom", "name_arabic": "Nom en arabe"},
        ),
        # An Arabic-only file keeps its two columns as the name's parts (their script decides later).
        (
            ["النسب", "الاسم", "تاريخ الازدياد"],
            {"family_name": "النسب", "given_name": "الاسم", "birth_date": "تاريخ الازدياد"},
        ),
    ],
)  # fmt: skip
def test_headers_nobody_listed_are_guessed_from_their_words(headers, expected):
    """A birthplace, a nationality, a passport, a company or a parent's name is not the person's field."""
    assert column_mapping.guess_mapping(headers) == expected


def test_a_stray_control_character_is_dropped_not_a_reason_to_refuse_the_file():
    data = "Prénom;Nom;Ville\nKarim;Ben\x00nani;Ra\x01bat\nNadia;Tazi;Lille\n".encode()
    table = Table(data, "x.csv")
    assert table.encoding == "utf-8"  # a NUL or two does not make a file UTF-16
    assert [row for _number, row in table.rows()] == [
        {"Prénom": "Karim", "Nom": "Bennani", "Ville": "Rabat"},
        {"Prénom": "Nadia", "Nom": "Tazi", "Ville": "Lille"},
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Liste des adhérents - export du 01/12/2026\n\nNom;Prénom;Date de naissance;Courriel\n{rows}",
        "Consulat général de Bruxelles;;;\nExtraction;;;\nNom;Prénom;Date de naissance;Courriel\n{rows}",
    ],
)
def test_title_lines_above_the_table_are_not_its_header(text):
    rows = "Alaoui;Karim;1985;k@example.org\nTazi;Nadia;1990;n@example.org\n"
    table = Table(text.format(rows=rows).encode(), "x.csv")
    assert (table.delimiter, table.headers) == (";", ["Nom", "Prénom", "Date de naissance", "Courriel"])
    assert [(number, row["Prénom"]) for number, row in table.rows()] == [(4, "Karim"), (5, "Nadia")]


def test_an_xlsx_title_and_an_empty_first_sheet_are_passed_over():
    workbook = Workbook()
    workbook.active.title = "Notes"
    sheet = workbook.create_sheet("Lauréats")
    sheet.append(["Annuaire des lauréats 2026"])
    sheet.append([])
    sheet.append(["Nom", "Prénom", "Email"])
    sheet.append(["Alaoui", "Karim", "k@example.org"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = Table(buffer.getvalue(), "x.xlsx")
    assert table.headers == ["Nom", "Prénom", "Email"]
    assert list(table.rows()) == [(4, {"Nom": "Alaoui", "Prénom": "Karim", "Email": "k@example.org"})]


def _workbook(sheets) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_workbooks_sheets_holding_the_same_table_are_all_read():
    """One sheet per city: every sheet with the table's columns is read, one after the other; a
    notes sheet opening the workbook is passed over and named, as is a sheet of other columns."""
    data = _workbook(
        [
            ("Notes", [["Liste transmise par le consulat"], ["Mise à jour : mars"]]),
            ("Paris", [["Nom", "Prénom", "Email"], ["Alaoui", "Karim", "k@example.org"]]),
            (
                "Lyon",
                [
                    ["Liste de Lyon"],
                    ["Nom", "Prénom", "Email"],
                    ["Idrissi", "Nadia", ""],
                    ["Tazi", "Omar", ""],
                ],
            ),
            ("Codes", [["Code", "Libellé"], ["P", "Paris"]]),
        ]
    )
    table = Table(data, "x.xlsx")
    assert table.headers == ["Nom", "Prénom", "Email"]
    assert [(number, row["Prénom"]) for number, row in table.rows()] == [
        (2, "Karim"),
        (3, "Nadia"),
        (4, "Omar"),
    ]
    assert table.sheets == [("Paris", 2, 2), ("Lyon", 3, 4)]
    assert table.skipped_sheets == ["Notes", "Codes"]
    assert table.total_rows == 3


def test_a_first_row_of_unknown_headers_stays_the_header():
    table = Table(b"Code;Libelle;Valeur\nA1;Alaoui;12\n", "x.csv")
    assert table.headers == ["Code", "Libelle", "Valeur"]


@pytest.mark.parametrize(
    "head, rows, expected",
    [
        # Exports pasted together: UTF-8 lines and one saved by an older Windows tool.
        (
            "Nom;Prénom;Ville\n".encode(),
            "Alaoui;Hélène;Liège\n".encode() * 5 + "Tazi;Clément;Créteil\n".encode("cp1252"),
            "utf-8+cp1252",
        ),
        (
            "\ufeffNom;Prénom;Ville\n".encode(),
            "Alaoui;Hélène;Liège\n".encode() + "Tazi;Clément;Créteil\n".encode("cp1252"),
            "utf-8+cp1252",
        ),
        # A UTF-8 header typed over an Arabic export from Windows.
        ("Nom;Prénom;Ville\n".encode(), "Tazi;نادية;الرباط\n".encode("cp1256") * 3, "utf-8+cp1256"),
    ],
)
def test_a_file_mixing_utf8_and_a_windows_encoding_reads_each_line_right(head, rows, expected):
    table = Table(head + rows, "x.csv")
    assert table.encoding == expected and table.headers == ["Nom", "Prénom", "Ville"]
    read = [row for _number, row in table.rows()]
    assert list(read[-1].values()) == rows.splitlines()[-1].decode(expected.split("+")[1]).split(";")
    assert not any("\ufffd" in cell or "Ã" in cell for row in read for cell in row.values())
    # The import opens the file again with the encoding the upload found: the same rows.
    assert [row for _n, row in Table(head + rows, "x.csv", encoding=table.encoding).rows()] == read

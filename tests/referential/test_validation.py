"""Each check an imported row goes through, with good and bad values (fr, ar, en where it matters)."""

import datetime

import pytest

from django.utils import translation

from referential.models import SourceRecord
from referential.validation import (
    FIELD_LIMITS,
    REASONS,
    RowProblem,
    clean_arabic_name,
    clean_birth_date,
    clean_country,
    clean_email,
    clean_latin_name,
    clean_phone,
    fingerprint,
    format_partial_date,
    is_garbled,
    month_first,
    reason_message,
    split_full_name,
    validate_row,
)

TODAY = datetime.date(2026, 11, 29)


def _code(function, *args):
    with pytest.raises(RowProblem) as problem:
        function(*args)
    return problem.value.code


@pytest.mark.parametrize(
    "value, expected",
    [
        (" M.Amrani@Example.ORG ", "m.amrani@example.org"),
        ("mailto:fz@example.ma", "fz@example.ma"),
        ("Karim Tazi <Karim.Tazi@Example.org>", "karim.tazi@example.org"),  # as a mail client copies it
        ("<fz@example.ma>", "fz@example.ma"),
        ("fz@example.ma.", "fz@example.ma"),
        # A note beside it, an @ hidden from robots or typed with spaces, a comma typed for a dot.
        ("fz@example.ma (perso)", "fz@example.ma"),
        ("Karim Tazi (karim@example.org)", "karim@example.org"),
        ("fz(at)example.ma", "fz@example.ma"),
        ("fz [at] example.ma", "fz@example.ma"),
        ("fz @ example.ma", "fz@example.ma"),
        ("fz@example,ma", "fz@example.ma"),
        ("", ""),
    ],
)
def test_emails_are_lower_cased_and_trimmed(value, expected):
    assert clean_email(value) == expected


def test_a_cell_with_several_addresses_keeps_the_first_and_says_so():
    clean, warnings, reasons = validate_row(
        {"given_name": "Karim", "email": "k@example.ma; kt@example.fr"}, "FR"
    )
    assert reasons == [] and clean["email"] == "k@example.ma"
    assert [w["code"] for w in warnings] == ["several_emails"]
    for language, text in (("en", "Several email"), ("fr", "Plusieurs adresses"), ("ar", "عدة عناوين")):
        with translation.override(language):
            assert text in reason_message(warnings[0])


@pytest.mark.parametrize("value", ["karim@", "karim.example.org", "a b@example.org", "=cmd|' /C calc'!A0"])
def test_malformed_emails_are_refused(value):
    assert _code(clean_email, value) == "invalid_email"


@pytest.mark.parametrize(
    "value, region, expected",
    [
        ("06 12 34 56 78", "FR", "+33612345678"),
        ("+212 661-23-45-67", "FR", "+212661234567"),
        ("0033 6 12 34 56 78", "FR", "+33612345678"),
        ("0661234567", "MA", "+212661234567"),
        ("٠٦٦١٢٣٤٥٦٧", "MA", "+212661234567"),  # Arabic-Indic digits
        ("0470 12 34 56", "BE", "+32470123456"),
        # Notes beside the number, and what a spreadsheet makes of a number in a numeric cell.
        ("06 61 23 45 67 (mobile)", "MA", "+212661234567"),
        ("0661234567 (الهاتف المحمول)", "MA", "+212661234567"),
        ("33612345678.0", "FR", "+33612345678"),
        ("+33612345678.0", "FR", "+33612345678"),
        ("3.3612345678E+10", "FR", "+33612345678"),
        ("514-555-0199 poste 22", "CA", "+15145550199"),
        ("", "FR", ""),
    ],
)
def test_phones_become_e164_in_the_rows_country(value, region, expected):
    assert clean_phone(value, "", region) == (expected, None)


def test_a_national_number_read_in_the_sources_country_says_so():
    e164, warning = clean_phone("06 12 34 56 78", "FR", "")
    assert e164 == "+33612345678" and warning["code"] == "phone_country_assumed"
    assert clean_phone("+33 6 12 34 56 78", "FR", "") == ("+33612345678", None)


@pytest.mark.parametrize(
    "value, source, row, expected",
    [
        # The row's own country first: a Canadian consulate's member living in Morocco.
        ("0661234567", "CA", "MA", "+212661234567"),
        ("06 12 34 56 78", "MA", "FR", "+33612345678"),
        # North America dials 011 abroad; 00 elsewhere; both with any country as default.
        ("011 212 661 23 45 67", "CA", "CA", "+212661234567"),
        ("011 33 6 12 34 56 78", "US", "", "+33612345678"),
        ("00 212 661 23 45 67", "CA", "", "+212661234567"),
        # A foreign country code written in a local format, with its trunk 0 kept.
        ("(+212) 0661 23 45 67", "FR", "FR", "+212661234567"),
        ("00212 (0)661234567", "BE", "", "+212661234567"),
        ("212 661 23 45 67", "FR", "FR", "+212661234567"),
        ("+1 514 555 0199", "FR", "FR", "+15145550199"),
        ("(514) 555-2368", "FR", "CA", "+15145552368"),
        # A spreadsheet dropped the "+": in a country whose numbers start with 0, digits that do not
        # are an international number, even where they would also pass as a local one.
        ("4915123500474", "MA", "DE", "+4915123500474"),
        ("212650083439", "FR", "DE", "+212650083439"),
        ("97122103208", "MA", "FR", "+97122103208"),
        # …but a country that writes its numbers without a 0 keeps its own reading.
        ("3123549354", "MA", "IT", "+393123549354"),
        ("5145550199", "MA", "CA", "+15145550199"),
        # A spreadsheet stored the number as a number and dropped its leading 0: an Italian landline
        # (Italy keeps the 0 after +39; read as French it would be a wrong, valid number), a North
        # American 011 dialled abroad.
        ("212843339", "FR", "IT", "+390212843339"),
        (212572640, "MA", "IT", "+390212572640"),
        ("11212650153591", "CA", "US", "+212650153591"),
        (11212650153591, "CA", "", "+212650153591"),
    ],
)
def test_phones_are_read_in_the_rows_country_first_with_any_international_prefix(
    value, source, row, expected
):
    assert clean_phone(value, source, row) == (expected, None)


def test_a_number_outside_allocated_ranges_is_kept_with_a_warning_not_refused():
    e164, warning = clean_phone("06 99 99 99 99 9", "FR", "FR")
    assert warning is not None
    e164, warning = clean_phone("+212 5 99 99 99 99", "FR", "")
    assert e164 == "+212599999999" and warning["code"] == "phone_not_allocated"


def test_an_unallocated_number_stays_in_the_rows_country_not_a_bare_country_codes():
    # Read as a bare country code, 6612345678 is a possible Thai number (+66); on a Dutch row it is Dutch.
    e164, warning = clean_phone("6612345678", "FR", "NL")
    assert (e164, warning["code"]) == ("+316612345678", "phone_not_allocated")
    # A "+" written by the person still says the country.
    assert clean_phone("+66 1234 5678", "FR", "NL")[0] == "+6612345678"


@pytest.mark.parametrize("value", ["12", "06 12", "not a phone", "+212 12"])
def test_unreadable_phones_keep_only_their_raw_form_with_a_warning(value):
    assert clean_phone(value, "FR")[0] == ""
    assert clean_phone(value, "FR")[1]["code"] == "invalid_phone"
    clean, warnings, reasons = validate_row({"given_name": "Karim", "phone": value}, "FR", TODAY)
    assert reasons == [] and clean["phone"] == "" and clean["phone_raw"] == value
    assert [w["code"] for w in warnings] == ["invalid_phone"]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("03/04/1985", datetime.date(1985, 4, 3)),  # day first
        ("03-04-1985", datetime.date(1985, 4, 3)),
        ("03.04.1985", datetime.date(1985, 4, 3)),
        ("1985-04-03", datetime.date(1985, 4, 3)),
        ("04/25/1985", datetime.date(1985, 4, 25)),  # only readable month first
        ("03/04/85", datetime.date(1985, 4, 3)),
        ("12 mars 1978", datetime.date(1978, 3, 12)),
        ("1er août 1990", datetime.date(1990, 8, 1)),
        ("12 March 1978", datetime.date(1978, 3, 12)),
        ("March 12, 1978", datetime.date(1978, 3, 12)),  # as written in North America
        ("Mar. 12, 1978", datetime.date(1978, 3, 12)),
        ("12-Mar-1978", datetime.date(1978, 3, 12)),  # a spreadsheet's text export
        ("12th March 1978", datetime.date(1978, 3, 12)),
        ("19780312", datetime.date(1978, 3, 12)),  # ISO without separators
        ("28561", datetime.date(1978, 3, 12)),  # a spreadsheet's day number, its date format lost
        (28561.0, datetime.date(1978, 3, 12)),
        ("12 مارس 1978", datetime.date(1978, 3, 12)),
        ("١٢/٠٣/١٩٧٨", datetime.date(1978, 3, 12)),
        (datetime.datetime(1978, 3, 12), datetime.date(1978, 3, 12)),  # a spreadsheet date
        ("12 03 1978", datetime.date(1978, 3, 12)),  # spaces for separators
        ("1978 03 12", datetime.date(1978, 3, 12)),
        ("12 / 03 / 1978", datetime.date(1978, 3, 12)),
        ("né le 12/03/1978", datetime.date(1978, 3, 12)),  # words before the date
        ("Born on March 12, 1978", datetime.date(1978, 3, 12)),
        ("مزداد بتاريخ 12/03/1978", datetime.date(1978, 3, 12)),
        # A time of day, a timestamp's zone, a note after the date; capitals; a two-digit year in words.
        ("12/03/1978 14:22", datetime.date(1978, 3, 12)),
        ("1978-03-12T10:00:00+01:00", datetime.date(1978, 3, 12)),
        ("1978-03-12Z", datetime.date(1978, 3, 12)),
        ("03/12/1978 2:30 PM", datetime.date(1978, 12, 3)),
        ("12/03/1978 (à vérifier)", datetime.date(1978, 3, 12)),
        ("12 OCT 1978", datetime.date(1978, 10, 12)),
        ("12-Mar-78", datetime.date(1978, 3, 12)),
        # Written in a host country's language (CLDR month names).
        ("12 marzo 1978", datetime.date(1978, 3, 12)),
        ("12. März 1978", datetime.date(1978, 3, 12)),
        ("12 de marzo de 1978", datetime.date(1978, 3, 12)),
        ("12 maart 1978", datetime.date(1978, 3, 12)),
        ("12 Okt. 1978", datetime.date(1978, 10, 12)),
        ("3 giugno 1980", datetime.date(1980, 6, 3)),
        # A day's name before the date; eight digits day first where they cannot be yyyymmdd.
        ("Tuesday, March 12, 1985", datetime.date(1985, 3, 12)),
        ("mardi 12 mars 1985", datetime.date(1985, 3, 12)),
        ("31121985", datetime.date(1985, 12, 31)),
        ("19850312", datetime.date(1985, 3, 12)),
        ("", None),
    ],
)
def test_dates_in_common_formats(value, expected):
    assert clean_birth_date(value, TODAY) == (expected, "day" if expected else "")


@pytest.mark.parametrize(
    "value, expected, precision",
    [
        ("1980", datetime.date(1980, 1, 1), "year"),
        ("vers 1980", datetime.date(1980, 1, 1), "year"),
        ("1980 (approx.)", datetime.date(1980, 1, 1), "year"),
        (1980, datetime.date(1980, 1, 1), "year"),  # a spreadsheet number
        ("١٩٨٠", datetime.date(1980, 1, 1), "year"),
        ("00/00/1980", datetime.date(1980, 1, 1), "year"),
        ("03/1980", datetime.date(1980, 3, 1), "month"),
        ("1980-03", datetime.date(1980, 3, 1), "month"),
        ("00/03/1980", datetime.date(1980, 3, 1), "month"),
        ("mars 1980", datetime.date(1980, 3, 1), "month"),
        ("März 1980", datetime.date(1980, 3, 1), "month"),
        ("marzo de 1980", datetime.date(1980, 3, 1), "month"),
        ("Mar 1980", datetime.date(1980, 3, 1), "month"),  # March, not the Spanish Tuesday "mar"
        ("1980 ?", datetime.date(1980, 1, 1), "year"),
        ("~1980", datetime.date(1980, 1, 1), "year"),
    ],
)
def test_partial_dates_keep_their_precision(value, expected, precision):
    assert clean_birth_date(value, TODAY) == (expected, precision)
    clean, warnings, reasons = validate_row({"given_name": "Karim", "birth_date": value}, "FR", TODAY)
    assert (clean["birth_date"], clean["birth_date_precision"], warnings, reasons) == (
        expected,
        precision,
        [],
        [],
    )
    assert (
        format_partial_date(expected, precision)
        == {
            "year": "1980",
            "month": "1980-03",
        }[precision]
    )


@pytest.mark.parametrize("value", ["hier", "31/02", "1980 ou 1985", "13/13/2031", "12/03/85?!"])
def test_impossible_dates_without_one_plausible_year_are_left_empty(value):
    assert _code(clean_birth_date, value, TODAY) == "invalid_date"


@pytest.mark.parametrize("value", ["31/02/1980", "13/13/1980", "1980-13", "1980-13-01", "٣١/٠٢/١٩٨٠"])
def test_impossible_dates_keep_their_year_with_a_warning(value):
    with pytest.raises(RowProblem) as problem:
        clean_birth_date(value, TODAY)
    assert (problem.value.code, problem.value.keep) == ("date_year_kept", (datetime.date(1980, 1, 1), "year"))
    clean, warnings, _reasons = validate_row({"given_name": "Karim", "birth_date": value}, "FR", TODAY)
    assert (clean["birth_date"], clean["birth_date_precision"]) == (datetime.date(1980, 1, 1), "year")
    assert [w["code"] for w in warnings] == ["date_year_kept"]


@pytest.mark.parametrize("value", ["01/01/2030", "01/01/1850"])
def test_implausible_birth_dates_are_refused(value):
    assert _code(clean_birth_date, value, TODAY) == "implausible_date"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("France", "FR"),
        ("FRANCE", "FR"),
        ("fr", "FR"),
        ("فرنسا", "FR"),
        ("Belgique", "BE"),
        ("Belgium", "BE"),
        ("بلجيكا", "BE"),
        ("Maroc", "MA"),
        ("المغرب", "MA"),
        ("Morocco", "MA"),
        ("Pays-Bas", "NL"),
        ("Royaume-Uni", "GB"),
        ("UK", "GB"),
        ("Émirats arabes unis", "AE"),
        # CLDR names in every language, other scripts, lower-case codes.
        ("Italia", "IT"),
        ("Deutschland", "DE"),
        ("België", "BE"),
        ("España", "ES"),
        ("Nederland", "NL"),
        ("ma", "MA"),
        ("إيطاليا", "IT"),
        ("ألمانيا", "DE"),
        ("Etats-Unis", "US"),
        ("Kanada", "CA"),
        # Arabic forms people type, and two forms of one country in one cell.
        ("بريطانيا", "GB"),
        ("انجلترا", "GB"),
        ("الولايات المتحدة الأمريكية", "US"),
        ("FR - France", "FR"),
        ("France métropolitaine", "FR"),
        ("Guinée-Bissau", "GW"),
        ("", ""),
    ],
)
def test_countries_by_name_in_fr_ar_en_or_code(value, expected):
    assert clean_country(value) == expected


@pytest.mark.parametrize("value", ["Atlantide", "Narnia", "XX"])
def test_unknown_countries_are_refused(value):
    assert _code(clean_country, value) == "unknown_country"


@pytest.mark.parametrize(
    "text, garbled",
    [
        ("Benoît Élodie Zoë", False),
        ("محمد العمراني", False),
        ("Çağla Núñez", False),
        ("Ã‰lodie", True),  # UTF-8 read as Windows-1252
        ("Ù…Ø­Ù…Ø¯", True),  # Arabic UTF-8 read as Windows-1252
        ("ظ…ط­ظ…ط¯", True),  # Arabic UTF-8 read as Windows-1256
        ("Mo\ufffdamed", True),  # replacement character
        ("Moh\x00amed", True),
    ],
)
def test_encoding_problems_are_seen(text, garbled):
    assert is_garbled(text) is garbled


def test_names_must_be_in_the_script_of_their_column():
    assert clean_latin_name("  El   Amrani ", "family_name") == "El Amrani"
    assert clean_latin_name("N'Diaye-Benali", "family_name") == "N'Diaye-Benali"
    assert clean_arabic_name("محمد العمراني") == "محمد العمراني"
    assert _code(clean_latin_name, "العمراني", "family_name") == "latin_name_in_arabic_script"
    assert _code(clean_arabic_name, "Mohamed") == "arabic_name_in_latin_script"
    assert _code(clean_latin_name, "Mohamed2", "given_name") == "name_has_digits"
    assert _code(clean_latin_name, '=HYPERLINK("x")', "given_name") == "name_bad_characters"
    assert _code(clean_latin_name, "Ã©lodie", "given_name") == "bad_encoding"


def test_full_names_split_into_given_and_family():
    assert split_full_name("Mohamed El Amrani") == ("Mohamed", "El Amrani")
    assert split_full_name("EL AMRANI, Mohamed") == ("Mohamed", "EL AMRANI")
    assert split_full_name("BENNANI Fatima Zahra") == ("Fatima Zahra", "BENNANI")
    assert split_full_name("Fatima Zahra Bennani") == ("Fatima Zahra", "Bennani")
    assert split_full_name("Abd el Kader Tazi") == ("Abd el Kader", "Tazi")
    assert split_full_name("Nour Eddine El Idrissi") == ("Nour Eddine", "El Idrissi")
    # Family first without capitals: a family particle says so (no given name is Ben or Aït).
    assert split_full_name("Ben Lattif Youcef") == ("Youcef", "Ben Lattif")
    assert split_full_name("Ait El Haj Fatima Zahra") == ("Fatima Zahra", "Ait El Haj")
    assert split_full_name("Youcef Ben Lattif") == ("Youcef", "Ben Lattif")
    assert split_full_name("El Mehdi Tazi") == ("El Mehdi", "Tazi")


def test_a_row_is_refused_only_when_nothing_identifies_a_person():
    clean, warnings, reasons = validate_row({"name_arabic": "فاطمة بناني"}, "FR", TODAY)
    assert reasons == [] and clean["name_arabic"] == "فاطمة بناني"
    clean, warnings, reasons = validate_row({"full_name": "Fatima Bennani"}, "FR", TODAY)
    assert reasons == [] and (clean["given_name"], clean["family_name"]) == ("Fatima", "Bennani")
    clean, warnings, reasons = validate_row({"email": "x@example.org"}, "FR", TODAY)
    assert reasons == [] and [w["code"] for w in warnings] == ["missing_name"]
    _clean, _warnings, reasons = validate_row({"city": "Lyon", "birth_date": "1980"}, "FR", TODAY)
    assert [reason["code"] for reason in reasons] == ["nothing_identifies"]


@pytest.mark.parametrize(
    "row",
    [
        {"full_name": "Total : 2"},
        {"family_name": "TOTAL", "birth_date": "1894"},  # the count sits under another column
        {"external_id": "Nombre d'adhérents : 1894"},
        {"full_name": "Grand total: 1 234"},
        {"name_arabic": "المجموع 12"},
    ],
)
def test_a_total_under_the_table_is_refused_as_such_not_imported_as_a_person(row):
    _clean, warnings, reasons = validate_row(row, "FR", TODAY)
    assert [reason["code"] for reason in reasons] == ["summary_row"] and warnings == []


@pytest.mark.parametrize(
    "row",
    [
        {"given_name": "Karim", "family_name": "Total"},  # a name beside it: a person
        {"full_name": "Count Basie", "email": "basie@example.org"},
        {"family_name": "Nombre"},
    ],
)
def test_people_whose_name_looks_like_a_total_are_imported(row):
    assert validate_row(row, "FR", TODAY)[2] == []


@pytest.mark.parametrize(
    "placeholder", ["-", "—", "?", "N/A", "n.d.", "inconnu", "Néant", "غير معروف", "NULL"]
)
def test_placeholders_are_empty_cells_not_values_to_warn_about(placeholder):
    row = {field: placeholder for field in ("family_name", "birth_date", "email", "phone", "city", "country")}
    clean, warnings, reasons = validate_row({**row, "given_name": "Karim"}, "FR", TODAY)
    assert reasons == [] and warnings == []
    assert (clean["given_name"], clean["family_name"], clean["birth_date"], clean["email"]) == (
        "Karim",
        "",
        None,
        "",
    )
    assert (clean["phone"], clean["phone_raw"], clean["city"], clean["country"]) == ("", "", "", "")
    # A row of placeholders identifies nobody; a source's record id 0 and Namibia's code stay.
    assert validate_row(row, "FR", TODAY)[2][0]["code"] == "nothing_identifies"
    clean, _warnings, _reasons = validate_row(
        {"given_name": "Karim", "external_id": "0", "country": "NA"}, "FR", TODAY
    )
    assert (clean["external_id"], clean["country"]) == ("0", "NA")


def test_names_in_the_wrong_script_move_to_the_right_field_with_a_warning():
    clean, warnings, reasons = validate_row(
        {"given_name": "فاطمة الزهراء", "family_name": "بناني", "name_arabic": "Fatima Zahra Bennani"}, "FR"
    )
    assert reasons == []
    assert clean["name_arabic"] == "فاطمة الزهراء بناني"
    assert (clean["given_name"], clean["family_name"]) == ("Fatima Zahra", "Bennani")
    assert {w["code"] for w in warnings} == {"latin_name_in_arabic_script", "arabic_name_in_latin_script"}
    clean, warnings, _reasons = validate_row({"given_name": "Mohamed2", "family_name": "Ã‰lamrani"}, "FR")
    assert (clean["given_name"], clean["family_name"]) == ("Mohamed", "Élamrani")
    assert {w["code"] for w in warnings} == {"name_has_digits", "repaired_encoding"}


def test_a_doubtful_cell_is_blanked_with_a_warning_and_the_row_kept():
    clean, warnings, reasons = validate_row(
        {
            "given_name": "Karim",
            "birth_date": "31/02/19",
            "email": "karim@",
            "phone": "12",
            "country": "Narnia",
        },
        "FR",
        TODAY,
    )
    assert reasons == []
    assert (clean["given_name"], clean["birth_date"], clean["email"], clean["country"]) == (
        "Karim",
        None,
        "",
        "",
    )
    assert {(r["field"], r["code"]) for r in warnings} == {
        ("birth_date", "invalid_date"),
        ("email", "invalid_email"),
        ("phone", "invalid_phone"),
        ("country", "unknown_country"),
    }


def test_reasons_render_in_the_readers_language():
    reason = {"code": "invalid_email", "field": "email", "value": "karim@"}
    rendered = {}
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            rendered[language] = reason_message(reason)
    assert rendered["en"] == "email: Not a valid email address: left empty."
    assert rendered["fr"] != rendered["en"] and "adresse" in rendered["fr"].lower()
    assert any("\u0600" <= c <= "\u06ff" for c in rendered["ar"])


def test_the_fingerprint_ignores_case_and_spacing_but_not_content():
    one, _, _ = validate_row({"given_name": "Mohamed ", "family_name": "EL AMRANI", "email": "M@x.org"}, "FR")
    two, _, _ = validate_row({"given_name": "mohamed", "family_name": "El  Amrani", "email": "m@x.org"}, "FR")
    three, _, _ = validate_row(
        {"given_name": "Mohammed", "family_name": "El Amrani", "email": "m@x.org"}, "FR"
    )
    assert fingerprint(one) == fingerprint(two) != fingerprint(three)


@pytest.mark.parametrize(
    "value", ["+212661234567 / 0522123456", "06 61 23 45 67 ou 05 22 12 34 56", "0661234567 و 0522123456"]
)
def test_a_cell_with_several_numbers_keeps_the_first_that_reads_and_says_so(value):
    clean, warnings, reasons = validate_row({"given_name": "Karim", "phone": value}, "MA", TODAY)
    assert reasons == [] and clean["phone"] == "+212661234567" and clean["phone_raw"] == value
    assert [w["code"] for w in warnings] == ["several_phones"]
    for language, text in (("en", "Several numbers"), ("fr", "Plusieurs numéros"), ("ar", "عدة أرقام")):
        with translation.override(language):
            assert text in reason_message(warnings[0])


@pytest.mark.parametrize(
    "values, given, family, arabic",
    [
        ({"full_name": "Dr. Ahmed ALAOUI"}, "Ahmed", "ALAOUI", ""),
        ({"full_name": "Mme Fatima Zahra BENNANI"}, "Fatima Zahra", "BENNANI", ""),
        ({"full_name": "M. Karim Tazi"}, "Karim", "Tazi", ""),
        ({"full_name": "ALAOUI Ahmed (Dr)"}, "Ahmed", "ALAOUI", ""),
        ({"full_name": "Ahmed Alaoui, PhD"}, "Ahmed", "Alaoui", ""),
        ({"given_name": "Pr Youssef", "family_name": "El Amrani"}, "Youssef", "El Amrani", ""),
        ({"name_arabic": "الدكتور أحمد العلوي"}, "", "", "أحمد العلوي"),
        ({"name_arabic": "ذ. محمد الإدريسي"}, "", "", "محمد الإدريسي"),
        # "Family, Given", and what civil records add after a name.
        ({"full_name": "Alaoui, Mohamed Amine"}, "Mohamed Amine", "Alaoui", ""),
        ({"full_name": "BENNANI Fatima-Zahra (née Alaoui)"}, "Fatima-Zahra", "BENNANI", ""),
        ({"given_name": "Khadija", "family_name": "ALAOUI épouse BENNANI"}, "Khadija", "ALAOUI", ""),
        ({"given_name": "Renée", "family_name": "Née"}, "Renée", "Née", ""),
        # The married name in capitals after the note; the given name after it stays.
        ({"full_name": "EL IDRISSI ép. BENNANI Fatima"}, "Fatima", "EL IDRISSI", ""),
        ({"full_name": "Fatima Zahra EL IDRISSI épouse BENNANI"}, "Fatima Zahra", "EL IDRISSI", ""),
        # A cell in both scripts: the Arabic half is the Arabic name, unless a column holds one.
        ({"full_name": "Karim Tazi / كريم التازي"}, "Karim", "Tazi", "كريم التازي"),
        ({"full_name": "Karim Tazi (كريم التازي)"}, "Karim", "Tazi", "كريم التازي"),
        ({"given_name": "Karim كريم", "family_name": "Tazi التازي"}, "Karim", "Tazi", "كريم التازي"),
        ({"full_name": "Karim Tazi / كريم", "name_arabic": "كريم التازي"}, "Karim", "Tazi", "كريم التازي"),
        # Not titles: a compound given name, an initial before a single name, a family name alone.
        ({"name_arabic": "سيدي محمد العلوي"}, "", "", "سيدي محمد العلوي"),
        ({"full_name": "M Alaoui"}, "M", "Alaoui", ""),
        ({"family_name": "Dr"}, "", "Dr", ""),
    ],
)
def test_titles_around_a_name_are_not_part_of_it(values, given, family, arabic):
    clean, warnings, reasons = validate_row(values, "FR", TODAY)
    assert (clean["given_name"], clean["family_name"], clean["name_arabic"]) == (given, family, arabic)
    assert warnings == [] and reasons == []


def test_month_first_is_read_off_the_column_and_garbled_cells_do_not_stop_it():
    assert month_first(["03/12/1985", "12/25/1990", "Ã©Ã©", None, "01/30/1977"])
    assert not month_first(["03/12/1985", "25/12/1990", "12/25/1991"])  # one each way: day first
    assert not month_first(["1985-12-25", "1990", ""])


def test_a_cell_longer_than_its_field_is_cut_with_a_warning_not_failing_the_row():
    clean, warnings, reasons = validate_row(
        {
            "external_id": "N" * 80,
            "given_name": "Karim " + "Abdelkrim " * 15,
            "family_name": "Tazi",
            "email": "k" * 250 + "@example.org",
            "phone": "06 12 34 56 78 (mobile, le soir) / 05 22 12 34 56 (bureau, en semaine)",
            "city": "Lille " * 30,
        },
        "FR",
        TODAY,
    )
    assert reasons == []
    for field, limit in FIELD_LIMITS.items():
        assert len(clean[field]) <= limit, field
    assert clean["given_name"].startswith("Karim Abdelkrim") and clean["family_name"] == "Tazi"
    assert clean["email"] == "" and clean["phone"] == "+33612345678"
    assert clean["phone_raw"].startswith("06 12 34 56 78 (mobile")  # 69 characters: the field holds them
    assert {(w["field"], w["code"]) for w in warnings} >= {
        ("external_id", "too_long"),
        ("given_name", "too_long"),
        ("email", "invalid_email"),
        ("city", "too_long"),
    }
    assert next(w for w in warnings if w["field"] == "external_id")["value"] == "N" * 80


def test_the_limits_are_the_record_fields_and_every_warning_code_fits_the_filter_column():
    fields = {field.name: field for field in SourceRecord._meta.fields}
    assert {name: fields[name].max_length for name in FIELD_LIMITS} == FIELD_LIMITS
    every_code = " " + " ".join(REASONS) + " "
    assert len(every_code) <= fields["warning_codes"].max_length

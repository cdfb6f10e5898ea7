"""Upload, map, preview, commit: good rows go in, bad rows are kept with reasons, nothing twice."""

import csv
import io

import pytest

from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from core.models import AuditLog
from referential import selectors, services
from referential.factories import SourceFactory
from referential.models import ColumnMapping, ImportBatch, RejectedRow, SourceRecord

from .helpers import BAD_ROWS, GOOD_ROWS, NOBODY_ROWS, analyst, client_for, csv_bytes, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


def _imported(source, user, data, name="liste.csv", mapping=None):
    batch = services.batch_upload(source=source, upload=upload(data, name), user=user)
    services.batch_map(batch=batch, mapping=mapping or batch.mapping, user=user)
    services.batch_commit(batch=batch, user=user)  # the task runs eagerly on commit
    return batch


def _run_on_commit(django_capture_on_commit_callbacks, function, *args, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return function(*args, **kwargs)


@pytest.fixture
def imported(django_capture_on_commit_callbacks):
    def run(source, user, data, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            batch = _imported(source, user, data, **kwargs)
        batch.refresh_from_db()
        return batch

    return run


def test_a_csv_goes_in_with_normalised_values_doubtful_cells_warned_and_nobody_rows_kept_aside(imported):
    user, source = analyst(), SourceFactory(country="FR")
    batch = imported(source, user, csv_bytes(GOOD_ROWS + BAD_ROWS + NOBODY_ROWS))
    assert batch.status == ImportBatch.Status.DONE and batch.finished_at
    assert (batch.total_rows, batch.accepted_rows, batch.rejected_rows, batch.duplicate_rows) == (7, 6, 1, 0)
    assert batch.warning_rows == 3
    assert batch.progress == 100
    record = SourceRecord.objects.get(source=source, family_name="El Amrani")
    assert (record.email, record.phone, record.country, str(record.birth_date)) == (
        "m.amrani@example.org",
        "+33612345678",
        "FR",
        "1985-04-03",
    )
    assert (
        record.name_arabic == "محمد العمراني" and record.row_number == 2 and record.raw["Prénom"] == "Mohamed"
    )
    assert SourceRecord.objects.get(family_name="Bennani").country == "FR"  # "فرنسا"
    warned = {
        record.row_number: {w["code"] for w in record.warnings}
        for record in SourceRecord.objects.filter(batch=batch).exclude(warnings=[])
    }
    assert warned == {
        5: {"date_year_kept", "invalid_email", "invalid_phone", "unknown_country"},
        6: {"latin_name_in_arabic_script", "arabic_name_in_latin_script"},
        7: {"invalid_email"},
    }
    karim = SourceRecord.objects.get(batch=batch, row_number=5)
    assert (karim.given_name, karim.country, karim.phone, karim.phone_raw) == ("Karim", "", "", "12")
    # 31/02/1980 is no date, but its year is still the person's: kept, with its precision.
    assert (str(karim.birth_date), karim.birth_date_precision) == ("1980-01-01", "year")
    assert karim.raw["Pays"] == "Atlantide"
    moved = SourceRecord.objects.get(batch=batch, row_number=6)
    assert (moved.given_name, moved.name_arabic) == ("Mohamed", "محمد")
    assert {
        row.row_number: [r["code"] for r in row.reasons] for row in RejectedRow.objects.filter(batch=batch)
    } == {8: ["nothing_identifies"]}


def test_an_xlsx_file_imports_like_a_csv(imported):
    user, source = analyst(), SourceFactory()
    # (openpyxl would write the third bad row's "=cmd…" as a formula: left out here.)
    batch = imported(source, user, xlsx_bytes(GOOD_ROWS + BAD_ROWS[:2] + NOBODY_ROWS), name="liste.xlsx")
    assert batch.file_format == "xlsx"
    assert (batch.accepted_rows, batch.warning_rows, batch.rejected_rows) == (5, 2, 1)
    assert SourceRecord.objects.get(family_name="El Amrani").birth_date.isoformat() == "1985-04-03"


def test_a_windows_1256_arabic_csv_imports_its_arabic_names(imported):
    headers = ["الاسم الشخصي", "النسب", "الاسم بالعربية", "البلد"]
    rows = [
        ["Mohamed", "El Amrani", "محمد العمراني", "المغرب"],
        ["Hélène", "Benaïssa", "هيلين بنعيسى", "فرنسا"],
    ]
    batch = imported(SourceFactory(), analyst(), csv_bytes(rows, headers=headers, encoding="cp1256"))
    assert batch.encoding == "cp1256" and batch.accepted_rows == 2
    assert set(SourceRecord.objects.values_list("name_arabic", "country")) == {
        ("محمد العمراني", "MA"),
        ("هيلين بنعيسى", "FR"),
    }


def test_a_utf8_bom_csv_with_semicolons_imports(imported):
    batch = imported(SourceFactory(), analyst(), csv_bytes(GOOD_ROWS, encoding="utf-8-sig", delimiter=";"))
    assert (batch.encoding, batch.delimiter, batch.accepted_rows) == ("utf-8-sig", ";", 3)
    assert batch.headers[0] == "Prénom"


def test_the_same_file_again_changes_nothing_and_says_so(imported):
    user, source = analyst(), SourceFactory()
    data = csv_bytes(GOOD_ROWS + BAD_ROWS + NOBODY_ROWS)
    first = imported(source, user, data)
    second = imported(source, user, data)
    assert SourceRecord.objects.filter(source=source).count() == 6
    assert (second.accepted_rows, second.duplicate_rows, second.rejected_rows) == (0, 6, 1)
    assert selectors.earlier_import_of_same_file(second) == first
    page = client_for(user).get(reverse("referential:batch", args=[second.pk]))
    assert "contenu identique" in page.content.decode()  # the analyst reads French
    assert f'href="{reverse("referential:batch", args=[first.pk])}"' in page.content.decode()


def test_the_same_rows_in_another_file_or_twice_in_one_are_duplicates(imported):
    user, source = analyst(), SourceFactory()
    imported(source, user, csv_bytes(GOOD_ROWS[:2]))
    batch = imported(source, user, csv_bytes([GOOD_ROWS[0], GOOD_ROWS[2], GOOD_ROWS[2]]))
    assert (batch.accepted_rows, batch.duplicate_rows) == (1, 2)
    assert SourceRecord.objects.filter(source=source).count() == 3


def test_the_same_person_from_another_source_is_kept_for_linkage(imported):
    user = analyst()
    imported(SourceFactory(name="Consulat de Lyon"), user, csv_bytes(GOOD_ROWS[:1]))
    imported(SourceFactory(name="Réseau des ingénieurs"), user, csv_bytes(GOOD_ROWS[:1]))
    assert SourceRecord.objects.filter(family_name="El Amrani").count() == 2


def test_the_fingerprint_is_unique_per_source_in_the_database(imported):
    batch = imported(SourceFactory(), analyst(), csv_bytes(GOOD_ROWS[:1]))
    record = SourceRecord.objects.get(batch=batch)
    record.pk = None
    with pytest.raises(IntegrityError):
        record.save()


def test_a_crash_mid_import_leaves_no_half_chunk_and_a_rerun_resumes(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.REFERENTIAL_IMPORT_CHUNK_SIZE = 2
    user, source = analyst(), SourceFactory()
    rows = [
        [f"Prenom{chr(97 + i)}", f"Nom{chr(97 + i)}", "", "", f"p{i}@example.org", "", "", ""]
        for i in range(5)
    ]
    rows = [[row[0].replace("Prenom", "Amine"), row[1].replace("Nom", "Tazi"), *row[2:]] for row in rows]
    batch = services.batch_upload(source=source, upload=upload(csv_bytes(rows + NOBODY_ROWS)), user=user)
    services.batch_map(batch=batch, mapping=batch.mapping, user=user)

    real_bulk_create = RejectedRow.objects.bulk_create
    calls = {"n": 0}

    def crash_on_second_chunk(objs, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # after the second chunk's records are written, before its end
            raise OSError("disk full")
        return real_bulk_create(objs, *args, **kwargs)

    monkeypatch.setattr(RejectedRow.objects, "bulk_create", crash_on_second_chunk)
    with django_capture_on_commit_callbacks(execute=True):
        services.batch_commit(batch=batch, user=user)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED and "disk full" in batch.error
    assert batch.processed_rows == 2 and batch.accepted_rows == 2
    assert SourceRecord.objects.filter(batch=batch).count() == 2  # the second chunk left nothing

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        services.batch_commit(batch=batch, user=user)  # "Resume the import"
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    assert (batch.processed_rows, batch.accepted_rows, batch.rejected_rows, batch.duplicate_rows) == (
        6,
        5,
        1,
        0,
    )
    assert SourceRecord.objects.filter(batch=batch).count() == 5


def test_the_task_is_idempotent_once_done(imported):
    from referential.tasks import batch_import

    batch = imported(SourceFactory(), analyst(), csv_bytes(GOOD_ROWS))
    batch_import.delay(batch.pk)
    batch.refresh_from_db()
    assert batch.accepted_rows == 3 and SourceRecord.objects.count() == 3


def test_the_mapping_is_remembered_and_proposed_for_the_sources_next_file(imported):
    user, source = analyst(), SourceFactory()
    headers = ["NOM_USAGE", "PRENOM", "MAIL_PERSO"]
    mapping = {"family_name": "NOM_USAGE", "given_name": "PRENOM", "email": "MAIL_PERSO"}
    imported(source, user, csv_bytes([["Tazi", "Karim", "k@example.org"]], headers=headers), mapping=mapping)
    assert ColumnMapping.objects.get(source=source).mapping == mapping
    nxt = services.batch_upload(
        source=source,
        upload=upload(csv_bytes([["Alaoui", "Sara", "s@example.org"]], headers=headers)),
        user=user,
    )
    assert nxt.mapping == {"given_name": "PRENOM", "family_name": "NOM_USAGE", "email": "MAIL_PERSO"}
    page = client_for(user).get(reverse("referential:batch_mapping", args=[nxt.pk]))
    assert '<option value="MAIL_PERSO" selected>' in page.content.decode()


def test_a_mapping_without_any_name_column_is_refused():
    user, source = analyst(), SourceFactory()
    batch = services.batch_upload(source=source, upload=upload(csv_bytes(GOOD_ROWS)), user=user)
    response = client_for(user).post(
        reverse("referential:batch_mapping", args=[batch.pk]), {"email": "Courriel"}
    )
    assert response.status_code == 400
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.UPLOADED


@pytest.mark.parametrize(
    "data, name",
    [
        (b"PK\x03\x04broken", "x.xlsx"),
        (b"", "empty.csv"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "photo.csv"),
        (b'Nom,Notes\nTazi,"' + b"x" * 200_000 + b'"\n', "huge-cell.csv"),
    ],
)
def test_the_upload_form_refuses_what_it_cannot_read(data, name):
    user, source = analyst(), SourceFactory()
    response = client_for(user).post(
        reverse("referential:source", args=[source.pk]), {"file": upload(data, name)}
    )
    assert response.status_code == 400 and not ImportBatch.objects.exists()
    assert "errorlist" in response.content.decode()


def test_the_upload_size_is_limited(settings):
    settings.REFERENTIAL_MAX_UPLOAD_SIZE = 100
    user, source = analyst(), SourceFactory()
    response = client_for(user).post(
        reverse("referential:source", args=[source.pk]), {"file": upload(csv_bytes(GOOD_ROWS))}
    )
    assert response.status_code == 400 and not ImportBatch.objects.exists()


def test_the_pages_walk_from_upload_to_the_rejected_rows(django_capture_on_commit_callbacks):
    user, source = analyst(preferred_language="fr"), SourceFactory()
    client = client_for(user)
    response = client.post(
        reverse("referential:source", args=[source.pk]),
        {"file": upload(csv_bytes(GOOD_ROWS + BAD_ROWS + NOBODY_ROWS))},
    )
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("referential:batch_mapping", args=[batch.pk])
    assert batch.file.name.startswith("referential/imports/") and "liste" not in batch.file.name
    response = client.post(reverse("referential:batch_mapping", args=[batch.pk]), batch.mapping)
    assert response["Location"] == reverse("referential:batch_preview", args=[batch.pk])
    preview = client.get(reverse("referential:batch_preview", args=[batch.pk])).content.decode()
    assert "+33612345678" in preview and "Avec des avertissements" in preview
    assert "Pays inconnu" in preview  # the warning on Karim's country, in French
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("referential:batch_commit", args=[batch.pk]))
    page = client.get(reverse("referential:batch", args=[batch.pk])).content.decode()
    assert "Pays inconnu" in page and 'value="100"' in page and "Lille" in page
    assert "Correspondance des colonnes utilisée" in page and "<bdi>Courriel</bdi>" in page
    home = client.get(reverse("referential:home")).content.decode()
    assert f'href="{reverse("referential:source", args=[source.pk])}"' in home and "<td>6</td>" in home
    progress = client.get(reverse("referential:batch_progress", args=[batch.pk])).json()
    assert progress == {
        "status": "done",
        "status_label": progress["status_label"],
        "progress": 100,
        "total": 7,
        "processed": 7,
        "accepted": 6,
        "rejected": 1,
        "warnings": 3,
        "updated": 0,
        "duplicates": 0,
        "finished": True,
    }
    actions = list(AuditLog.objects.filter(actor=user).values_list("action", flat=True))
    assert {"referential.upload", "referential.map", "referential.view", "referential.commit"} <= set(actions)
    log = client.get(reverse("referential:access_log")).content.decode()
    assert "A déposé un fichier" in log and "A lancé l’import" in log


def test_private_files_go_where_private_media_root_says(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "vault")
    batch = services.batch_upload(source=SourceFactory(), upload=upload(csv_bytes(GOOD_ROWS)), user=analyst())
    assert batch.file.path.startswith(str(tmp_path / "vault" / "referential" / "imports"))


def test_the_progress_endpoint_reports_a_running_import():
    user, source = analyst(), SourceFactory()
    batch = services.batch_upload(source=source, upload=upload(csv_bytes(GOOD_ROWS + BAD_ROWS)), user=user)
    ImportBatch.objects.filter(pk=batch.pk).update(status="running", processed_rows=3, accepted_rows=3)
    data = client_for(user).get(reverse("referential:batch_progress", args=[batch.pk])).json()
    assert (data["progress"], data["processed"], data["finished"]) == (50, 3, False)  # 3 of 6 rows
    page = client_for(user).get(reverse("referential:batch", args=[batch.pk])).content.decode()
    assert "data-running" in page and "<noscript>" in page  # JS polls; without JS, a refresh link


def _csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_rejected_rows_download_in_the_analysts_language_and_is_formula_safe(imported):
    user = analyst()
    batch = imported(SourceFactory(), user, csv_bytes(GOOD_ROWS + BAD_ROWS + NOBODY_ROWS))
    client = client_for(user)
    responses = {}
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            url = reverse("referential:batch_rejected_csv", args=[batch.pk])
        assert url.startswith(f"/{language}/")
        responses[language] = client.get(url)
    english = _csv_rows(responses["en"])
    assert english[0] == ["Row", *batch.headers, "Reasons"]
    assert [row[0] for row in english[1:]] == ["8"]
    assert "Nothing identifies a person" in english[1][-1]
    assert responses["en"]["Content-Disposition"].startswith("attachment;")
    assert responses["fr"].content != responses["en"].content != responses["ar"].content
    assert (
        AuditLog.objects.filter(
            actor=user, action="referential.download_rejected", context__batch=batch.pk, kind="export"
        ).count()
        == 3
    )


def test_rows_with_warnings_are_listed_filtered_and_downloaded_formula_safe(imported):
    user = analyst()
    batch = imported(SourceFactory(), user, csv_bytes(GOOD_ROWS + BAD_ROWS))
    client = client_for(user)
    with translation.override("en"):
        page_url = reverse("referential:batch", args=[batch.pk])
        csv_url = reverse("referential:batch_warnings_csv", args=[batch.pk])
    page = client.get(page_url).content.decode()
    assert "Rows imported with warnings" in page and 'value="invalid_email"' in page
    only_email = client.get(page_url, {"warning": "invalid_email"}).content.decode()
    assert "Idrissi" in only_email and "Karim" in only_email and "<bdi>Mohamed</bdi>" not in only_email
    rows = _csv_rows(client.get(csv_url))
    assert rows[0] == ["Row", "Record id in the source", *batch.headers, "Warnings"]
    assert [row[0] for row in rows[1:]] == ["5", "6", "7"]
    assert "email: Not a valid email address: left empty." in rows[1][-1]
    assert rows[3][6] == "'=cmd|' /C calc'!A0"  # neutralised for spreadsheets
    rows = _csv_rows(client.get(csv_url, {"warning": "latin_name_in_arabic_script"}))
    assert [row[0] for row in rows[1:]] == ["6"]


def test_a_record_id_in_the_source_is_kept_and_a_reimport_updates_by_it(imported):
    user, source = analyst(), SourceFactory(country="FR")
    headers = ["Numéro de dossier", "Prénom", "Nom", "Date de naissance", "Téléphone"]
    first = imported(source, user, csv_bytes([["C-17", "Karim", "Tazi", "1980", ""]], headers=headers))
    assert first.mapping["external_id"] == "Numéro de dossier"
    record = SourceRecord.objects.get(source=source)
    assert (record.external_id, record.birth_date_precision) == ("C-17", "year")
    second = imported(
        source, user, csv_bytes([["C-17", "Karim", "Tazi", "12/03/1980", "06 12 34 56 78"]], headers=headers)
    )
    assert (second.accepted_rows, second.updated_rows) == (0, 1)
    record = SourceRecord.objects.get(source=source)
    assert (str(record.birth_date), record.birth_date_precision, record.phone) == (
        "1980-03-12",
        "day",
        "+33612345678",
    )


def test_an_id_the_source_gave_another_person_before_never_overwrites_that_person(imported):
    """A list numbered line by line ("N°" 1, 2, 3 in each export): next month's line 1 is someone else.
    A corrected spelling of the same person under the same id still updates the record."""
    user, source = analyst(), SourceFactory(country="FR")
    headers = ["N°", "Prénom", "Nom", "Date de naissance"]
    imported(
        source,
        user,
        csv_bytes([["1", "Karim", "Tazi", "1980"], ["2", "Nadia", "Idrissi", ""]], headers=headers),
    )
    batch = imported(
        source,
        user,
        csv_bytes([["1", "Omar", "Alami", "1975"], ["2", "Nadia", "Idrissy", "1983"]], headers=headers),
        name="mois-2.csv",
    )
    assert batch.mapping["external_id"] == "N°"
    assert (batch.accepted_rows, batch.updated_rows, batch.warning_rows) == (1, 1, 1)
    people = SourceRecord.objects.filter(source=source).order_by("id")
    assert [(r.external_id, r.given_name, r.family_name) for r in people] == [
        ("1", "Karim", "Tazi"),
        ("2", "Nadia", "Idrissy"),
        ("1", "Omar", "Alami"),
    ]
    omar = people.get(given_name="Omar")
    assert [w["code"] for w in omar.warnings] == ["external_id_reused"]
    # Id 1 now names two people: each later row updates its own person's record.
    batch = imported(
        source,
        user,
        csv_bytes(
            [["1", "Karim", "Tazi", "12/03/1980"], ["1", "Omar", "Alami", "02/01/1975"]], headers=headers
        ),
        name="mois-3.csv",
    )
    assert (batch.accepted_rows, batch.updated_rows, batch.warning_rows) == (0, 2, 0)
    dates = dict(SourceRecord.objects.filter(source=source).values_list("given_name", "birth_date"))
    assert (str(dates["Karim"]), str(dates["Omar"])) == ("1980-03-12", "1975-01-02")
    # Within one file too: a repeated id on another person's row is a second record.
    other = SourceFactory(country="FR")
    batch = imported(
        other, user, csv_bytes([["7", "Salma", "Bennani", ""], ["7", "Ali", "Zaki", ""]], headers=headers)
    )
    assert (batch.accepted_rows, batch.updated_rows) == (2, 0)


@pytest.mark.parametrize("language, said", [("fr", "Feuilles lues"), ("ar", "أوراق"), ("en", "Sheets read")])
def test_a_workbook_with_a_sheet_per_city_imports_every_sheet_and_says_which(imported, language, said):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Paris"
    workbook.active.append(["Nom", "Prénom", "Email"])
    workbook.active.append(["Alaoui", "Karim", "k@example.org"])
    lyon = workbook.create_sheet("Lyon")
    for row in (["Nom", "Prénom", "Email"], ["Idrissi", "Nadia", "n@example.org"]):
        lyon.append(row)
    workbook.create_sheet("Légende").append(["Code", "Sens"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    user, source = analyst(), SourceFactory(country="FR")
    batch = services.batch_upload(
        source=source, upload=upload(buffer.getvalue(), name="villes.xlsx"), user=user
    )
    assert batch.total_rows == 2
    with translation.override(language):
        page = client_for(user).get(reverse("referential:batch_mapping", args=[batch.pk])).content.decode()
    assert said in page and "<bdi>Lyon</bdi>" in page and "<bdi>Légende</bdi>" in page
    batch = imported(SourceFactory(country="FR"), user, buffer.getvalue(), name="villes.xlsx")
    assert batch.accepted_rows == 2
    assert set(SourceRecord.objects.filter(batch=batch).values_list("given_name", flat=True)) == {
        "Karim",
        "Nadia",
    }


def test_the_original_file_downloads_for_analysts_and_is_logged(imported):
    user = analyst()
    data = csv_bytes(GOOD_ROWS)
    batch = imported(SourceFactory(), user, data)
    response = client_for(user).get(reverse("referential:batch_file", args=[batch.pk]))
    assert b"".join(response.streaming_content) == data
    assert 'filename="liste.csv"' in response["Content-Disposition"]
    assert AuditLog.objects.filter(
        actor=user, action="referential.download_file", context__batch=batch.pk
    ).exists()


def test_the_linkage_input_holds_every_record_with_its_sources_trust(imported):
    user = analyst()
    imported(SourceFactory(name="Consulat", trust=5), user, csv_bytes(GOOD_ROWS[:2]))
    imported(SourceFactory(name="Réseau", trust=2), user, csv_bytes(GOOD_ROWS[2:]))
    rows = list(selectors.source_records_rows())
    assert len(rows) == 3 and set(rows[0]) == set(selectors.RECORD_COLUMNS)
    assert sorted(row["source_trust"] for row in rows) == [2, 5, 5]
    frame = selectors.source_records_frame()
    assert len(frame) == 3


def test_the_analyst_can_read_a_csv_again_in_another_encoding():
    user, source = analyst(), SourceFactory()
    headers = ["الاسم الشخصي", "النسب", "الاسم بالعربية"]
    data = csv_bytes([["Mohamed", "El Amrani", "محمد العمراني"]], headers=headers, encoding="cp1256")
    batch = services.batch_upload(source=source, upload=upload(data), user=user)
    assert (batch.encoding, batch.headers) == ("cp1256", headers)
    client = client_for(user)
    url = reverse("referential:batch_encoding", args=[batch.pk])
    client.post(url, {"encoding": "latin-1"})
    batch.refresh_from_db()
    assert batch.encoding == "latin-1" and batch.headers != headers
    client.post(url, {"encoding": ""})  # detect again
    batch.refresh_from_db()
    assert (batch.encoding, batch.headers) == ("cp1256", headers)
    assert batch.mapping["name_arabic"] == "الاسم بالعربية"


@pytest.mark.parametrize(
    "language, warning", [("fr", "Pas un numéro"), ("ar", "ليس رقم هاتف"), ("en", "Not a phone")]
)
def test_the_preview_shows_partial_dates_as_given_and_warnings_in_the_analysts_language(language, warning):
    user, source = analyst(), SourceFactory(country="FR")
    headers = ["Prénom", "Nom", "Date de naissance", "Téléphone"]
    data = csv_bytes([["Karim", "Tazi", "1980", "12"], ["Nadia", "Idrissi", "03/1985", ""]], headers=headers)
    batch = services.batch_upload(source=source, upload=upload(data), user=user)
    services.batch_map(batch=batch, mapping=batch.mapping, user=user)
    with translation.override(language):
        url = reverse("referential:batch_preview", args=[batch.pk])
    page = client_for(user).get(url).content.decode()
    assert "<bdi>1980</bdi>" in page and "<bdi>03/1985</bdi>" in page and "1980-01-01" not in page
    assert warning in page


def test_a_file_whose_dates_are_written_month_first_is_read_month_first(imported):
    """A North American consulate writes 03/12/1985 for 12 March: read day first, most of its dates
    would become other valid dates, silently. Dates that only read month first (12/25/1990) tell."""
    user, source = analyst(), SourceFactory(country="CA")
    headers = ["Record ID", "First Name", "Last Name", "Date of Birth", "Phone"]
    rows = [
        ["NA-1", "Karim", "Tazi", "03/12/1985", ""],
        ["NA-2", "Nadia", "Idrissi", "12/25/1990", ""],
        ["NA-3", "Omar", "Alami", "01/30/1977", ""],
        ["NA-4", "Salma", "Bennani", "1979", ""],
    ]
    batch = imported(source, user, csv_bytes(rows, headers=headers))
    assert batch.accepted_rows == 4 and batch.warning_rows == 0
    dates = dict(SourceRecord.objects.filter(source=source).values_list("external_id", "birth_date"))
    assert [str(dates[key]) for key in ("NA-1", "NA-2", "NA-3", "NA-4")] == [
        "1985-03-12",
        "1990-12-25",
        "1977-01-30",
        "1979-01-01",
    ]
    # A day-first file with one date that only reads month first stays day first.
    other = SourceFactory(country="FR")
    imported(
        other,
        user,
        csv_bytes(
            [
                ["F-1", "Ali", "Tazi", "03/12/1985", ""],
                ["F-2", "Ali", "Naciri", "25/12/1990", ""],
                ["F-3", "Ali", "Zaki", "12/25/1991", ""],
            ],
            headers=headers,
        ),
    )
    dates = dict(SourceRecord.objects.filter(source=other).values_list("external_id", "birth_date"))
    assert str(dates["F-1"]) == "1985-12-03"


def test_two_records_of_a_source_with_the_same_values_but_their_own_ids_both_go_in(imported):
    """A consulate that registered someone twice (a renewal) holds two records: neither is a row sent
    twice. The same file again still changes nothing."""
    user, source = analyst(), SourceFactory(country="FR")
    headers = ["Numéro de dossier", "Prénom", "Nom", "Date de naissance", "Téléphone"]
    rows = [["C-1", "Karim", "Tazi", "1980", ""], ["C-2", "Karim", "Tazi", "1980", ""]]
    batch = imported(source, user, csv_bytes(rows, headers=headers))
    assert (batch.accepted_rows, batch.duplicate_rows) == (2, 0)
    again = imported(source, user, csv_bytes(rows, headers=headers), name="encore.csv")
    assert (again.accepted_rows, again.updated_rows, again.duplicate_rows) == (0, 0, 2)
    assert sorted(SourceRecord.objects.filter(source=source).values_list("external_id", flat=True)) == [
        "C-1",
        "C-2",
    ]


def test_an_overlong_cell_or_a_stray_nul_costs_one_warning_not_the_batch(imported):
    # On PostgreSQL a value longer than its column, or a NUL, failed the whole chunk's insert.
    user, source = analyst(), SourceFactory(country="FR")
    long_row = ["Karim", "Tazi " + "El " * 60, "", "1980", "", "06 12 34 56 78", "Lille " * 30, "France"]
    nul_row = ["Nadia", "Ben\x00nani", "", "", "nadia@example.org", "", "Lyon", "France"]
    batch = imported(source, user, csv_bytes(GOOD_ROWS + [long_row, nul_row]))
    assert batch.status == ImportBatch.Status.DONE
    assert (batch.accepted_rows, batch.rejected_rows, batch.warning_rows) == (5, 0, 1)
    karim = SourceRecord.objects.get(batch=batch, given_name="Karim")
    assert karim.family_name.startswith("Tazi El") and len(karim.family_name) <= 120
    assert {w["code"] for w in karim.warnings} == {"too_long"} and karim.raw["Ville"] == long_row[6]
    assert SourceRecord.objects.get(batch=batch, given_name="Nadia").family_name == "Bennani"


def test_arabic_given_and_family_names_in_columns_of_their_own_make_the_arabic_name(imported, client):
    # Moroccan papers give both names in both scripts: four columns, two per script, in any order.
    headers = ["النسب", "الاسم", "Nom", "Prénom", "Date de naissance", "Ville"]
    rows = [
        ["بناني", "فاطمة الزهراء", "Bennani", "Fatima Zahra", "1990", "Lyon"],
        ["العلوي", "عبد الله", "Alaoui", "Abdellah", "12/03/1978", "Paris"],
        ["", "يوسف", "", "", "", "Lille"],  # the Arabic given name alone still names someone
    ]
    user, source = analyst(), SourceFactory(country="FR")
    batch = imported(source, user, csv_bytes(rows, headers=headers))
    assert (batch.mapping["family_name"], batch.mapping["given_name"]) == ("Nom", "Prénom")
    assert (batch.mapping["family_name_arabic"], batch.mapping["given_name_arabic"]) == ("النسب", "الاسم")
    assert (batch.accepted_rows, batch.rejected_rows) == (3, 0)
    names = {(r.given_name, r.family_name, r.name_arabic) for r in SourceRecord.objects.filter(batch=batch)}
    assert names == {
        ("Fatima Zahra", "Bennani", "فاطمة الزهراء بناني"),
        ("Abdellah", "Alaoui", "عبد الله العلوي"),
        ("", "", "يوسف"),
    }
    # The mapping page proposes both parts, labelled in the analyst's language.
    first_row = upload(csv_bytes(rows[:1], headers=headers))
    waiting = services.batch_upload(source=source, upload=first_row, user=user)
    client.force_login(user)
    with translation.override("fr"):
        page = client.get(reverse("referential:batch_mapping", args=[waiting.pk])).content.decode()
    assert "prénom en arabe" in page.lower() and "nom de famille en arabe" in page.lower()
    assert 'value="الاسم" selected' in page and 'value="النسب" selected' in page


def test_a_footer_with_the_total_is_reported_not_imported_and_the_rows_above_go_in(imported):
    footer = ["Total : 3", "", "", "", "", "", "", ""]
    user, source = analyst(), SourceFactory(country="FR")
    batch = imported(source, user, csv_bytes(GOOD_ROWS + [footer]))
    assert (batch.accepted_rows, batch.rejected_rows) == (3, 1)
    rejected = RejectedRow.objects.get(batch=batch)
    assert rejected.row_number == 5 and [r["code"] for r in rejected.reasons] == ["summary_row"]
    assert not SourceRecord.objects.filter(batch=batch, given_name__icontains="total").exists()


def test_phones_a_spreadsheet_stored_as_numbers_keep_their_country(imported):
    # Excel typed the phone column as numbers: the "+", the leading 0 and 011's 0 are gone.
    rows = [
        ["Giulia", "Benali", "", "1990", "", 212572640, "Milano", "Italia"],
        ["Omar", "Tazi", "", "1985", "", 11212661234567, "Montréal", "Canada"],
        ["Sara", "Idrissi", "", "1992", "", 33612345678, "Lyon", "France"],
    ]
    user, source = analyst(), SourceFactory(country="FR")
    batch = imported(source, user, xlsx_bytes(rows), name="liste.xlsx")
    phones = dict(SourceRecord.objects.filter(batch=batch).values_list("given_name", "phone"))
    assert phones == {"Giulia": "+390212572640", "Omar": "+212661234567", "Sara": "+33612345678"}
    assert batch.warning_rows == 0

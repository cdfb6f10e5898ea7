"""An analyst (with a second factor) imports a consulate's list: upload, mapping, preview, commit,
rows with warnings and the rejected row downloaded; every page passes axe-core in French and in Arabic."""

import csv
import io
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from referential.models import ImportBatch, SourceRecord
from tests.referential.helpers import BAD_ROWS, GOOD_ROWS, NOBODY_ROWS, csv_bytes

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _download(page, tmp_path, link_name):
    with page.expect_download() as download_info:
        page.get_by_role("link", name=link_name).click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    return list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))


def _axe_in_both_languages(page, checked):
    """axe on the current page, then on the same page in Arabic (right to left)."""
    path = re.sub(r"^https?://[^/]+", "", page.url)
    assert axe_violations(page) == [], path
    page.goto(page.url.replace("/fr/", "/ar/", 1))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == [], path.replace("/fr/", "/ar/", 1)
    checked.append(path)
    page.goto(page.url.replace("/ar/", "/fr/", 1))


def test_an_analyst_imports_a_list_and_downloads_the_rejected_rows(browser, live_server, tmp_path):
    analyst = UserFactory(email="analyste@example.org", roles=[ANALYST], preferred_language="fr")
    secret = generate_totp_secret()
    TOTP.activate(analyst, secret)
    listing = tmp_path / "liste-consulat.csv"
    listing.write_bytes(csv_bytes(GOOD_ROWS + BAD_ROWS + NOBODY_ROWS, encoding="utf-8-sig", delimiter=";"))
    base = live_server.url
    context = browser.new_context(locale="fr-FR", accept_downloads=True)
    context.set_default_timeout(20_000)
    page = context.new_page()
    checked = []

    log_in(page, base, analyst.email, secret)
    page.goto(f"{base}/fr/referential/")
    _axe_in_both_languages(page, checked)

    # Register the source.
    page.get_by_role("link", name="Enregistrer une source").click()
    _axe_in_both_languages(page, checked)
    page.fill("input[name='name']", "Consulat général à Lyon")
    page.select_option("select[name='kind']", "consulate")
    page.select_option("select[name='country']", "FR")
    page.fill("input[name='contact_name']", "Service social")
    page.fill("input[name='trust']", "5")
    page.get_by_role("button", name="Enregistrer la nouvelle source").click()
    page.wait_for_url(re.compile(r"/fr/referential/sources/\d+/$"))
    _axe_in_both_languages(page, checked)

    # Upload: the mapping is guessed from the French headers.
    page.set_input_files("input[name='file']", str(listing))
    page.get_by_role("button", name="Déposer et associer les colonnes").click()
    page.wait_for_url(re.compile(r"/imports/\d+/mapping/$"))
    assert page.locator("select[name='email']").input_value() == "Courriel"
    assert page.locator("select[name='name_arabic']").input_value() == "Nom en arabe"
    assert "محمد العمراني" in page.content()  # the sample rows, read as UTF-8 with its BOM
    _axe_in_both_languages(page, checked)

    # Preview: normalised values; rows with doubtful values go in with warnings, in French.
    page.get_by_role("button", name="Prévisualiser l’import").click()
    page.wait_for_url(re.compile(r"/imports/\d+/preview/$"))
    content = page.content()
    assert "+33612345678" in content and "Avec des avertissements" in content and "Pays inconnu" in content
    _axe_in_both_languages(page, checked)

    # Commit: the batch page shows the finished progress and the rejected rows.
    page.get_by_role("button", name="Importer 7 lignes").click()
    page.wait_for_url(re.compile(r"/imports/\d+/$"))
    assert page.locator("#import-progress").get_attribute("value") == "100"
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.accepted_rows, batch.warning_rows, batch.rejected_rows) == ("done", 6, 3, 1)
    assert SourceRecord.objects.count() == 6  # valid input is never refused: raw values kept
    _axe_in_both_languages(page, checked)

    warned = _download(page, tmp_path, "Télécharger ces lignes avec leurs avertissements (CSV)")
    assert warned[0][0] == "Ligne" and len(warned) == 4
    assert any(row[6] == "'=cmd|' /C calc'!A0" for row in warned[1:])  # formula neutralised
    rejected = _download(page, tmp_path, "Télécharger les lignes rejetées (CSV)")
    assert rejected[0][0] == "Ligne" and rejected[0][-1] == "Motifs" and len(rejected) == 2
    assert "Rien n’identifie une personne" in rejected[1][-1]

    page.goto(f"{base}/fr/referential/access-log/")
    _axe_in_both_languages(page, checked)
    assert len(checked) == 7
    context.close()


def test_the_progress_bar_follows_a_running_import_without_reloading(browser, live_server, tmp_path):
    from referential.factories import SourceFactory

    analyst = UserFactory(email="analyste2@example.org", roles=[ANALYST])
    secret = generate_totp_secret()
    TOTP.activate(analyst, secret)
    batch = ImportBatch.objects.create(
        source=SourceFactory(),
        original_filename="gros-fichier.csv",
        sha256="0" * 64,
        status=ImportBatch.Status.RUNNING,
        total_rows=1000,
        processed_rows=250,
        accepted_rows=240,
        rejected_rows=10,
    )
    page = browser.new_context(locale="fr-FR").new_page()
    log_in(page, live_server.url, analyst.email, secret)
    page.goto(f"{live_server.url}/fr/referential/imports/{batch.pk}/")
    assert page.locator("#import-progress").get_attribute("value") == "25"
    assert page.locator("[data-when-finished]").is_hidden()

    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.DONE, processed_rows=1000, accepted_rows=980, rejected_rows=20
    )
    page.locator("[data-when-finished]").wait_for(state="visible")
    assert page.locator("#import-progress").evaluate("bar => bar.value") == 100
    assert page.locator("[data-field='accepted']").text_content() == "980"
    page.context.close()

"""A member edits their profile and projects, downloads their data and deletes their account."""

import io
import json

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from community.labels.models import Label, LabelGrant
from community.notifications.models import Notification
from community.profiles.demo import seed_profiles
from community.profiles.factories import ProfileFactory, ProjectFactory, RelayCoverageFactory
from community.profiles.models import Profile, Project
from privacy.factories import ConsentRecordFactory

pytestmark = pytest.mark.django_db


def _image(fmt="JPEG", size=(1600, 1200), exif=None):
    output = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(output, fmt, **kwargs)
    return output.getvalue()


def _gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (33.0, 35.0, 21.0)
    gps[3] = "W"
    gps[4] = (7.0, 36.0, 41.0)
    return exif


FORM = {
    "display_name": "Youssef Alaoui",
    "name_arabic": "يوسف العلوي",
    "country": "CA",
    "city": "Montréal",
    "region_of_origin": "fes-meknes",
    "headline": "Civil engineer",
    "bio": "Bridges and roads.",
    "sectors": ["construction"],
    "skills": ["Structural design", "BIM", "bim"],
    "years_experience": "9",
    "education": "Polytechnique Montréal",
    "languages": ["fr", "ar"],
    "contributions": ["mentoring", "expertise"],
    "availability": "days-year",
    "link_1": "https://example.org/youssef",
    **{
        f"vis_{group}": "1"
        for group in ("name", "photo", "about", "skills", "career", "languages", "country", "origin")
    },
    "vis_city": "3",
    "vis_links": "3",
    "vis_contact": "3",
}


def _post(client, data, photo=None, language="fr"):
    payload = dict(data)
    if photo is not None:
        payload["photo"] = photo
    return client.post(f"/{language}/community/members/me/", payload)


def test_factories_build():
    assert ProfileFactory(skills=["GIS"]).skills.names()[0] == "GIS"
    assert ProjectFactory(skills_needed=["Solar"]).skills_needed.count() == 1
    assert RelayCoverageFactory().countries == ["FR"]


def test_the_profile_is_created_on_first_edit_and_updated_after(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/fr/community/members/me/").status_code == 200
    assert not Profile.objects.filter(user=user).exists()
    response = _post(client, FORM)
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert profile.display_name == "Youssef Alaoui" and profile.city == "Montréal"
    assert sorted(profile.skills.names()) == ["BIM", "Structural design"]
    assert profile.links == ["https://example.org/youssef"]
    assert profile.languages_key == "|ar|fr|" and profile.city_key == "montreal"
    _post(client, {**FORM, "headline": "Bridge engineer", "skills": "BIM"})
    profile.refresh_from_db()
    assert profile.headline == "Bridge engineer" and profile.skills.names()[0] == "BIM"
    assert Profile.objects.filter(user=user).count() == 1


def test_gps_metadata_is_stripped_and_the_photo_shrunk(client):
    user = UserFactory()
    client.force_login(user)
    original = _image(exif=_gps_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the upload does carry GPS
    upload = SimpleUploadedFile("me.jpg", original, content_type="image/jpeg")
    assert _post(client, FORM, photo=upload).status_code == 302
    profile = Profile.objects.get(user=user)
    stored = profile.photo.read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and max(image.size) == 800
    assert len(image.getexif()) == 0 and not image.getexif().get_ifd(0x8825)
    assert b"Exif" not in stored and b"PhoneMaker" not in stored
    served = client.get(reverse("profiles:photo", args=[profile.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"


def test_png_with_transparency_is_accepted():
    from community.profiles.photos import photo_reencode, photo_validate

    output = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 255, 128)).save(output, "PNG")
    upload = SimpleUploadedFile("me.png", output.getvalue())
    photo_validate(upload)
    assert Image.open(io.BytesIO(photo_reencode(upload))).format == "JPEG"


@pytest.mark.parametrize(
    ("language", "content", "expected"),
    [
        ("fr", b"this is only text", "Ce fichier n’est pas une image"),
        ("ar", b"this is only text", "هذا الملف ليس صورة"),
        ("fr", "oversized", "4000 × 4000"),
        ("ar", "oversized", "4000 × 4000"),
        ("fr", "gif", "JPEG, PNG ou WebP"),
    ],
)
def test_a_bad_photo_is_refused_in_the_active_language_keeping_the_other_fields(
    client, language, content, expected
):
    user = UserFactory()
    client.force_login(user)
    if content == "oversized":
        content = _image("PNG", size=(4100, 300))
    elif content == "gif":
        content = _image("GIF", size=(10, 10))
    response = _post(
        client, FORM, photo=SimpleUploadedFile("me.jpg", content, "image/jpeg"), language=language
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert 'value="Youssef Alaoui"' in html and "Bridges and roads." in html and 'value="Montréal"' in html
    assert 'name="skills" value="Structural design" checked' in html and 'value="BIM" checked' in html
    assert not Profile.objects.filter(user=user).exists()


def test_a_decompression_bomb_is_refused():
    from django.core.exceptions import ValidationError

    from community.profiles.photos import photo_validate

    output = io.BytesIO()
    Image.new("1", (12000, 12000)).save(output, "PNG")  # tiny file, 144 megapixels
    upload = SimpleUploadedFile("bomb.png", output.getvalue())
    assert upload.size < 5 * 1024 * 1024
    with pytest.raises(ValidationError):
        photo_validate(upload)


def test_a_file_over_5_mb_is_refused(client):
    from django.core.exceptions import ValidationError

    from community.profiles.photos import photo_validate

    with pytest.raises(ValidationError) as error:
        photo_validate(SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024)))
    assert error.value.code == "too_big"


def test_other_form_errors_are_translated_and_keep_input(client):
    client.force_login(UserFactory())
    response = _post(client, {**FORM, "display_name": "", "link_1": "not a link"}, language="ar")
    html = response.content.decode()
    with translation.override("ar"):
        from django.utils.translation import gettext

        assert gettext("This field is required.") in html
    assert "Civil engineer" in html


def test_projects_can_be_added_edited_and_deleted_by_their_owner_only(client):
    owner = ProfileFactory()
    client.force_login(owner.user)
    response = client.post(
        "/fr/community/members/me/projects/add/",
        {
            "title": "Argan cooperative",
            "summary": "Women-led argan oil cooperative.",
            "sector": "agriculture",
            "stage": "launched",
            "region": "souss-massa",
            "funding_need": "100k-1m",
            "visibility": "1",
            "skills_needed": ["Export", "Marketing"],
            "help_needed": ["investment", "mentoring"],
        },
    )
    assert response.status_code == 302
    project = Project.objects.get(owner=owner)
    assert (
        sorted(project.skills_needed.names()) == ["Export", "Marketing"]
        and project.help_key == "|investment|mentoring|"
    )
    edit = f"/fr/community/members/me/projects/{project.pk}/edit/"
    client.post(
        edit,
        {
            **{
                "title": "Argan coop",
                "summary": "x",
                "sector": "agriculture",
                "stage": "scaling",
                "region": "souss-massa",
                "visibility": "1",
            }
        },
    )
    project.refresh_from_db()
    assert project.stage == "scaling"

    client.force_login(UserFactory())
    assert client.get(edit).status_code == 403
    assert client.post(f"/fr/community/members/me/projects/{project.pk}/delete/").status_code == 403
    client.force_login(owner.user)
    client.post(f"/fr/community/members/me/projects/{project.pk}/delete/")
    assert not Project.objects.filter(pk=project.pk).exists()


def test_data_export_holds_account_profile_projects_consents_labels_notifications(client):
    profile = ProfileFactory(skills=["GIS"], display_name="Salma")
    ProjectFactory(owner=profile, title="Water reuse")
    ConsentRecordFactory(user=profile.user, purpose="matching", granted=False)
    label = Label.objects.create(slug="verified", name_fr="Vérifié", name_ar="موثق", name_en="Verified")
    LabelGrant.objects.create(user=profile.user, label=label)
    Notification.objects.create(recipient=profile.user, kind="label", subject="Label granted")
    client.force_login(profile.user)
    response = client.get("/en/community/members/me/data/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == profile.user.email
    assert data["profile"]["display_name"] == "Salma" and data["profile"]["skills"] == ["GIS"]
    assert [p["title"] for p in data["projects"]] == ["Water reuse"]
    assert data["consents"][0]["purpose"] == "matching" and data["consents"][0]["granted"] is False
    assert data["labels"] == [{"slug": "verified", "name": "Verified"}]
    assert data["notifications"][0]["subject"] == "Label granted"


def test_account_deletion_asks_the_password_then_erases_everything(
    client, django_capture_on_commit_callbacks
):
    profile = ProfileFactory()
    ProjectFactory(owner=profile)
    profile.photo.save("p.jpg", SimpleUploadedFile("p.jpg", _image(size=(10, 10))))
    photo_path = profile.photo.path
    user = profile.user
    client.force_login(user)
    url = "/fr/community/members/me/delete/"
    response = client.post(url, {"password": "wrong"})
    assert response.status_code == 200 and "Ce mot de passe n’est pas correct." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert not Profile.objects.filter(pk=profile.pk).exists()
    assert not Project.objects.filter(owner_id=profile.pk).exists()
    assert not type(user).objects.filter(pk=user.pk).exists()
    import os

    assert not os.path.exists(photo_path)
    assert client.get("/fr/community/members/me/").status_code == 302  # logged out
    assert not client.login(email=user.email, password=DEFAULT_PASSWORD)


def test_posts_of_a_deleted_member_read_deleted_member():
    from core.names import display_name

    with translation.override("fr"):
        assert display_name(None) == "Membre supprimé"


def test_demo_profiles_are_idempotent_and_mostly_listed():
    from community.profiles.demo import seed_profiles
    from community.profiles.selectors import directory_profiles
    from privacy.factories import PrivacyNoticeFactory

    PrivacyNoticeFactory()
    assert seed_profiles(count=40) == 40
    assert seed_profiles(count=40) == 0
    assert Profile.objects.count() == 40 and Project.objects.count() == 7
    assert len(set(Profile.objects.values_list("country", flat=True))) == 20
    assert 25 <= directory_profiles(UserFactory()).count() < 40


def test_demo_members_are_distinct_people_and_projects_say_what_they_are():
    """The demo is what a visitor judges the platform by: no two members with the same name, no
    project repeated, and a summary that describes its project rather than its holder's job."""
    seed_profiles(count=300)
    names = list(Profile.objects.values_list("display_name", flat=True))
    assert len(names) == 300 and len(set(names)) == 300
    projects = list(Project.objects.values_list("title", "summary"))
    assert len(projects) == 50 and len({title for title, _ in projects}) == 50
    for title, summary in projects:
        town = title.rsplit(" ", 1)[-1]
        assert town in summary, (title, summary)  # the summary speaks of the project's own place

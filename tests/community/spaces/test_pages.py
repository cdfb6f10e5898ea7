"""What members see and do in a space: the locked page, the charter, posts, comments, files, feeds."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.factories import UserFactory
from community.labels.models import LabelGrant
from community.spaces import services
from community.spaces.factories import CharterVersionFactory, CommentFactory, PostFactory, label_grant
from community.spaces.models import CharterAcceptance, Document

pytestmark = pytest.mark.django_db


def _fr(text):
    with translation.override("fr"):
        return gettext(text)


def _login(user):
    client = Client()
    client.force_login(user)
    return client


def _url(gated, suffix=""):
    return f"/fr/community/spaces/{gated['space'].slug}/{suffix}"


def test_a_member_sees_what_is_missing_accepts_the_charter_and_enters(gated):
    member = UserFactory()
    label_grant(member, gated["labels"][0])
    client = _login(member)
    response = client.get(_url(gated))
    content = response.content.decode()
    assert response.status_code == 403
    assert gated["version"].text_fr in content and "Secret deal" not in content
    assert f'action="/fr/community/spaces/charters/{gated["version"].id}/accept/"' in content

    response = client.post(
        f"/fr/community/spaces/charters/{gated['version'].id}/accept/", {"next": _url(gated)}, follow=True
    )
    assert response.status_code == 200 and "Secret deal in Tangier" in response.content.decode()
    acceptance = CharterAcceptance.objects.get(user=member)
    assert acceptance.version == gated["version"] and acceptance.accepted_at is not None

    new = CharterVersionFactory(charter=gated["version"].charter, version="2.0", published_at=timezone.now())
    response = client.get(_url(gated))
    assert response.status_code == 403 and new.text_fr in response.content.decode()
    # The old version's acceptance stays on record; accepting it again no longer opens the door.
    client.post(f"/fr/community/spaces/charters/{gated['version'].id}/accept/", {"next": _url(gated)})
    assert client.get(_url(gated)).status_code == 403
    client.post(f"/fr/community/spaces/charters/{new.id}/accept/", {"next": _url(gated)})
    assert client.get(_url(gated)).status_code == 200
    assert CharterAcceptance.objects.filter(user=member).count() == 2


def test_the_locked_page_names_missing_labels_and_links_to_apply(gated):
    content = _login(UserFactory()).get("/ar/community/spaces/investor-club/").content.decode()
    assert gated["labels"][0].name_ar in content and gated["labels"][1].name_ar in content
    assert 'href="/ar/community/labels/"' in content
    assert gated["version"].text_ar in content


def test_an_accept_redirect_never_leaves_the_site(gated):
    response = _login(UserFactory()).post(
        f"/fr/community/spaces/charters/{gated['version'].id}/accept/", {"next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response["Location"] == "/fr/community/spaces/"


def test_members_post_and_comment_hidden_items_never_show(gated, people):
    client = _login(people["labelled"])
    response = client.post(_url(gated), {"post-title": "", "post-body": "Un message sans titre"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Un message sans titre" in content  # nothing the member typed is lost
    assert 'aria-invalid="true"' in content

    response = client.post(
        _url(gated), {"post-title": "Appel à projets", "post-body": "Détails"}, follow=True
    )
    assert "Appel à projets" in response.content.decode()
    post = gated["space"].posts.get(title="Appel à projets")
    client.post(_url(gated, f"posts/{post.id}/"), {"body": "Très intéressant"})
    assert post.comments.get().body == "Très intéressant"

    hidden_comment = CommentFactory(post=post, body="Insulte cachée")
    moderator = _login(people["moderator"])
    assert client.post(_url(gated, f"comments/{hidden_comment.id}/hide/")).status_code == 403
    moderator.post(_url(gated, f"comments/{hidden_comment.id}/hide/"))
    moderator.post(_url(gated, f"posts/{gated['post'].id}/hide/"))

    page = client.get(_url(gated)).content.decode()
    assert "Secret deal in Tangier" not in page and "Appel à projets" in page
    assert "Insulte cachée" not in client.get(_url(gated, f"posts/{post.id}/")).content.decode()
    assert client.get(_url(gated, f"posts/{gated['post'].id}/")).status_code == 404
    api = client.get(f"/fr/community/spaces/api/spaces/{gated['space'].slug}/posts/").json()
    assert [p["title"] for p in api["posts"]] == ["Appel à projets"]
    assert "Secret deal" not in client.get("/fr/community/spaces/search/?q=Secret").content.decode()


def test_a_deleted_members_posts_stay_under_deleted_member(gated, people):
    author = UserFactory()
    PostFactory(space=gated["space"], author=author, title="Souvenir")
    author.delete()
    content = _login(people["labelled"]).get(_url(gated)).content.decode()
    assert "Souvenir" in content and _fr("Deleted member") in content


def test_documents_are_checked_by_content_and_size(gated, people, settings):
    client = _login(people["labelled"])
    fake = SimpleUploadedFile("rapport.pdf", b"just some text, not a PDF", content_type="application/pdf")
    response = client.post(_url(gated, "documents/"), {"title": "Mon rapport", "file": fake})
    content = response.content.decode()
    assert response.status_code == 400 and 'value="Mon rapport"' in content
    refused = _fr("This type of file is not accepted. Send a PDF, an image or an office document.")
    assert escape(refused) in content
    assert not Document.objects.exists()

    from community.spaces import forms

    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (forms.MAX_DOCUMENT_SIZE + 1))
    assert client.post(_url(gated, "documents/"), {"title": "Gros", "file": big}).status_code == 400

    real = SimpleUploadedFile("note.txt", b"%PDF-1.4\n%real pdf\n", content_type="text/plain")
    client.post(_url(gated, "documents/"), {"title": "Note", "file": real})
    document = Document.objects.get()
    assert document.content_type == "application/pdf" and document.uploaded_by == people["labelled"]
    assert str(settings.MEDIA_ROOT) not in document.file.path  # never reachable through MEDIA_URL
    response = client.get(_url(gated, f"documents/{document.id}/"))
    assert response["Content-Disposition"].startswith("attachment")


def test_a_revoked_feed_token_stops_working(gated, people):
    token = services.feed_token_issue(user=people["labelled"]).token
    url = f"/fr/community/spaces/feeds/{token}/{gated['space'].slug}/"
    assert Client().get(url).status_code == 200
    services.feed_token_revoke(user=people["labelled"])
    assert Client().get(url).status_code == 404

    token = services.feed_token_issue(user=people["labelled"]).token
    LabelGrant.objects.filter(user=people["labelled"]).update(ended_at=timezone.now(), end_reason="revoked")
    assert Client().get(f"/fr/community/spaces/feeds/{token}/{gated['space'].slug}/").status_code == 403


def test_the_member_list_and_export_follow_the_gate(gated, people):
    services.space_visit_record(user=people["labelled"], space=gated["space"])
    sneaky = UserFactory(first_name="=HYPERLINK(1)", last_name="x")
    label_grant(sneaky, gated["labels"][0])
    services.charter_accept(user=sneaky, version=gated["version"])
    services.space_visit_record(user=sneaky, space=gated["space"])
    services.space_visit_record(user=people["member"], space=gated["space"])  # visited, no access

    csv_text = _login(people["moderator"]).get(_url(gated, "members.csv")).content.decode()
    assert people["labelled"].email in csv_text and people["member"].email not in csv_text
    assert "'=HYPERLINK(1)" in csv_text

    LabelGrant.objects.filter(user=people["labelled"]).update(ended_at=timezone.now(), end_reason="revoked")
    members_page = _login(sneaky).get(_url(gated, "members/")).content.decode()
    assert people["labelled"].last_name not in members_page
    assert _login(sneaky).get(_url(gated, "members.csv")).status_code == 403

    gated["space"].moderators.add(sneaky)
    assert _login(sneaky).get(_url(gated, "members.csv")).status_code == 200

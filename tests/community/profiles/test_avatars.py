"""Faces: a member's photo where the viewer may see it, their initial on their own colour otherwise."""

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile

from accounts.factories import UserFactory
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.profiles.avatars import AVATAR_COLOURS, avatar_for, initial_of
from community.profiles.choices import Visibility
from community.profiles.factories import ProfileFactory
from community.spaces.factories import PostFactory

pytestmark = pytest.mark.django_db


def _jpeg():
    output = io.BytesIO()
    Image.new("RGB", (20, 20), "green").save(output, "JPEG")
    return output.getvalue()


@pytest.fixture
def member():
    profile = ProfileFactory(
        display_name="Nadia Benali", vis_name=Visibility.PUBLIC, vis_photo=Visibility.MEMBERS, directory=True
    )
    profile.photo.save("p.jpg", ContentFile(_jpeg()))
    return profile


def test_the_photo_shows_to_whom_the_member_lets_see_it_and_initials_to_the_others(client, member):
    photo = f"/fr/community/members/{member.pk}/photo/"
    for page in ("/fr/community/members/", f"/fr/community/members/{member.pk}/"):
        html = client.get(page).content.decode()  # a visitor: photo for members only
        assert photo not in html and re.search(
            r'class="avatar avatar--\d+ avatar--c\d" aria-hidden="true">N<', html
        )
    client.force_login(UserFactory())
    for page in ("/fr/community/members/", f"/fr/community/members/{member.pk}/"):
        html = client.get(page).content.decode()
        # The name is written beside it: the photo is decorative.
        assert '<img class="avatar avatar--' in html and f'src="{photo}" alt=""' in html
    assert client.get(photo).status_code == 200


def test_a_post_shows_its_author_face_by_the_same_rule(client, member):
    group = CommunityGroupFactory()
    MembershipFactory(group=group, user=member.user)
    post = PostFactory(
        space=None, group=group, author=member.user, title="Irrigation", body="Goutte à goutte"
    )
    page = f"/fr/community/groups/{group.slug}/posts/{post.pk}/"
    reader = UserFactory()
    MembershipFactory(group=group, user=reader)
    client.force_login(reader)
    assert f'src="/fr/community/members/{member.pk}/photo/" alt=""' in client.get(page).content.decode()
    assert avatar_for(None, post.author).photo_profile_id is None  # a visitor would see the initial


def test_initials_are_the_first_letter_of_the_displayed_name_in_any_script():
    assert initial_of("نادية بنعلي") == "ن"
    assert initial_of("élodie Martin") == "É"
    assert initial_of("  «Karim»") == "K"
    arabic = ProfileFactory(display_name="يوسف العلوي", vis_name=Visibility.PUBLIC)
    face = avatar_for(None, arabic.user)
    assert face.initial == "ي" and face.name == "يوسف العلوي"
    # The colour is the member's own: the same on every page and for every viewer.
    assert face.colour == avatar_for(UserFactory(), arabic).colour == arabic.user_id % len(AVATAR_COLOURS)


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_initials_colour_is_defined_and_reads_white_at_aa_contrast():
    css = Path(finders.find("themes/css/kafaat.css")).read_text(encoding="utf-8")
    for index, colour in enumerate(AVATAR_COLOURS):
        assert f".avatar--c{index} {{ background: {colour}; }}" in css
        assert (1.05) / (_luminance(colour) + 0.05) >= 4.5, colour

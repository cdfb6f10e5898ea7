import pytest

from community.spaces.factories import CommentFactory, LabelFactory, SpaceFactory

pytestmark = pytest.mark.django_db


def test_factories_build_a_space_with_labels_and_a_comment_on_a_post():
    label = LabelFactory()
    space = SpaceFactory(labels=[label])
    comment = CommentFactory(post__space=space)
    assert list(space.required_labels.all()) == [label]
    assert comment.post.space == space and comment.post.author is not None

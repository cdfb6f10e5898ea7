"""Atom feed of a space's posts at a per-member secret address; the gate is asked at each fetch."""

from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from accounts.second_factor import as_token_holder
from core.names import display_name

from .models import Space
from .permissions import space_access
from .selectors import feed_token_owner, space_get, space_posts


class SpacePostsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, token, slug):
        owner = feed_token_owner(token)
        if owner is None:
            raise Http404
        as_token_holder(owner)
        try:
            space = space_get(slug)
        except Space.DoesNotExist:
            raise Http404 from None
        if not space_access(owner, space).allowed:
            raise PermissionDenied
        return space

    def title(self, obj):
        return obj.name

    def subtitle(self, obj):
        return obj.description

    def link(self, obj):
        return reverse("spaces:detail", args=[obj.slug])

    def items(self, obj):
        return space_posts(obj)[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body

    def item_link(self, item):
        return reverse("spaces:post", args=[item.space.slug, item.id])

    def item_author_name(self, item):
        return display_name(item.author)

    def item_pubdate(self, item):
        return item.created_at

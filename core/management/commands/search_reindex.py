"""Rebuild the site search's text index from each app's objects (after a bulk import or restore)."""

from django.core.management.base import BaseCommand

from core.registry import registry
from core.search import reindex


class Command(BaseCommand):
    help = "Rebuild the search index of every registered kind (or of the kinds named)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="kinds to rebuild (default: all)")

    def handle(self, *args, kinds=(), **options):
        for provider in registry.search_provider_list():
            if provider.documents is None or (kinds and provider.kind not in kinds):
                continue
            written = reindex(provider.kind, provider.documents())
            self.stdout.write(f"{provider.kind}: {written} rows")

from django.core.management.base import BaseCommand

from matching.taxonomy import taxonomy_load


class Command(BaseCommand):
    help = (
        "Load the shipped skills taxonomy (matching/data/skills.json): add and refresh concepts. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--embed", action="store_true", help="also embed concepts that have no vector")

    def handle(self, *args, embed=False, **options):
        created, updated = taxonomy_load(embed=embed)
        self.stdout.write(f"Skills taxonomy: {created} created, {updated} updated.")

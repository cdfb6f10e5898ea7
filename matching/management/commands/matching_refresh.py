from django.core.management.base import BaseCommand

from matching.features import features_refresh_all
from matching.models import SkillConcept
from matching.progress import ProgressBar
from matching.taxonomy import concepts_embed_all, taxonomy_load


class Command(BaseCommand):
    help = (
        "Bring matching up to date after a model or taxonomy change: load the shipped taxonomy, embed "
        "the concepts, then recompute every profile's and project's features, in batches, with a "
        "progress bar. Idempotent; texts whose embedding is current are not embedded again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="embed everything again (new model)")
        parser.add_argument("--skip-load", action="store_true", help="do not load matching/data/skills.json")
        parser.add_argument("--batch-size", type=int, default=64)

    def handle(self, *args, all=False, skip_load=False, batch_size=64, **options):
        if not skip_load:
            created, updated = taxonomy_load()
            self.stdout.write(f"Skills taxonomy: {created} created, {updated} updated.")
        query = SkillConcept.objects.all() if all else SkillConcept.objects.filter(vector__isnull=True)
        bar = ProgressBar(self.stdout, query.count(), "concepts")
        concepts_embed_all(batch_size, everything=all, progress=bar.advance)
        bar.close()
        profiles, projects = features_refresh_all(
            batch_size, everything=all, progress=lambda label, total: ProgressBar(self.stdout, total, label)
        )
        self.stdout.write(f"Embedded {profiles} profiles and {projects} projects.")

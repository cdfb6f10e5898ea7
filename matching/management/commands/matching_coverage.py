from django.core.management.base import BaseCommand

from matching.coverage import SAMPLE, coverage, load_sample
from matching.taxonomy import index_from_entries, taxonomy_data, taxonomy_index


class Command(BaseCommand):
    help = (
        "Print the share of typed skills the taxonomy maps to a concept, per language, on a realistic "
        "fr/ar/en sample (matching/data/coverage_sample.json: a dev part and a held-out part)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sample", default=str(SAMPLE), help="JSON: {split: {language: [tags]}}")
        parser.add_argument(
            "--shipped", action="store_true", help="measure the shipped file, not the database's taxonomy"
        )
        parser.add_argument("--missed", action="store_true", help="list the tags left unmapped")

    def handle(self, *args, sample, shipped, missed, **options):
        index = index_from_entries(taxonomy_data()) if shipped else taxonomy_index()
        self.stdout.write(f"{len(index.codes)} concepts ({'shipped file' if shipped else 'database'})")
        for split, languages in load_sample(sample).items():
            result = coverage(index, languages)
            parts = ", ".join(
                f"{language} {figure.share:.1%} of {figure.total}" for language, figure in result.items()
            )
            total = sum(f.mapped for f in result.values()) / max(sum(f.total for f in result.values()), 1)
            self.stdout.write(f"{split}: {total:.1%} mapped ({parts})")
            if missed:
                for language, figure in result.items():
                    for tag in figure.missed:
                        self.stdout.write(f"  unmapped [{language}] {tag}")

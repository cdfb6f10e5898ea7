import time

from django.core.management.base import BaseCommand

from matching.evaluation.run import DATA, evaluate, load, report, slice_set


class Command(BaseCommand):
    help = (
        "Print nDCG@10, recall@10 and MRR of matching on the labelled set (matching/data/evaluation.json), "
        "beside a keyword baseline. Embeds the set's texts (about half a minute)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data", default=str(DATA), help="labelled set (JSON, see matching/evaluation)")
        parser.add_argument("--concepts", type=int, default=0, help="only the projects of the first N skills")

    def handle(self, *args, data, concepts, **options):
        started = time.monotonic()
        labelled = slice_set(load(data), concepts or None)
        results = evaluate(labelled, log=self.stdout.write)
        projects = len(labelled["projects"])
        languages = sorted({p["language"] for p in labelled["projects"]})
        self.stdout.write(
            f"{projects} projects ({', '.join(languages)}), {len(labelled['profiles'])} candidate profiles, "
            "6 relevant per project (4 in another language)"
        )
        self.stdout.write(report(results))
        self.stdout.write(f"({time.monotonic() - started:.1f} s)")

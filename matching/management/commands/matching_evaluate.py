import time

from django.core.management.base import BaseCommand

from matching.evaluation.page import evaluate_page
from matching.evaluation.run import ABLATIONS, DATA, SYSTEMS, evaluate, load, report, slice_set


class Command(BaseCommand):
    help = (
        "Print nDCG@10, recall@10, MRR and the cross-language figures of matching on the labelled set "
        "(matching/data/evaluation.json), beside a keyword baseline, with every slice. --page also enters "
        "the set through the site's services and reads the 10 suggestions the project page shows."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data", default=str(DATA), help="labelled set (JSON, see matching/evaluation)")
        parser.add_argument("--concepts", type=int, default=0, help="only the projects of the first N skills")
        parser.add_argument("--ablation", action="store_true", help="also the engine without each factor")
        parser.add_argument("--page", action="store_true", help="also the figures on the page's top 10")

    def handle(self, *args, data, concepts, ablation, page, **options):
        started = time.monotonic()
        labelled = slice_set(load(data), concepts or None)
        systems = {**SYSTEMS, **(ABLATIONS if ablation else {})}
        results = evaluate(labelled, log=self.stdout.write, systems=systems)
        projects = len(labelled["projects"])
        languages = sorted({p["language"] for p in labelled["projects"]})
        self.stdout.write(
            f"{projects} projects ({', '.join(languages)}), {len(labelled['profiles'])} candidate profiles"
        )
        self.stdout.write(report(results))
        if page:
            self.stdout.write("")
            self.stdout.write("On the project page (entered through the site's services, top 10 shown):")
            self.stdout.write(report({"page top 10": evaluate_page(labelled, log=self.stdout.write)}))
        self.stdout.write(f"({time.monotonic() - started:.1f} s)")

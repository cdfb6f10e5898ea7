"""Pair precision, recall, F1 and run time of the linkage engine on FEBRL3, FEBRL4 and the synthetic
Moroccan set (see referential/linkage/quality.py)."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print linkage quality figures (FEBRL3, FEBRL4, synthetic Moroccan names)."

    def add_arguments(self, parser):
        parser.add_argument("--dataset", choices=["febrl3", "febrl4", "moroccan", "all"], default="all")
        parser.add_argument("--records", type=int, default=20_000, help="size of the synthetic set")
        parser.add_argument("--threshold", type=float, default=0.9)
        parser.add_argument("--backend", default=None, help="duckdb (default) or spark")

    def handle(self, *args, dataset, records, threshold, backend, **options):
        from referential.linkage import quality

        logging.getLogger("splink").setLevel(logging.ERROR)
        backend = backend or settings.LINKAGE_BACKEND
        runs = {
            "febrl4": lambda: quality.febrl4(threshold, backend),
            "febrl3": lambda: quality.febrl3(threshold, backend),
            "moroccan": lambda: quality.moroccan(records, threshold, backend=backend),
        }
        for name, run in runs.items():
            if dataset in (name, "all"):
                self.stdout.write(quality.format_figures(run()))

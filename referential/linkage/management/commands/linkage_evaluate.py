"""Linkage quality figures: the hard multi-source set through the real import path, FEBRL3, FEBRL4 and
the synthetic Moroccan set (see referential/linkage/quality.py and evaluation.py)."""

import logging
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from referential.linkage import evaluation, hardset, hardset_files, quality


class Command(BaseCommand):
    help = (
        "Print linkage quality figures: the hard set through upload → mapping → import → linkage "
        "(--through-import), FEBRL3, FEBRL4, synthetic Moroccan names."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dataset", choices=["hard", "febrl3", "febrl4", "moroccan", "all"], default="all"
        )
        parser.add_argument(
            "--through-import",
            action="store_true",
            help="only the hard set, through the site's import and linkage services",
        )
        parser.add_argument("--people", type=int, default=3000, help="people in the hard set")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--coverage",
            type=float,
            default=0.0,
            help="hard set: share of the missing dates, phones, emails and year-only dates filled (0-1)",
        )
        # One way of writing the files at a time: the spreadsheet reads the set's own headers.
        files = parser.add_mutually_exclusive_group()
        files.add_argument(
            "--xlsx",
            action="store_true",
            help="hard set: upload its files as XLSX whose cells a spreadsheet typed (dates as dates, "
            "phones as numbers without their + or leading 0)",
        )
        files.add_argument(
            "--other-exports",
            action="store_true",
            help="hard set: upload the same rows as other systems export them (other headers, dates with "
            "dots or month first, numbers dialled with 00, ';' or tab separated, Windows-1252 or UTF-16)",
        )
        parser.add_argument("--records", type=int, default=20_000, help="size of the synthetic set")
        parser.add_argument("--threshold", type=float, default=0.9)
        parser.add_argument("--backend", default=None, help="duckdb (default) or spark")
        parser.add_argument("--write-files", default="", help="also write the hard set's files here")
        parser.add_argument(
            "--missed",
            action="store_true",
            help="hard set: say why missed true pairs were missed (stage, record shapes, comparison "
            "vectors, calibration of the review band, evidence ceiling)",
        )

    def handle(self, *args, dataset, through_import, people, seed, records, threshold, backend, **options):

        logging.getLogger("splink").setLevel(logging.ERROR)
        backend = backend or settings.LINKAGE_BACKEND
        if through_import:
            dataset = "hard"

        def hard():
            data = hardset.generate(people, seed=seed, coverage=options["coverage"])
            if options["other_exports"]:
                data = hardset_files.redressed(data)
            if options["xlsx"]:
                data = hardset_files.as_workbooks(data)
            if options["write_files"]:
                folder = Path(options["write_files"])
                folder.mkdir(parents=True, exist_ok=True)
                for name, content in data.files.items():
                    xlsx = content.startswith(b"PK")
                    (folder / (name.replace(".csv", ".xlsx") if xlsx else name)).write_bytes(content)
            return evaluation.format_figures(
                evaluation.through_import(data, backend=backend, diagnostics=options["missed"])
            )

        runs = {
            "hard": hard,
            "febrl4": lambda: quality.format_figures(quality.febrl4(threshold, backend)),
            "febrl3": lambda: quality.format_figures(quality.febrl3(threshold, backend)),
            "moroccan": lambda: quality.format_figures(quality.moroccan(records, threshold, backend=backend)),
        }
        for name, run in runs.items():
            if dataset in (name, "all"):
                self.stdout.write(run())

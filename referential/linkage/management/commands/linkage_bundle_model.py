"""Learn the bundled model (used by runs with too few records to train) on the synthetic population.

Weights are learnt without labels, as in every run: u by random sampling, m by EM blocked on email,
phone and date of birth."""

import json
import logging

from django.core.management.base import BaseCommand

from referential.linkage import engine, synthetic
from referential.linkage.services import BUNDLED_MODEL


class Command(BaseCommand):
    help = "Train the bundled linkage model on the synthetic population and write bundled_model.json."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=50_000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, records, seed, **options):
        logging.getLogger("splink").setLevel(logging.ERROR)
        data = synthetic.generate(records, seed=seed)
        result = engine.link(data.records, seed=seed)
        BUNDLED_MODEL.write_text(json.dumps(result.model(), indent=1, ensure_ascii=False) + "\n")
        self.stdout.write(f"Wrote {BUNDLED_MODEL} ({records} synthetic records)")

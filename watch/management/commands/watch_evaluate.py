from django.core.management.base import BaseCommand
from django.db import transaction

from watch.evaluation.generator import generate
from watch.evaluation.runner import run, table


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Score the watch on a generated labelled set served over local HTTP (nothing is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--stories", type=int, default=200)
        parser.add_argument("--registry", type=int, default=300)
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--errors", action="store_true", help="list the articles scored wrong")

    def handle(self, *args, seed, stories, registry, json: bool = False, errors: bool = False, **options):
        dataset = generate(seed=seed, stories=stories, registry_size=registry)
        result = {}
        try:
            with transaction.atomic():
                result = run(dataset)
                raise _Rollback
        except _Rollback:
            pass
        if json:
            self.stdout.write(__import__("json").dumps(result, indent=2, default=str))
        else:
            self.stdout.write(f"seed {seed}, {stories} stories, registry {len(dataset.people)} people")
            self.stdout.write(table(result))
            if errors:
                for error in result.get("errors", []):
                    self.stdout.write(
                        f"{error['kind']:<12} {error['path']}  truth {error['truth']}  got {error['guess']}"
                    )
                    self.stdout.write(
                        "    " + dataset.files[error["path"]][1].decode().split("<article>")[1][:900]
                    )

import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from accounts.demo import seed_role_accounts
from accounts.second_factor import operator_process


def demo_seeders():
    """Each app names its demo seeders on its AppConfig as ``demo_seeders = [(order, "dotted.path")]``.

    The command knows no app but accounts: apps add their demo data without the command importing
    them, and the order numbers say what must exist first (members before labels, labels before spaces).
    """
    seeders = []
    for config in apps.get_app_configs():
        seeders.extend(getattr(config, "demo_seeders", []))
    return [import_string(path) for _order, path in sorted(seeders)]


class Command(BaseCommand):
    help = "Seed the demo: site content in French, Arabic and English, community data, one login per role."

    def handle(self, *args, **options):
        started = time.monotonic()
        accounts = seed_role_accounts()
        # The seeders act for the demo staff accounts, which set up their second factor later.
        with operator_process():
            for seeder in demo_seeders():
                step = time.monotonic()
                seeder()
                self.stdout.write(f"{seeder.__module__}.{seeder.__name__}: {time.monotonic() - step:.1f} s")
        self._print_logins(accounts)
        self.stdout.write(self.style.SUCCESS(f"Demo seeded in {time.monotonic() - started:.1f} s."))

    def _print_logins(self, accounts):
        rows = [("role", "email", "password"), *[(str(r), e, p) for r, e, p in accounts]]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        rule = "+".join("-" * (width + 2) for width in widths)
        self.stdout.write("Demo logins (staff set up two-factor authentication at their first staff page):")
        self.stdout.write(rule)
        for index, row in enumerate(rows):
            self.stdout.write(" " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
            if index == 0:
                self.stdout.write(rule)
        self.stdout.write(rule)

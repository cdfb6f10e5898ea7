import time

from django.core.management.base import BaseCommand

from cms.demo import seed_cms_content


def _seed_accounts():
    try:
        from accounts.demo import seed_role_accounts
    except ImportError:
        # --- TEMPORARY FALLBACK: remove once accounts.demo.seed_role_accounts is always present. ---
        # The accounts app owns the demo logins; without it the content is seeded and no login is made.
        return None
    return seed_role_accounts()


class Command(BaseCommand):
    help = (
        "Seed the demo: pages in French, Arabic and English, navigation, and one login per role. Idempotent."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        home = seed_cms_content()
        self.stdout.write(
            f"Site content ready: home page “{home.title}” with its Arabic and English translations."
        )

        accounts = _seed_accounts()
        if accounts is None:
            self.stdout.write(
                self.style.WARNING("accounts.demo is not available: no demo logins were created.")
            )
        elif accounts:
            self._print_logins(accounts)
        self.stdout.write(self.style.SUCCESS(f"Demo seeded in {time.monotonic() - started:.1f} s."))

    def _print_logins(self, accounts):
        rows = [
            ("role", "email", "password"),
            *[(str(role), email, password) for role, email, password in accounts],
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        rule = "+".join("-" * (width + 2) for width in widths)
        self.stdout.write("Demo logins:")
        self.stdout.write(rule)
        for index, row in enumerate(rows):
            self.stdout.write(
                " " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            )
            if index == 0:
                self.stdout.write(rule)
        self.stdout.write(rule)

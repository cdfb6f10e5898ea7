#!/usr/bin/env python
"""Django's command-line utility for Kafaat."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The project package lives in site/kafaat: a top-level package named "site" would shadow Python's own.
sys.path.insert(0, str(ROOT / "site"))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kafaat.settings.dev")
    from django.core.management import execute_from_command_line  # after the settings module is chosen

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

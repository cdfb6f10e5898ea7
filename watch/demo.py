"""Demo data of the watch (make demo)."""


def seed_watch():
    return None

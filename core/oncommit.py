"""Work queued after the commit, once per key and transaction."""

from django.db import transaction


def once_on_commit(key: tuple, func) -> None:
    """Queue ``func`` after the commit unless ``key`` is already waiting (one save often saves its parts)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        getattr(entry[1], "once_key", None) == key for entry in connection.run_on_commit
    ):
        return

    def run():
        run.once_key = None  # done: a later change in the same transaction queues it again
        func()

    run.once_key = key
    transaction.on_commit(run)

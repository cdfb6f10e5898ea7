"""A text progress bar for long commands (embedding thousands of texts)."""

import time


class ProgressBar:
    def __init__(self, stream, total: int, label: str, width: int = 30):
        self.stream, self.total, self.label, self.width = stream, total, label, width
        self.done = 0
        self.started = time.monotonic()
        self._draw()

    def advance(self, count: int = 1) -> None:
        self.done = min(self.done + count, self.total)
        self._draw()

    def _draw(self) -> None:
        share = self.done / self.total if self.total else 1.0
        filled = round(self.width * share)
        elapsed = time.monotonic() - self.started
        rate = f" {self.done / elapsed:.1f}/s" if elapsed > 0 and self.done else ""
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}{rate}", ending="")
        if hasattr(self.stream, "flush"):
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("")

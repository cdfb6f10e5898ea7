"""A local SMTP sink for bench/outreach.py: accepts every message, counts them, prints the count when
stopped (SIGTERM). Run by the benchmark in a process of its own, on a port it is given."""

import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.count += 1
        return "250 OK"


def main():
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=int(sys.argv[1]))
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    controller.stop()
    print(sink.count, flush=True)


if __name__ == "__main__":
    main()

"""How passwords are stored: Argon2id at OWASP's recommended parameters.

Django's default, PBKDF2-SHA256 with 1,000,000 iterations, costs 300 ms of CPU per sign-in on a
production core, and Django's own Argon2 parameters (100 MiB, 8 lanes) about 200 ms; a campaign that
brings a few hundred members to sign in within minutes queued every page behind those hashes
(bench/load). OWASP's Password Storage Cheat Sheet recommends Argon2id with 19 MiB of memory, 2 passes
and 1 lane as at least as strong against guessing on GPUs as PBKDF2-SHA256 at 600,000 iterations: 25 ms
of CPU here. Hashes written with other parameters or other hashers are still accepted and rewritten
with these at the member's next sign-in (Django's ``must_update``).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1

"""Warm mode (opt-in): a background process per repository and user that has imported gdpr-guard and
checkov once, and forks a fresh child per scan.

A one-file pre-commit scan spends most of its time importing: checkov ~3 s (87 % of its start-up),
gdpr-guard ~0.3 s. With `GDPR_GUARD_WARM=1` (or `scan --warm`), the first scan runs the normal way and
then starts a worker (server.py) that imports both and waits on a Unix socket. Later scans in the same
repository (client.py) hand it their command line, working directory, environment and standard streams;
the worker forks a child (child.py) that runs the command exactly as the `gdpr-guard` console script would,
from the freshly imported state (nothing of an earlier scan is ever reused), and forks checkov's worker
from that same state instead of starting a new interpreter.

Guarantees (tests/test_warm.py): the same bytes on stdout, in report files and the same exit status as
a cold run; a worker is keyed by the versions and content of gdpr-guard, its policies, the engines, the
configuration files and the environment variables that steer them (key.py), so any change starts a new
one; it serves one repository and one user (a 0700 directory of the user's, the peer's uid checked on
both sides); it stops after `GDPR_GUARD_WARM_IDLE` seconds without a scan (default 900); and a worker that
is missing, dead, stale or fails is never a pass: the scan runs cold, and a failure is said on stderr.
"""

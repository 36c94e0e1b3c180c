#!/usr/bin/env python3
"""rss.py CMD [ARGS...]: runs CMD, passes its output through, and then prints
one more line, `peak_rss_mb=X`, the peak resident memory of CMD in megabytes
(10^6 bytes), from getrusage(RUSAGE_CHILDREN).ru_maxrss, which Linux reports
in KiB. Exits with CMD's status. Standard library only; used by bench.sh."""

import resource
import subprocess
import sys

if len(sys.argv) < 2:
    sys.exit(__doc__)
status = subprocess.call(sys.argv[1:])
sys.stdout.flush()
kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("peak_rss_mb=%.1f" % (kib * 1024 / 1e6))
sys.exit(status if status >= 0 else 128 - status)

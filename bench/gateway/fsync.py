"""The machine's own durable-write latency, the floor under Thiqa's C = 1 latency: every answer waits for one commit.

Appends 4 KiB to a file in DIR and calls fdatasync (what SQLite calls at each WAL commit on Linux with
synchronous=FULL), COUNT times after WARMUP untimed ones; prints one JSON line with p50/p99/mean in milliseconds.

  python3 fsync.py DIR [COUNT] [WARMUP]
"""

import json
import os
import statistics
import sys
import time


def main():
    directory = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    path = os.path.join(directory, "fsync-probe.bin")
    block = os.urandom(4096)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    sync = getattr(os, "fdatasync", os.fsync)
    samples = []
    try:
        for i in range(warmup + count):
            os.write(fd, block)
            start = time.perf_counter_ns()
            sync(fd)
            elapsed = time.perf_counter_ns() - start
            if i >= warmup:
                samples.append(elapsed / 1e6)
    finally:
        os.close(fd)
        os.unlink(path)
    samples.sort()
    print(json.dumps({
        "count": count, "call": sync.__name__, "block_bytes": len(block),
        "p50_ms": samples[len(samples) // 2], "p99_ms": samples[min(len(samples) - 1, int(len(samples) * 0.99))],
        "mean_ms": statistics.fmean(samples),
    }))


if __name__ == "__main__":
    main()

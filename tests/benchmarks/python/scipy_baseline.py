#!/usr/bin/env python3
"""SciPy baselines for the filter benchmarks, on the same workload as SosFilterBenchmark:
an order-4 Bessel band-pass 300-3000 Hz (norm='phase') at 30 kHz over 384 channels of float32,
1 ms frames (30 samples), causal sosfilt with carried state, and per-block sosfiltfilt(padlen=0) at B = 32.
Single thread; prints channel-samples/s. Run: /usr/bin/python3 tests/benchmarks/python/scipy_baseline.py
"""
import time

import numpy as np
from scipy import signal

CHANNELS, FRAME, BLOCK, FS = 384, 30, 32, 30000.0


def best_rate(run, samples_per_call, repeats=7, calls=200):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            run()
        best = min(best, time.perf_counter() - start)
    return samples_per_call * calls / best


def main():
    sos = signal.bessel(4, [300, 3000], btype="bandpass", norm="phase", fs=FS, output="sos")
    rng = np.random.default_rng(30000)
    frame = rng.standard_normal((FRAME, CHANNELS)).astype(np.float32)
    zi = np.zeros((sos.shape[0], 2, CHANNELS))

    def causal():
        nonlocal zi
        _, zi = signal.sosfilt(sos, frame, axis=0, zi=zi)

    block = rng.standard_normal((BLOCK, CHANNELS)).astype(np.float32)

    def bidirectional():
        signal.sosfiltfilt(sos, block, axis=0, padlen=0)

    print("scipy %s numpy %s" % (__import__("scipy").__version__, np.__version__))
    print("sosfilt causal, 384 ch x 30-sample frames: %.0f M channel-samples/s"
          % (best_rate(causal, CHANNELS * FRAME) / 1e6))
    print("sosfiltfilt per block B=32, 384 ch: %.0f M channel-samples/s"
          % (best_rate(bidirectional, CHANNELS * BLOCK) / 1e6))


if __name__ == "__main__":
    main()

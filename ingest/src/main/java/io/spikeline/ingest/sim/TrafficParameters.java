package io.spikeline.ingest.sim;

import java.util.Arrays;

/**
 * Parameters of the simulated edge-gateway traffic: flows start as a Poisson process of rate
 * {@code flowsPerSecond}; each flow's protocol is drawn with the weights {@code protocolWeights} (indexed by
 * {@link TrafficProtocol#ordinal()}); clients live in 10.0.0.0/16 and servers in 198.51.100.0/24
 * (documentation range); each flow has its own round-trip time drawn uniformly from {@code rttMs}.
 */
public record TrafficParameters(long seed, double flowsPerSecond, double[] protocolWeights, double[] rttMs) {

    public TrafficParameters {
        if (!(flowsPerSecond > 0) || Double.isInfinite(flowsPerSecond)) {
            throw new IllegalArgumentException("flows per second must be finite and > 0, was " + flowsPerSecond);
        }
        if (protocolWeights == null || protocolWeights.length != TrafficProtocol.values().length) {
            throw new IllegalArgumentException("protocol weights need one weight per protocol "
                    + Arrays.toString(TrafficProtocol.values()));
        }
        double sum = 0;
        for (double w : protocolWeights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("protocol weights must be finite and >= 0, found " + w);
            }
            sum += w;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("at least one protocol weight must be > 0");
        }
        if (rttMs == null || rttMs.length != 2 || !(rttMs[0] > 0) || !(rttMs[1] >= rttMs[0])) {
            throw new IllegalArgumentException("round-trip time must be a range [min, max] with 0 < min <= max ms");
        }
        protocolWeights = protocolWeights.clone();
        rttMs = rttMs.clone();
    }

    /** 50 flows/s, every protocol equally likely, round trips of 5–80 ms. */
    public static TrafficParameters defaults(long seed) {
        double[] weights = new double[TrafficProtocol.values().length];
        Arrays.fill(weights, 1);
        return new TrafficParameters(seed, 50, weights, new double[] {5, 80});
    }
}

package io.spikeline.operators.signal;

import io.spikeline.models.filter.BlockBidirectionalFilter;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselDesign;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.filter.design.DigitalFilter;
import io.spikeline.operators.sideoutput.NonFinitePolicy;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link BesselFilterFunction} applies to every key: a Bessel design given in Hz (made per key at the
 * key's own sample rate), how it runs ({@link FilterMode}), what happens to NaN/Inf samples, and whether
 * output event times are shifted back by the design's group delay. Immutable and serializable; built with
 * {@link #causal} or {@link #blockBidirectional} and refined with the {@code with…} methods.
 */
public final class FilterSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BandType band;
    private final int order;
    private final double[] edgesHz;
    private final BesselNorm norm;
    private final FilterMode mode;
    private final int blockSize;
    private final BlockBidirectionalFilter.Variant variant;
    private final NonFinitePolicy nonFinitePolicy;
    private final boolean alignToGroupDelay;

    private FilterSpec(BandType band, int order, double[] edgesHz, BesselNorm norm, FilterMode mode, int blockSize,
                       BlockBidirectionalFilter.Variant variant, NonFinitePolicy nonFinitePolicy,
                       boolean alignToGroupDelay) {
        this.band = Objects.requireNonNull(band, "band");
        if (order < 1 || order > BesselDesign.MAX_ORDER) {
            throw new IllegalArgumentException("order must be 1.." + BesselDesign.MAX_ORDER + ", was " + order);
        }
        this.order = order;
        Objects.requireNonNull(edgesHz, "edgesHz");
        if (edgesHz.length != band.edgeCount()) {
            throw new IllegalArgumentException("a " + band + " filter needs " + band.edgeCount()
                    + " edge frequencies, had " + Arrays.toString(edgesHz));
        }
        this.edgesHz = edgesHz.clone();
        this.norm = Objects.requireNonNull(norm, "norm");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (mode == FilterMode.BLOCK_BIDIRECTIONAL) {
            if (blockSize <= 0) {
                throw new IllegalArgumentException("blockSize must be > 0 samples, was " + blockSize);
            }
            Objects.requireNonNull(variant, "variant");
        }
        this.blockSize = blockSize;
        this.variant = variant;
        this.nonFinitePolicy = Objects.requireNonNull(nonFinitePolicy, "nonFinitePolicy");
        this.alignToGroupDelay = alignToGroupDelay;
    }

    /** Causal filtering, NaN/Inf frames dropped, event times not shifted. */
    public static FilterSpec causal(BandType band, int order, double[] edgesHz, BesselNorm norm) {
        return new FilterSpec(band, order, edgesHz, norm, FilterMode.CAUSAL, 0, null, NonFinitePolicy.DROP_FRAME,
                false);
    }

    /** Block-bidirectional filtering in blocks of {@code blockSize} samples, NaN/Inf frames dropped. */
    public static FilterSpec blockBidirectional(BandType band, int order, double[] edgesHz, BesselNorm norm,
                                                int blockSize, BlockBidirectionalFilter.Variant variant) {
        return new FilterSpec(band, order, edgesHz, norm, FilterMode.BLOCK_BIDIRECTIONAL, blockSize, variant,
                NonFinitePolicy.DROP_FRAME, false);
    }

    public FilterSpec withNonFinitePolicy(NonFinitePolicy policy) {
        return new FilterSpec(band, order, edgesHz, norm, mode, blockSize, variant, policy, alignToGroupDelay);
    }

    /**
     * Whether output event times are moved back by {@link FilterDesigns.RateDesign#groupDelayUs()}, so that a
     * spike in the output carries the time it had in the input (causal mode only: the block-bidirectional
     * passes already cancel most of the phase, and its design delay is reported as 0).
     */
    public FilterSpec withGroupDelayAlignment(boolean align) {
        return new FilterSpec(band, order, edgesHz, norm, mode, blockSize, variant, nonFinitePolicy, align);
    }

    /** The digital design at {@code sampleRateHz}; fails when an edge is at or above that rate's Nyquist. */
    public DigitalFilter design(double sampleRateHz) {
        return BesselDesign.digital(band, order, edgesHz, sampleRateHz, norm);
    }

    public BandType band() {
        return band;
    }

    public int order() {
        return order;
    }

    /** A fresh copy. */
    public double[] edgesHz() {
        return edgesHz.clone();
    }

    public BesselNorm norm() {
        return norm;
    }

    public FilterMode mode() {
        return mode;
    }

    /** B, samples per block in {@link FilterMode#BLOCK_BIDIRECTIONAL} mode (0 in causal mode). */
    public int blockSize() {
        return blockSize;
    }

    /** The block-bidirectional variant (null in causal mode). */
    public BlockBidirectionalFilter.Variant variant() {
        return variant;
    }

    public NonFinitePolicy nonFinitePolicy() {
        return nonFinitePolicy;
    }

    public boolean alignToGroupDelay() {
        return alignToGroupDelay;
    }

    @Override
    public String toString() {
        return "FilterSpec{Bessel " + band + " order " + order + " " + Arrays.toString(edgesHz) + " Hz " + norm
                + " " + mode + (mode == FilterMode.BLOCK_BIDIRECTIONAL ? " B=" + blockSize + " " + variant : "")
                + " nonFinite=" + nonFinitePolicy + (alignToGroupDelay ? " aligned" : "") + "}";
    }
}
